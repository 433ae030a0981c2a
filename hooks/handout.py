"""Assemble the printable handout of each language after all its pages are rendered."""

from __future__ import annotations

from pathlib import Path

from course.handout import MARKER, handout_sections
from course.sources import section_of
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

HANDOUT = "handout"
rendered: dict[str, tuple[str, str]] = {}  # page path -> (url, html), for the language being built
order: list[str] = []


def page_path(page: Page) -> str:
    return page.file.src_uri.rsplit(".", 2)[0]


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    rendered.clear()
    order[:] = [page_path(page) for page in nav.pages if section_of(page_path(page))]
    return nav


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    rendered[page_path(page)] = (page.url, output)
    return output


def on_post_build(config: MkDocsConfig) -> None:
    handout_url, handout_html = rendered[HANDOUT]
    if MARKER not in handout_html:
        raise ValueError(f"docs/{HANDOUT}.*.md must contain the line {MARKER}")
    body = handout_sections([(p, *rendered[p]) for p in order], handout_url)
    html = handout_html.replace(MARKER, body, 1)
    (Path(config.site_dir) / handout_url / "index.html").write_text(html, encoding="utf-8")
