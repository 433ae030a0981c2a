"""The references page lists every entry through `\\full_bibliography`, but no marker on that page cites them:
mkdocs-bibtex still gives each entry a back-link to its (absent) citation, which would lead nowhere. Drop those."""

from __future__ import annotations

import re

from course.sources import page_path
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

REFERENCES_PAGE = "references"
BACKREF = re.compile(r'&#160;<a class="footnote-backref" href="#fnref\d*:[^"]*"[^>]*>[^<]*</a>')


def without_backrefs(html: str) -> str:
    return BACKREF.sub("", html)


def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page_path(page) != REFERENCES_PAGE:
        return content
    return without_backrefs(content)
