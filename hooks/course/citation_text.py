"""How to cite a page or a section of the course, from CITATION.cff and page data only.

Formats: GB/T 7714-2015 ([EB/OL], update date, access date), APA 7 (full date), two BibTeX entries — `@online` for
biblatex/biber (`urldate`, `version`) and `@misc` for classic BibTeX styles (`howpublished`, `note`) — and RIS.
Every URL is the frozen copy of the edition being read (`…/course/1.1/en/targets/x/#id`), never `latest`.

The access date is the reader's: texts made without one carry placeholders (ACCESS_PLACEHOLDERS) that
docs/assets/js/course.js fills in with the day of reading; without JavaScript they say how to fill them in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from urllib.parse import urljoin

import yaml

LANGS = ("zh", "en")
# The access date as each format writes it, before the reader's day is known. course.js replaces them in this order.
ACCESS_PLACEHOLDERS = {
    "zh": {"bracket": "[引用日期：访问时填写 YYYY-MM-DD]", "iso": "YYYY-MM-DD", "ris": "YYYY/MM/DD"},
    "en": {"bracket": "[cited: fill in YYYY-MM-DD, the day you read it]", "iso": "YYYY-MM-DD", "ris": "YYYY/MM/DD"},
}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
LANGID = {"zh": "chinese", "en": "english"}


@dataclass(frozen=True)
class Edition:
    version: str  # "1.1.0", from CITATION.cff
    date: str  # ISO date of release
    title: dict[str, str]  # per language: the two halves of CITATION.cff's "中文 · English" title
    author: dict[str, str]  # per language: the first author's name (en) and its alias (zh)

    @property
    def year(self) -> str:
        return self.date[:4]

    @property
    def name(self) -> str:
        """The edition's path segment on the site: major.minor ("1.1.0" -> "1.1")."""
        return ".".join(self.version.split(".")[:2])


def read_edition(citation_cff: Path) -> Edition:
    return _read_edition(citation_cff, citation_cff.stat().st_mtime_ns)


@lru_cache(maxsize=2)  # once per build, not once per page
def _read_edition(citation_cff: Path, mtime: int) -> Edition:
    data = yaml.safe_load(citation_cff.read_text(encoding="utf-8"))
    title_zh, title_en = (part.strip() for part in str(data["title"]).split(" · "))
    author = data["authors"][0]
    return Edition(version=str(data["version"]), date=str(data["date-released"]),
                   title={"zh": title_zh, "en": title_en},
                   author={"zh": str(author.get("alias", author["name"])), "en": str(author["name"])})


def edition_url(site_url: str, edition: Edition, page_url: str, deployed_as: str | None = None) -> str:
    """The address of a page in the frozen copy of this edition.

    site_url as the build sees it: mike appends the version it deploys (`…/course/1.1`), a plain build has none.
    page_url as MkDocs has it, with the language prefix: "en/targets/x/".
    """
    root = site_url.rstrip("/")
    if deployed_as:
        root = root.removesuffix(f"/{deployed_as}")
    return urljoin(f"{root}/{edition.name}/", page_url)


def access_slots(lang: str, accessed: date | None) -> dict[str, str]:
    if accessed is None:
        return ACCESS_PLACEHOLDERS[lang]
    iso = accessed.isoformat()
    return {"bracket": f"[{iso}]", "iso": iso, "ris": iso.replace("-", "/")}


def long_date(iso: str, lang: str) -> str:
    """APA's full date: (2026, November 29) in English, （2026年11月29日） in Chinese APA practice."""
    day = date.fromisoformat(iso)
    if lang == "zh":
        return f"（{day.year}年{day.month}月{day.day}日）"
    return f"({day.year}, {MONTHS[day.month - 1]} {day.day})"


