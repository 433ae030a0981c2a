"""Append the generated end of every page: the related-pages block and the heading of the reference list.

Both stay out of the search index (data-search-exclude): every page's reference list repeats entries of the
references page, which is indexed, and would outweigh the page's own text in results.

mkdocs-bibtex always puts the numbered reference list last, so a heading written last in the Markdown sits
right above it.
"""

from __future__ import annotations

from pathlib import Path

from course.related import related_block, related_graph
from course.sources import page_path, read_sources
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

REFERENCES_HEADING = {"zh": "参考文献", "en": "References"}
graph: dict[str, set[str]] = {}  # related pages of the language being built


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    graph.clear()
    graph.update(related_graph(read_sources(Path(config.docs_dir)), config.theme["language"]))
    return nav


@event_priority(50)  # before mkdocs-bibtex turns [@key] into footnotes
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    lang = config.theme["language"]
    sources = read_sources(Path(config.docs_dir))
    parts = [markdown.rstrip(), "", related_block(page_path(page), lang, graph, sources)]
    if "[@" in markdown:
        parts.append(f"## {REFERENCES_HEADING[lang]} {{#references data-search-exclude}}\n")
    return "\n".join(parts)
