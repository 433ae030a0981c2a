"""The built search indexes: one per language, UTF-8, Chinese segmented by jieba, English unstemmed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

INDEXES = {"zh": "search/search_index.json", "en": "en/search/search_index.json"}
HAN = re.compile(r"[\u4e00-\u9fff]")


def load(site: Path, lang: str) -> dict:
    return json.loads((site / INDEXES[lang]).read_text(encoding="utf-8"))


def tokens(index: dict) -> set[str]:
    separator = re.compile(index["config"]["separator"])
    return {t.lower() for doc in index["docs"] for t in separator.split(re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"])) if t}


@pytest.mark.parametrize("lang", INDEXES)
def test_index_is_utf8_without_escapes(site: Path, lang: str) -> None:
    raw = (site / INDEXES[lang]).read_text(encoding="utf-8")
    assert "\\u" not in raw.replace("\\\\u", "")  # the separator regex itself is written with a literal \u


@pytest.mark.parametrize("lang", INDEXES)
def test_index_holds_only_its_own_language(site: Path, lang: str) -> None:
    index = load(site, lang)
    assert not any(doc["location"].startswith("en/") for doc in index["docs"])
    titles = [doc["title"] for doc in index["docs"] if "#" not in doc["location"] and doc["location"]]
    with_han = sum(bool(HAN.search(t)) for t in titles)
    assert (with_han == len(titles)) if lang == "zh" else (with_han == 0), titles[:5]


def test_chinese_words_inside_sentences_are_segmented(site: Path) -> None:
    """Without jieba the index holds whole clauses; with it, words found mid-sentence are tokens of their own."""
    index = load(site, "zh")
    assert "\u200b" in json.dumps(index["docs"], ensure_ascii=False)
    found = tokens(index)
    # Material segments each Han run on its own, so 选择性5-羟色胺再摄取抑制剂 is indexed as 选择性 / 5 / 羟色胺再摄取抑制剂.
    for word in ("羟色胺再摄取抑制剂", "艾司氯胺酮", "脑源性神经营养因子", "海马", "体积", "神经元", "炎症"):
        assert word in found, word


def test_english_words_are_indexed_unstemmed(site: Path) -> None:
    """Queries are not stemmed, so the index must not be either (hippocampus, not hippocampu)."""
    assert load(site, "en")["config"]["pipeline"] == ["stopWordFilter"]
    found = tokens(load(site, "en"))
    assert {"hippocampus", "hippocampal", "patients", "dopamine"} <= found
    assert "hippocampu" not in found


def test_english_pages_search_their_own_index(site: Path) -> None:
    """Material resolves search/search_index.json and every result against __config.base: on English pages that base
    must be the English root, with its trailing slash (without it, new URL() drops the last segment)."""
    from urllib.parse import urljoin

    html = (site / "en/mechanisms/monoamine/index.html").read_text(encoding="utf-8")
    base = re.search(r'"base": "([^"]+)"', html).group(1)
    page = "https://example.org/course/en/mechanisms/monoamine/"
    assert urljoin(urljoin(page, base), "search/search_index.json") == "https://example.org/course/en/search/search_index.json"
