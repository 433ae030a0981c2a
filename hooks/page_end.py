"""Append the related-pages block to every page (the reference list follows it: hooks/references.py).

The block stays out of the search index (data-search-exclude): it repeats other pages' titles.
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

graph: dict[str, set[str]] = {}  # related pages of the language being built


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    graph.clear()
    graph.update(related_graph(read_sources(Path(config.docs_dir)), config.theme["language"]))
    return nav


@event_priority(50)  # before hooks/references.py numbers the citations (40)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    lang = config.theme["language"]
    sources = read_sources(Path(config.docs_dir))
    return "\n".join([markdown.rstrip(), "", related_block(page_path(page), lang, graph, sources)])
