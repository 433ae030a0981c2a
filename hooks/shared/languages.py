"""The course's languages and their generated strings, from data/languages.yml (the one place for them)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

LANGUAGES_FILE = Path(__file__).resolve().parents[2] / "data" / "languages.yml"


@lru_cache(maxsize=1)
def _data() -> dict:
    return yaml.safe_load(LANGUAGES_FILE.read_text(encoding="utf-8"))


def string(name: str, lang: str) -> str:
    return _data()["strings"][name][lang]


def language_tag(code: str) -> str:
    """zh -> zh-Hans: the BCP 47 tag for lang= attributes and metadata."""
    return next(language["tag"] for language in _data()["languages"] if language["code"] == code)


def default_language() -> str:
    return _data()["languages"][0]["code"]


def language_root(code: str) -> str:
    """Where a language's pages live in the site: "" for the default language, "en/" for the others."""
    return "" if code == default_language() else f"{code}/"
