"""Reading a built HTML page once: its ids, its links and images, and its text outside code.

Hooks may add content after Markdown rendering, so checks read the final HTML rather than the Markdown.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import html as lxml_html

# Text inside these elements is code or machinery, not prose a reader sees as sentences.
NON_PROSE = ("code", "pre", "script", "style", "textarea")
PROSE_TEXT = "//text()[not(" + " or ".join(f"ancestor::{tag}" for tag in NON_PROSE) + ")]"
CONTENT = '//article[contains(concat(" ", normalize-space(@class), " "), " md-content__inner ")]'


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


def _is_generated_crossing(attr: dict[str, str]) -> bool:
    """Links that leave the page on purpose and are known good.

    The language switcher (hreflang) goes to the other language by design; a footnote's back-link on the
    full-bibliography page points at citations that page never makes.
    """
    return "hreflang" in attr or "footnote-backref" in attr.get("class", "").split()


def parse_page(url: str, html: str) -> RenderedPage:
    # lxml, not html.parser: this runs on every page of both languages and dominated the hooks' build time.
    root = lxml_html.fromstring(html)
    content = {node for article in root.xpath(CONTENT) for node in article.iter()}
    links = []
    for element in root.iter("a", "img"):
        if element.tag == "img" and element.get("src") is not None:
            links.append(Link("img", element.get("src"), (element.get("alt") or "").strip(), element in content))
        elif element.tag == "a" and element.get("href") is not None and not _is_generated_crossing(dict(element.attrib)):
            links.append(Link("a", element.get("href"), element.text_content().strip(), element in content))
    return RenderedPage(
        url=url,
        ids=frozenset(root.xpath("//@id")) | frozenset(root.xpath("//a/@name")),
        links=tuple(links),
        prose="\n".join(root.xpath(PROSE_TEXT)),
    )
