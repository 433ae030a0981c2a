"""Assemble the printable handout of each language after all its pages are rendered."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from course.handout import MARKER, handout_sections
from course.sources import page_path, section_of
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

HANDOUT = "handout"


@dataclass(frozen=True)
class Rendered:
    url: str
    html: str
    dest: Path


rendered: dict[str, Rendered] = {}  # page path -> output, for the language being built
order: list[str] = []  # content pages in navigation order


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    rendered.clear()
    order[:] = [page_path(page) for page in nav.pages if section_of(page_path(page))]
    return nav


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    rendered[page_path(page)] = Rendered(page.url, output, Path(page.file.abs_dest_path))
    return output


def on_post_build(config: MkDocsConfig) -> None:
    handout = rendered[HANDOUT]
    if MARKER not in handout.html:
        raise ValueError(f"docs/{HANDOUT}.*.md must contain the line {MARKER}")
    body = handout_sections([(p, rendered[p].url, rendered[p].html) for p in order], handout.url)
    handout.dest.write_text(handout.html.replace(MARKER, body, 1), encoding="utf-8")