@dataclass(frozen=True)
class Citable:
    title: str  # page title, or "page title: section title"
    url: str  # the edition's URL of the page, with #id for a section
    lang: str
    key: str  # BibTeX key

    def gbt7714(self, edition: Edition, accessed: date | None = None) -> str:
        # A part of an online resource (析出文献, "//"), [EB/OL], edition statement, (update date)[access date], URL.
        slots = access_slots(self.lang, accessed)
        version = f"{edition.version}版" if self.lang == "zh" else f"Version {edition.version}"
        return (f"{edition.author[self.lang]}. {self.title}[EB/OL]//{edition.author[self.lang]}. "
                f"{edition.title[self.lang]}. {version}. ({edition.date}){slots['bracket']}. {self.url}.")

    def apa(self, edition: Edition, accessed: date | None = None) -> str:
        # No retrieval date: APA asks for one only for pages that change, and an edition's copy never does.
        if self.lang == "zh":
            return (f"{edition.author['zh']}.{long_date(edition.date, 'zh')}. {self.title}（版本 {edition.version}）. "
                    f"{edition.title['zh']}. {self.url}")
        return (f"{edition.author['en']}. {long_date(edition.date, 'en')}. {self.title} (Version {edition.version}). "
                f"{edition.title['en']}. {self.url}")

    def biblatex(self, edition: Edition, accessed: date | None = None) -> str:
        return _entry("online", self.key, [
            ("author", f"{{{edition.author[self.lang]}}}"),  # braced twice: an institution, not "Team, A. C."
            ("title", _tex(self.title)),
            ("organization", _tex(edition.title[self.lang])),
            ("version", edition.version),
            ("date", edition.date),
            ("url", self.url),
            ("urldate", access_slots(self.lang, accessed)["iso"]),
            ("langid", LANGID[self.lang]),
        ])

    def bibtex(self, edition: Edition, accessed: date | None = None) -> str:
        iso = access_slots(self.lang, accessed)["iso"]
        note = (f"{edition.title['zh']}，版本 {edition.version}，{edition.date}。访问日期：{iso}" if self.lang == "zh"
                else f"{edition.title['en']}, version {edition.version}, {edition.date}. Accessed {iso}")
        return _entry("misc", self.key, [
            ("author", f"{{{edition.author[self.lang]}}}"),
            ("title", _tex(self.title)),
            ("howpublished", f"\\url{{{self.url}}}"),
            ("year", edition.year),
            ("note", _tex(note)),
        ])

    def ris(self, edition: Edition, accessed: date | None = None) -> str:
        lines = [("TY", "ELEC"), ("AU", edition.author[self.lang]), ("TI", self.title),
                 ("T2", edition.title[self.lang]), ("PY", edition.year), ("DA", edition.date.replace("-", "/")), ("UR", self.url),
                 ("Y2", access_slots(self.lang, accessed)["ris"]), ("ET", edition.version), ("LA", self.lang)]
        return "\n".join(f"{tag}  - {value}" for tag, value in lines) + "\nER  - "

    def formats(self, edition: Edition, accessed: date | None = None) -> dict[str, str]:
        return {name: getattr(self, name)(edition, accessed) for name, _ in FORMATS}


FORMATS = (("gbt7714", "GB/T 7714-2015"), ("apa", "APA 7"), ("biblatex", "BibTeX (biblatex/biber)"),
           ("bibtex", "BibTeX (classic BibTeX)"), ("ris", "RIS"))


def _tex(text: str) -> str:
    """Characters that LaTeX reads as commands, escaped in the fields it typesets (not in url fields)."""
    return re.sub(r"([&%#_$])", r"\\\1", text)


def _entry(kind: str, key: str, fields: list[tuple[str, str]]) -> str:
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{kind}{{{key},\n{body}\n}}"


def bibtex_key(edition: Edition, page_url: str, section: str | None) -> str:
    """adcourse-1.1-en-targets-x-id: unique across editions, languages and sections."""
    stem = re.sub(r"[^a-z0-9]+", "-", page_url.lower()).strip("-") or "home"
    return f"adcourse-{edition.name}-{stem}" + (f"-{section}" if section else "")
