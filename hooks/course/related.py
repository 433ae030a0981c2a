"""Related pages from front matter, made symmetric: if A names B, B shows A too."""

from __future__ import annotations

import posixpath

from checks.markdown_source import Source

from .sources import COLON, SECTIONS, section_of, title_of

HEADING = {"zh": "相关页面", "en": "Related pages"}
SEPARATOR = {"zh": "、", "en": ", "}


def declared_links(source: Source) -> set[str]:
    related = source.meta.get("related") or {}
    if not isinstance(related, dict):
        raise ValueError(f"{source.path}: `related:` must map mechanisms/targets/drugs to lists of page paths")
    return {str(page) for pages in related.values() for page in (pages or [])}


def related_graph(sources: dict[tuple[str, str], Source], lang: str) -> dict[str, set[str]]:
    """Undirected graph page -> related pages, from one language's front matter (parity keeps both equal)."""
    graph: dict[str, set[str]] = {page: set() for (page, page_lang) in sources if page_lang == lang}
    for (page, page_lang), source in sources.items():
        if page_lang != lang:
            continue
        for other in declared_links(source):
            if other in graph and other != page:
                graph[page].add(other)
                graph[other].add(page)
    return graph


def related_block(page: str, lang: str, graph: dict[str, set[str]], sources: dict[tuple[str, str], Source]) -> str:
    """Markdown for the related-pages section of one page, grouped by course section; empty if none."""
    neighbours = graph.get(page, set())
    if not neighbours:
        return ""
    here = posixpath.dirname(page)
    lines = [f"## {HEADING[lang]} {{#related data-search-exclude}}", "", '<nav class="related-pages" markdown>', ""]
    for section, names in SECTIONS.items():
        members = sorted(p for p in neighbours if section_of(p) == section)
        if not members:
            continue
        links = SEPARATOR[lang].join(
            f"[{title_of(sources, p, lang)}]({posixpath.relpath(p + '.md', here or '.')})" for p in members
        )
        lines.append(f"- **{names[lang]}**{COLON[lang]}{links}")
    lines += ["", "</nav>", ""]
    return "\n".join(lines)
