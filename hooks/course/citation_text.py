"""How to cite a page or a section of the course: GB/T 7714-2015, APA 7 and BibTeX, from page data only."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

SITE_TITLE = {"zh": "抗抑郁药物作用机制与新型靶点", "en": "Antidepressant Mechanisms and Novel Targets"}
AUTHOR = {"zh": "抗抑郁药物课程组", "en": "Antidepressant Course Team"}


@dataclass(frozen=True)
class Edition:
    version: str
    date: str  # ISO date of release

    @property
    def year(self) -> str:
        return self.date[:4]


def read_edition(citation_cff: Path) -> Edition:
    return _read_edition(citation_cff, citation_cff.stat().st_mtime_ns)


@lru_cache(maxsize=2)  # once per build, not once per page
def _read_edition(citation_cff: Path, mtime: int) -> Edition:
    data = yaml.safe_load(citation_cff.read_text(encoding="utf-8"))
    return Edition(version=str(data["version"]), date=str(data["date-released"]))


@dataclass(frozen=True)
class Citable:
    title: str  # page title, or "page title: section title"
    url: str  # canonical URL, with #id for a section
    lang: str
    key: str  # BibTeX key

    def gbt7714(self, edition: Edition) -> str:
        # [EB/OL] marks an online electronic resource; (update date)[access date] per GB/T 7714-2015 §8.8.
        if self.lang == "zh":
            return (f"{AUTHOR['zh']}. {self.title}[EB/OL]//{SITE_TITLE['zh']}: 版本 {edition.version}. "
                    f"({edition.date})[引用日期]. {self.url}.")
        return (f"{AUTHOR['en']}. {self.title}[EB/OL]//{SITE_TITLE['en']}: version {edition.version}. "
                f"({edition.date})[cited date]. {self.url}.")

    def apa(self, edition: Edition) -> str:
        return (f"{AUTHOR[self.lang]}. ({edition.year}). {self.title} (Version {edition.version}). "
                f"In {SITE_TITLE[self.lang]}. {self.url}")

    def bibtex(self, edition: Edition) -> str:
        return "\n".join([
            f"@misc{{{self.key},",
            f"  author = {{{{{AUTHOR[self.lang]}}}}},",
            f"  title = {{{self.title}}},",
            f"  howpublished = {{{SITE_TITLE[self.lang]}}},",
            f"  year = {{{edition.year}}},",
            f"  version = {{{edition.version}}},",
            f"  date = {{{edition.date}}},",
            f"  url = {{{self.url}}},",
            f"  language = {{{self.lang}}}",
            "}",
        ])


def bibtex_key(page_url: str, section: str | None) -> str:
    stem = re.sub(r"[^a-z0-9]+", "-", page_url.lower()).strip("-") or "home"
    return f"adcourse-{stem}" + (f"-{section}" if section else "")
