"""Reading a built HTML page once: its ids, its links and images, and its text outside code.

Hooks may add content after Markdown rendering, so checks read the final HTML rather than the Markdown.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

# Text inside these elements is code or machinery, not prose a reader sees as sentences.
NON_PROSE = {"code", "pre", "script", "style", "textarea"}


@dataclass(frozen=True)
class Link:
    tag: str  # "a" or "img"
    url: str  # href or src, as written in the HTML
    text: str  # link text, or an image's alt ("" when missing)
    in_content: bool  # inside the page's article, rather than Material's navigation, header or footer


@dataclass(frozen=True)
class RenderedPage:
    url: str  # site-relative, e.g. "en/drugs/ssris/" ("" for the home page)
    ids: frozenset[str]
    links: tuple[Link, ...]
    prose: str  # text outside code, one line per text node


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[Link] = []
        self.prose: list[str] = []
        self._article_depth = 0
        self._non_prose_depth = 0
        self._open_link: tuple[str, list[str]] | None = None  # (href, text so far)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {name: value or "" for name, value in attrs}
        if "id" in attr:
            self.ids.add(attr["id"])
        if tag == "a" and "name" in attr:
            self.ids.add(attr["name"])
        if tag == "article" and (self._article_depth or "md-content__inner" in attr.get("class", "")):
            self._article_depth += 1
        if tag in NON_PROSE:
            self._non_prose_depth += 1
        if tag == "img" and "src" in attr:
            self.links.append(Link("img", attr["src"], attr.get("alt", "").strip(), self._article_depth > 0))
        if tag == "a" and "href" in attr and not _is_generated_crossing(attr):
            self._open_link = (attr["href"], [])

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self._article_depth:
            self._article_depth -= 1
        if tag in NON_PROSE and self._non_prose_depth:
            self._non_prose_depth -= 1
        if tag == "a" and self._open_link:
            href, text = self._open_link
            self.links.append(Link("a", href, "".join(text).strip(), self._article_depth > 0))
            self._open_link = None

    def handle_data(self, data: str) -> None:
        if self._open_link:
            self._open_link[1].append(data)
        if not self._non_prose_depth:
            self.prose.append(data)


def _is_generated_crossing(attr: dict[str, str]) -> bool:
    """Links that leave the page on purpose and are known good.

    The language switcher (hreflang) goes to the other language by design; a footnote's back-link on the
    full-bibliography page points at citations that page never makes.
    """
    return "hreflang" in attr or "footnote-backref" in attr.get("class", "").split()


def parse_page(url: str, html: str) -> RenderedPage:
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    return RenderedPage(
        url=url,
        ids=frozenset(parser.ids),
        links=tuple(parser.links),
        prose="\n".join(parser.prose),
    )
