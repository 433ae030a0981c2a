"""Reading a built HTML page once: its ids, its links and images, and its text outside code.

Hooks may add content after Markdown rendering, so checks read the final HTML rather than the Markdown.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import html as lxml_html

# Text inside these elements is code or machinery, not prose a reader sees as sentences.
NON_PROSE = ("code", "pre", "script", "style", "textarea")
PROSE_TEXT = "//text()[not(" + " or ".join(f"ancestor::{tag}" for tag in NON_PROSE) + ")]"
REFERENCE_ITEMS = '//ol[contains(concat(" ", @class, " "), " references ")]/li'
MISPLACED_ABBREVIATIONS = ('//abbr[ancestor::code or ancestor::pre or ancestor::*[contains(@class, "cite-this")]'
                           ' or ancestor::a[starts-with(normalize-space(.), "http")]'
                           ' or ancestor::ol[contains(concat(" ", @class, " "), " references ")]]')
CONTENT = '//article[contains(concat(" ", normalize-space(@class), " "), " md-content__inner ")]'


@dataclass(frozen=True)
class Link:
    tag: str  # "a" or "img"
    url: str  # href or src, as written in the HTML
    text: str  # link text, or an image's alt ("" when missing)
    in_content: bool  # inside the page's article, rather than Material's navigation, header or footer


@dataclass(frozen=True)
class ReferenceItem:
    """One entry of a page's reference list (`ol.references > li#ref-KEY`)."""

    key: str
    lang: str  # the entry's lang attribute: zh-Hans or en
    text: str  # what the reader sees of the entry, back-links excluded
    apparatus: tuple[str, ...]  # tags of the site's own machinery found inside the entry (abbr, sup)
    backlink_groups: int  # elements of class ref-back: one per entry on screen


@dataclass(frozen=True)
class RenderedPage:
    url: str  # site-relative, e.g. "en/drugs/ssris/" ("" for the home page)
    ids: frozenset[str]
    links: tuple[Link, ...]
    prose: str  # text outside code, one line per text node
    references: tuple[ReferenceItem, ...] = ()
    downloads: tuple[str, ...] = ()  # hrefs of the reference exports offered on the page
    # Glossary tooltips where they must not be: in code, a URL, a cite block or a reference list.
    misplaced_abbreviations: tuple[str, ...] = ()


def _is_generated_crossing(attr: dict[str, str]) -> bool:
    """Links that leave the page on purpose and are known good: the language switcher goes to the other language."""
    return "hreflang" in attr


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
        references=tuple(_reference_item(item) for item in root.xpath(REFERENCE_ITEMS)),
        downloads=tuple(root.xpath('//*[contains(@class, "reference-downloads")]//a/@href')),
        misplaced_abbreviations=tuple(abbr.text_content() for abbr in root.xpath(MISPLACED_ABBREVIATIONS)),
    )


def _reference_item(item) -> ReferenceItem:
    entry = item.xpath("./p")
    return ReferenceItem(
        key=item.get("id", "").removeprefix("ref-"),
        lang=item.get("lang", ""),
        text=entry[0].text_content() if entry else item.text_content(),
        apparatus=tuple(node.tag for node in item.xpath(".//abbr | .//sup")),
        backlink_groups=len(item.xpath('.//*[contains(concat(" ", @class, " "), " ref-back ")]')),
    )
