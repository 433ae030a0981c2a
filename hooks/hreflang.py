"""Absolute hreflang links (search engines ignore relative ones) and an x-default pointing at Chinese."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]+)" hreflang="([\w-]+)">')


def absolute_alternates(html: str, page_url: str, default_lang: str) -> str:
    """Rewrite every <link rel=alternate hreflang> against the page's absolute URL; add x-default."""
    links: list[str] = []

    def absolute(match: re.Match[str]) -> str:
        href = urljoin(page_url, match.group(1))
        links.append(href) if match.group(2) == default_lang else None
        return f'<link rel="alternate" href="{href}" hreflang="{match.group(2)}">'

    html = ALTERNATE.sub(absolute, html)
    if links:
        default = f'<link rel="alternate" href="{links[0]}" hreflang="x-default">'
        html = html.replace(f'hreflang="{default_lang}">', f'hreflang="{default_lang}">\n      {default}', 1)
    return html


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if not page.canonical_url:
        raise ValueError("site_url must be set: hreflang and canonical URLs are absolute")
    return absolute_alternates(output, page.canonical_url, default_lang="zh")
