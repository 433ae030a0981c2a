"""Reference lists: every entry rendered once by pandoc's citeproc in GB/T 7714-2015 numeric, its terms set in
the entry's own language, and each page's citations numbered in order of first use.

GB/T 7714-2015 makes "等" follow Chinese names and "et al." Latin-script names on every edition of the site, but CSL
has one locale per document, and the bilingual GB/T styles need CSL-M, which pandoc rejects. So every entry is
rendered in the style's own locale (zh-CN, which leaves titles as written) and the few terms that differ are then
set per entry from its `langid`.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

CITATION = re.compile(r"\[(@[\w-]+(?:\s*;\s*@[\w-]+)*)\]")
FENCE = re.compile(r"^([ \t]*)(`{3,}|~{3,}).*?^\1\2[ \t]*$", re.M | re.S)
FULL_BIBLIOGRAPHY = "\\full_bibliography"
# Bumped when the rendering below changes, so that cached renderings are not reused.
RENDERING = "2"
# Terms of the zh-CN rendering and their form after an English-language entry's names or numbers.
ENGLISH_TERMS = ((re.compile(r"(?<=[\w.])(,? )等\.?(?=[ ,\]]|$)"), r"\1et al."),
                 (re.compile(r"(\d+) ?版\.?"), lambda m: f"{_ordinal(int(m.group(1)))} ed."),
                 (re.compile(r"(?<=[\w.]),? ?译(?=[.,])"), ", trans."))


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def render_entries(bib: Path, csl: Path, pandoc: str, cache_dir: Path) -> dict[str, str]:
    """{key: entry HTML without its number} for every entry of the .bib, in the locale of the style.

    One pandoc run for the whole bibliography; the result is cached under the hash of everything that decides it
    (the .bib, the style, pandoc's version and this renderer), so an unchanged bibliography costs nothing.
    """
    version = subprocess.run([pandoc, "--version"], capture_output=True, text=True, check=True).stdout.split("\n")[0]
    digest = hashlib.sha256(b"\0".join([bib.read_bytes(), csl.read_bytes(), version.encode(), RENDERING.encode()]))
    cached = cache_dir / f"references-{digest.hexdigest()[:20]}.json"
    if cached.exists():
        return json.loads(cached.read_text(encoding="utf-8"))
    document = "---\nnocite: '@*'\n---\n"
    result = subprocess.run(
        [pandoc, "--from=markdown", "--to=html", "--citeproc", "--wrap=none", "--quiet",
         f"--bibliography={bib}", f"--csl={csl}", "--metadata=lang=zh-CN"],
        input=document, capture_output=True, text=True, check=True)
    entries = parse_rendering(result.stdout)
    cache_dir.mkdir(parents=True, exist_ok=True)
    cached.write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
    return entries


def parse_rendering(pandoc_html: str) -> dict[str, str]:
    """pandoc's `<div id="ref-KEY" class="csl-entry">` blocks -> {KEY: the entry's inner HTML, number removed}."""
    root = lxml_html.fragment_fromstring(pandoc_html, create_parent="div")
    entries = {}
    for entry in root.xpath('//div[contains(@class, "csl-entry")]'):
        body = entry.xpath('.//div[contains(@class, "csl-right-inline")]') or [entry]
        for span in body[0].xpath('.//span[contains(concat(" ", @class, " "), " nocase ")]'):
            span.drop_tag()  # a braced name or title part: a case instruction for citeproc, not for the reader
        inner = (body[0].text or "") + "".join(etree.tostring(child, encoding="unicode") for child in body[0])
        entries[entry.get("id").removeprefix("ref-")] = " ".join(inner.split())
    return entries


def as_published(entry_html: str, language: str, institutions: list[str]) -> str:
    """The entry with its terms in the entry's own language (the rendering is zh-CN), and institutional authors
    as they write themselves: the style upper-cases family names, and GB/T 7714 does that to persons only."""
    for name in institutions:
        entry_html = entry_html.replace(name.upper(), name, 1)
    if language == "en":
        for pattern, replacement in ENGLISH_TERMS:
            entry_html = pattern.sub(replacement, entry_html)
    return entry_html


@dataclass(frozen=True)
class Citations:
    """A page's citations: keys in order of first use (their numbers) and how often each is cited."""

    order: tuple[str, ...]
    count: dict[str, int]

    def number(self, key: str) -> int:
        return self.order.index(key) + 1


def cited_in_order(markdown: str) -> Citations:
    order: list[str] = []
    count: dict[str, int] = {}
    for group in CITATION.finditer(FENCE.sub("", markdown)):
        for key in _keys(group.group(1)):
            if key not in count:
                order.append(key)
            count[key] = count.get(key, 0) + 1
    return Citations(tuple(order), count)


def mark_citations(markdown: str, citations: Citations, marker) -> str:
    """Replace each `[@a; @b]` outside code with marker(keys with their occurrence numbers)."""
    seen: dict[str, int] = {}

    def replace(match: re.Match[str]) -> str:
        keys = []
        for key in _keys(match.group(1)):
            seen[key] = seen.get(key, 0) + 1
            keys.append((key, seen[key]))
        return marker(sorted(keys, key=lambda pair: citations.number(pair[0])))

    pieces, position = [], 0
    for fence in FENCE.finditer(markdown):
        pieces += [CITATION.sub(replace, markdown[position : fence.start()]), fence.group(0)]
        position = fence.end()
    pieces.append(CITATION.sub(replace, markdown[position:]))
    return "".join(pieces)


def _keys(group: str) -> list[str]:
    return [key.strip().removeprefix("@") for key in group.split(";")]


def backlink_labels(count: int) -> list[str]:
    """a, b, …, z, aa, ab: the jumps back to each place an entry is cited."""
    labels = []
    for index in range(count):
        label, index = "", index + 1
        while index:
            index, rest = divmod(index - 1, 26)
            label = chr(ord("a") + rest) + label
        labels.append(label)
    return labels
