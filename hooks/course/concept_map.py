"""The concept map: every mechanism–target–drug link of the related-pages graph, as one mermaid diagram and as a
table that stays readable on a phone and to screen readers."""

from __future__ import annotations

import posixpath

from checks.markdown_source import Source

from .sources import LIST_SEPARATOR, SECTIONS, section_of, title_of

MAPPED_SECTIONS = ("mechanisms", "targets", "drugs")


def mapped(page: str) -> bool:
    return section_of(page) in MAPPED_SECTIONS and not page.endswith("/index")


def cross_links(graph: dict[str, set[str]]) -> list[tuple[str, str]]:
    """Links between pages of different kinds (mechanism–target, target–drug, mechanism–drug), each once."""
    return sorted({tuple(sorted((a, b))) for a, others in graph.items() for b in others
                   if mapped(a) and mapped(b) and section_of(a) != section_of(b)})


def node_id(page: str) -> str:
    return page.replace("/", "_").replace("-", "_")


def concept_map(graph: dict[str, set[str]], sources: dict[tuple[str, str], Source], lang: str, here: str) -> str:
    lines = ["```mermaid", "flowchart LR"]
    for section in MAPPED_SECTIONS:
        members = sorted(p for p in graph if section_of(p) == section and mapped(p))
        lines.append(f'    subgraph {section}["{SECTIONS[section][lang]}"]')
        lines += [f'        {node_id(p)}["{title_of(sources, p, lang)}"]' for p in members]
        lines.append("    end")
    lines += [f"    {node_id(a)} --- {node_id(b)}" for a, b in cross_links(graph)]
    lines += ["```", "", concept_table(graph, sources, lang, here)]
    return "\n".join(lines)


def concept_table(graph: dict[str, set[str]], sources: dict[tuple[str, str], Source], lang: str, here: str) -> str:
    """One row per mechanism: the targets and drug classes linked to it."""
    base = posixpath.dirname(here) or "."

    def links(pages: list[str]) -> str:
        return LIST_SEPARATOR[lang].join(
            f"[{title_of(sources, p, lang)}]({posixpath.relpath(p + '.md', base)})" for p in sorted(pages))

    names = [SECTIONS[s][lang] for s in MAPPED_SECTIONS]
    rows = [f"| {' | '.join(names)} |", "|---|---|---|"]
    for mechanism in sorted(p for p in graph if section_of(p) == "mechanisms" and mapped(p)):
        neighbours = graph[mechanism]
        targets = [p for p in neighbours if section_of(p) == "targets" and mapped(p)]
        drugs = [p for p in neighbours if section_of(p) == "drugs" and mapped(p)]
        rows.append(f"| {links([mechanism])} | {links(targets)} | {links(drugs)} |")
    return "\n".join(rows)
