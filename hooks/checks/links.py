"""Links, anchors and images in built pages (5–9): every href and src must reach something in the same language.

Works on the final HTML, so links written in raw HTML, in the navigation, or added by other hooks are covered.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

from .locate import line_of
from .markdown_source import Source
from .problem import Problem
from .rendered_page import Link, RenderedPage

HOST = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}(:\d{1,5})?$", re.I)
LANGUAGE_SUFFIX = re.compile(r"\.([a-z]{2})\.md$")
# Any base works: only the path part of the joined URL is used.
BASE = "https://site.invalid/"


@dataclass(frozen=True)
class Build:
    """What one language build produced."""

    language: str  # e.g. "en"
    language_roots: Mapping[str, str]  # language -> site-relative root, e.g. {"zh": "", "en": "en/"}
    files: frozenset[str]  # site-relative URLs of every page and file in this build
    page_ids: Mapping[str, frozenset[str]]  # page URL -> ids on that page


def check_links(pages: Iterable[tuple[RenderedPage, Source]], build: Build) -> list[Problem]:
    """Content links are checked on every page; navigation links once per target, as they repeat on every page."""
    problems: list[Problem] = []
    seen_chrome: set[str] = set()
    for page, source in pages:
        for link in page.links:
            if not link.in_content:
                target = urljoin(BASE + page.url, link.url)
                if target in seen_chrome:
                    continue
                seen_chrome.add(target)
            problems += [Problem(source.path, _line(source, link), what, fix) for what, fix in check_link(link, page, build)]
    return problems


def check_link(link: Link, page: RenderedPage, build: Build) -> list[tuple[str, str]]:
    """(what is wrong, how to fix it) pairs for one link or image on one page."""
    problems = []
    if link.tag == "img" and not link.text:
        problems.append((f"image `{link.url}` has no alt text", "describe the image: `![what it shows](path)`"))
    parts = urlsplit(link.url)
    if parts.scheme or link.url.startswith("//"):
        return problems + _check_external(link.url)
    if link.url.startswith("/"):
        return problems + [(
            f"link `{link.url}` is absolute to the server root and breaks when the site is served under a sub-path",
            "link to the Markdown file by a relative path, e.g. `../drugs/ssris.md`",
        )]
    if parts.path.endswith(".md"):
        return problems + [_unresolved_markdown(link.url, parts.path, build.language)]
    path = unquote(urlsplit(urljoin(BASE + page.url, link.url)).path).lstrip("/")
    path = path.removesuffix("index.html")
    target_language = _language_of(path, build.language_roots)
    if target_language != build.language:
        return problems + [(
            f"link `{link.url}` leads to the {target_language} site from a {build.language} page",
            "link to the Markdown file without a language suffix (e.g. `ssris.md`): each language build then "
            "links its own page",
        )]
    if path not in build.files:
        kind = "image" if link.tag == "img" else "link"
        return problems + [(
            f"{kind} `{link.url}` points to a file that does not exist",
            "correct the path or add the missing file under docs/",
        )]
    fragment = unquote(parts.fragment)
    if fragment and path in build.page_ids and fragment not in build.page_ids[path]:
        problems.append((
            f"link `{link.url}` points to `#{fragment}`, which is not an id on that page",
            "use one of the target page's heading ids (`{#id}`)",
        ))
    return problems


def _check_external(url: str) -> list[tuple[str, str]]:
    parts = urlsplit(url)
    if parts.scheme == "mailto":
        return []
    if parts.scheme != "https":
        return [(f"external link `{url}` is not https", "use an `https://` address")]
    if not HOST.match(parts.netloc):
        return [(f"external link `{url}` has no valid host name", "write a full `https://host.example/path` URL")]
    return []


def _unresolved_markdown(url: str, path: str, language: str) -> tuple[str, str]:
    """MkDocs leaves a .md link as written when it finds no such page in this language build."""
    suffix = LANGUAGE_SUFFIX.search(path)
    if suffix and suffix.group(1) != language:
        plain = LANGUAGE_SUFFIX.sub(".md", path.rsplit("/", 1)[-1])
        return (
            f"link `{url}` goes to the {suffix.group(1)} page from a {language} page",
            f"drop the language suffix (`{plain}`): each language build then links its own page",
        )
    return (f"link `{url}` points to a page that does not exist", "correct the path or write the missing page")


def _language_of(path: str, roots: Mapping[str, str]) -> str:
    """The language whose root is the longest prefix of path; the default language's root "" matches every path."""
    matching = [(root, language) for language, root in roots.items() if path.startswith(root)]
    return max(matching, key=lambda pair: len(pair[0]))[1]


def _line(source: Source, link: Link) -> int:
    """Rendered URLs differ from the Markdown (`ssris.md` becomes `../ssris/`): try the most specific forms first."""
    fragment = urlsplit(link.url).fragment
    return line_of(
        source.text,
        f"![{link.text}]({link.url}" if link.tag == "img" else f"[{link.text}](",
        f'"{link.url}"',
        f"({link.url}",
        f"#{fragment}" if fragment else "",
        link.text,
    )
