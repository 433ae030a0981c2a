"""Every place the course departs from the source review, collected from `!!! correction` notes."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from checks.markdown_source import Source

from .sources import COLON, content_pages, title_of

CORRECTION = re.compile(r'^!!! correction "([^"]+)"\s*\n((?:\s*\n|    .*\n)+)', re.M)
CITATION = re.compile(r"\[@[^\]]+\]")
# Notes are titled "对原综述的更正：…" / "Correction to the review: …"; in the list the prefix would repeat.
TITLE_PREFIX = re.compile(r"^(对原综述的更正\s*[：:]\s*|Correction to the review\s*:\s*)", re.I)


@dataclass(frozen=True)
class Correction:
    page: str
    title: str
    citations: tuple[str, ...]


def corrections_in(source: Source) -> list[Correction]:
    return [
        Correction(source.page, TITLE_PREFIX.sub("", match.group(1)), tuple(dict.fromkeys(CITATION.findall(match.group(2)))))
        for match in CORRECTION.finditer(source.text + "\n")
    ]


def corrections_list(sources: dict[tuple[str, str], Source], lang: str, here: str) -> str:
    base = posixpath.dirname(here) or "."
    items = []
    for page in content_pages(sources, lang):
        for correction in corrections_in(sources[(page, lang)]):
            link = posixpath.relpath(page + ".md", base)
            cites = "".join(correction.citations)
            items.append(f"1. [{title_of(sources, page, lang)}]({link}){COLON[lang]}{correction.title} {cites}")
    return "\n".join(['<div class="corrections-list" markdown>', "", *items, "", "</div>"])
