"""The concept map: every mechanism–target–drug link of the related-pages graph as one mermaid diagram."""

from __future__ import annotations

from checks.markdown_source import Source

from .sources import SECTIONS, section_of, title_of

MAPPED_SECTIONS = ("mechanisms", "targets", "drugs")


def node_id(page: str) -> str:
    return page.replace("/", "_").replace("-", "_")


def concept_map(graph: dict[str, set[str]], sources: dict[tuple[str, str], Source], lang: str) -> str:
    lines = ["```mermaid", "flowchart LR"]
    for section in MAPPED_SECTIONS:
        members = sorted(p for p in graph if section_of(p) == section and p != f"{section}/index")
        lines.append(f'    subgraph {section}["{SECTIONS[section][lang]}"]')
        lines += [f'        {node_id(p)}["{title_of(sources, p, lang)}"]' for p in members]
        lines.append("    end")
    edges = sorted({tuple(sorted((a, b))) for a, others in graph.items() for b in others})
    for a, b in edges:
        if all(section_of(p) in MAPPED_SECTIONS and not p.endswith("/index") for p in (a, b)):
            lines.append(f"    {node_id(a)} --- {node_id(b)}")
    lines.append("```")
    return "\n".join(lines)
