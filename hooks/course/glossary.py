"""The bilingual glossary (data/glossary.yml): the one source for the glossary pages and abbreviation tooltips."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

# A candidate abbreviation: capitals and digits, hyphenated parts allowed (SSRI, IL-6, 5-HT1A, GABA-A).
CANDIDATE = re.compile(r"(?<![\w*-])((?:\d+-)?[A-Z](?:[A-Za-z0-9]|\*(?=[A-Z]))*(?:-[A-Za-z0-9]+)*)(?![\w-])")
ROMAN_NUMERAL = re.compile(r"[IVX]+")
HYPHENATED_WORD = re.compile(r"-[a-z]{2,}.*$")  # CRP-based, IDO-driven: the abbreviation is the first part


def as_abbreviation(token: str) -> str | None:
    """The glossary form of a token, or None if the token is an ordinary word or a name (TrkB is written in full)."""
    token = HYPHENATED_WORD.sub("", token)
    if token.endswith("s") and token[:-1].isupper():  # SSRIs, NSAIDs
        token = token[:-1]
    if ROMAN_NUMERAL.fullmatch(token):  # phase II, III: not abbreviations
        return None
    upper = sum(c.isupper() for c in token)
    lower = sum(c.islower() for c in token)
    return token if upper >= 2 and lower < upper - 1 or upper >= 2 and lower == 0 else None


@dataclass(frozen=True)
class Term:
    zh: str
    en: str
    def_zh: str
    def_en: str
    abbr: str | None = None

    def name(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    def definition(self, lang: str) -> str:
        return self.def_zh if lang == "zh" else self.def_en


def load_terms(path: Path) -> list[Term]:
    return _load_terms(path, path.stat().st_mtime_ns)


@lru_cache(maxsize=2)  # read once per build (and again only when the file changes under `mkdocs serve`)
def _load_terms(path: Path, mtime: int) -> list[Term]:
    entries = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or []
    terms = []
    for number, entry in enumerate(entries, start=1):
        unknown = set(entry) - {"zh", "en", "def_zh", "def_en", "abbr"}
        missing = {"zh", "en", "def_zh", "def_en"} - set(entry)
        if unknown or missing:
            raise ValueError(f"{path}: entry {number} ({entry.get('en')}): missing {sorted(missing)}, unknown {sorted(unknown)}")
        terms.append(Term(**{k: str(v) for k, v in entry.items()}))
    return sorted(terms, key=lambda term: (term.abbr or term.en).lower())


def abbreviation_definitions(terms: list[Term], lang: str, used: set[str]) -> str:
    """Python-Markdown abbr definitions (`*[SSRI]: …`), which Material shows as tooltips, for the abbreviations a
    page uses: the abbr extension matches every definition against every text node, so the full glossary on every
    page would cost seconds per build."""
    return "\n".join(f"*[{t.abbr}]: {t.name(lang)}" for t in terms if t.abbr in used)


def abbreviations_used(text: str) -> set[str]:
    return {abbr for token in CANDIDATE.findall(text) if (abbr := as_abbreviation(token))}


def glossary_table(terms: list[Term], lang: str) -> str:
    other = "en" if lang == "zh" else "zh"
    header = {"zh": "| 缩写 | 中文 | English | 释义 |", "en": "| Abbreviation | English | 中文 | Definition |"}[lang]
    rows = [header, "|---|---|---|---|"]
    for t in terms:
        rows.append(f"| {t.abbr or ''} | {t.name(lang)} | {t.name(other)} | {t.definition(lang)} |")
    return "\n".join(rows)
