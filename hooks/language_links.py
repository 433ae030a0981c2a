"""Links between the language versions of a page.

- <link rel=alternate hreflang>: absolute (search engines ignore relative ones), plus an x-default to Chinese.
- The language selector: relative, so that it works under any sub-path and from disk; i18n writes the home page's
  links as root paths (/course/en/).
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import urljoin, urlsplit

from course.sources import DEFAULT_LANGUAGE
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]+)" hreflang="([\w-]+)">')
SELECTOR = re.compile(r'<a href="(/[^"]*)" hreflang="([\w-]+)" class="md-select__link">')


def absolute_alternates(html: str, page_url: str) -> str:
    """Rewrite every <link rel=alternate hreflang> against the page's absolute URL; add x-default."""
    default: list[str] = []

    def absolute(match: re.Match[str]) -> str:
        href, lang = urljoin(page_url, match.group(1)), match.group(2)
        if lang == DEFAULT_LANGUAGE:
            default.append(href)
        return f'<link rel="alternate" href="{href}" hreflang="{lang}">'

    html = ALTERNATE.sub(absolute, html)
    if default:
        anchor = f'hreflang="{DEFAULT_LANGUAGE}">'
        html = html.replace(anchor, f'{anchor}\n      <link rel="alternate" href="{default[0]}" hreflang="x-default">', 1)
    return html


def relative_selector_links(html: str, page_url: str, site_path: str) -> str:
    """Selector hrefs given as root paths (/course/en/) become relative to the page (site-relative page_url)."""

    def relative(match: re.Match[str]) -> str:
        target = match.group(1).removeprefix(site_path) or "."
        href = posixpath.relpath(target, posixpath.dirname(page_url) or ".")
        if not href.endswith(".html"):
            href = href.rstrip("/") + "/"
        return f'<a href="{href}" hreflang="{match.group(2)}" class="md-select__link">'

    return SELECTOR.sub(relative, html)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if not page.canonical_url:
        raise ValueError("site_url must be set: hreflang and canonical URLs are absolute")
    output = absolute_alternates(output, page.canonical_url)
    return relative_selector_links(output, page.url, urlsplit(config.site_url).path)
