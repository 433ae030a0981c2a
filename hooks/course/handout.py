"""The printable handout: every content page's article, in course order, on one page.

Ids are prefixed per page (every page has #self-check) and relative links are re-based on the handout's URL.
"""

from __future__ import annotations

import posixpath
import re

ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
NOT_FOR_PRINT = re.compile(
    r'<section class="cite-this".*?</section>|<script type="application/json" id="section-citations">.*?</script>'
    r'|<button type="button" class="cite-section"[^>]*></button>', re.S)
ID_ATTRIBUTE = re.compile(r'\b(id|for|aria-labelledby)="([^"]+)"')
URL_ATTRIBUTE = re.compile(r'\b(href|src)="([^"]*)"')
MARKER = "<!-- handout -->"


def article_of(page_html: str) -> str:
    match = ARTICLE.search(page_html)
    if not match:
        raise ValueError("Material's article element changed shape — update course/handout.py")
    return NOT_FOR_PRINT.sub("", match.group(1))


def rebase(article: str, page_url: str, handout_url: str, prefix: str) -> str:
    """Prefix ids and same-page anchors; rewrite relative URLs from page_url to handout_url (both site-relative)."""
    article = ID_ATTRIBUTE.sub(lambda m: f'{m.group(1)}="{prefix}--{m.group(2)}"', article)

    def url(match: re.Match[str]) -> str:
        attribute, value = match.groups()
        if value.startswith("#"):
            return f'{attribute}="#{prefix}--{value[1:]}"'
        if re.match(r"^[a-z][a-z0-9+.-]*:|^/", value) or not value:
            return match.group(0)
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page_url + "x"), value))
        rebased = posixpath.relpath(target, posixpath.dirname(handout_url + "x"))
        return f'{attribute}="{rebased}{"/" if value.endswith("/") and not rebased.endswith("/") else ""}"'

    return URL_ATTRIBUTE.sub(url, article)


def handout_sections(pages: list[tuple[str, str, str]], handout_url: str) -> str:
    """pages: (language-neutral page path, page URL, rendered HTML) in course order."""
    sections = []
    for page, page_url, page_html in pages:
        prefix = page.removesuffix("/index").replace("/", "-")
        body = rebase(article_of(page_html), page_url, handout_url, prefix)
        sections.append(f'<section class="handout-page" id="{prefix}">\n{body}\n</section>')
    return "\n".join(sections)
