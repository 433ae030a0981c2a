"""The page standard of the content issues, checked on the Markdown sources of every content page pair."""

from __future__ import annotations

import re

import pytest

from conftest import REPO
from course.sources import content_pages, read_sources

SOURCES = read_sources(REPO / "docs")
PAGES = content_pages(SOURCES, "zh")
REVIEW_SECTIONS = ["1", "2.1", "2.2", "3.1", "3.2", "4.1", "4.2", *(f"5.{i}" for i in range(1, 6)),
                   *(f"6.{i}" for i in range(1, 6)), *(f"7.{i}" for i in range(1, 6)), "abstract"]
CITATION = re.compile(r"@([\w-]+)")


def cited(text: str) -> set[str]:
    return {key for block in re.findall(r"\[(@[^\]]+)\]", text) for key in CITATION.findall(block)}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_content_page_meets_the_standard(page: str, lang: str) -> None:
    source = SOURCES[(page, lang)]
    text, meta = source.text, source.meta
    assert {"title", "description", "source", "reviewed", "related"} <= set(meta), sorted(meta)
    assert re.search(r'^!!! abstract "', text, re.M), "learning objectives"
    assert 3 <= len(re.findall(r"^    - ", text.split('!!! abstract "', 1)[1].split("\n\n##", 1)[0], re.M)) <= 6
    assert len(re.findall(r"^## .+\{#[a-z0-9-]+\}$", text, re.M)) >= 5, "at least 4 sections plus self-check"
    assert re.search(r'^!!! success "', text, re.M), "key points"
    assert len(re.findall(r'^\?\?\? question "', text, re.M)) >= 3, "self-check questions"
    assert "```mermaid" in text or re.search(r"^\|.*\|\s*$", text, re.M), "a figure: diagram or table"
    assert len(cited(text)) >= (6 if page.startswith("targets/") and page != "targets/index" else 5)


@pytest.mark.parametrize("page", [p for p in PAGES if p.startswith("targets/") and p != "targets/index"])
def test_target_page_states_its_evidence_stage(page: str) -> None:
    meta = SOURCES[(page, "zh")].meta
    assert meta["evidence"]["stage"] in {"approved", "phase-3", "phase-2", "phase-1", "preclinical"}
    assert meta["agents"] and 2 <= len(meta["key_refs"]) <= 4


def test_every_review_section_is_covered_by_some_page() -> None:
    covered = {str(s) for p in PAGES for s in SOURCES[(p, "zh")].meta["source"]}
    assert set(REVIEW_SECTIONS) - covered == set()


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_no_dosing(page: str, lang: str) -> None:
    """Educational, not prescribing: no amounts per dose (mg, μg, mg/kg) on a page; concentrations such as
    CRP > 3 mg/L are lab values, not doses. A regulator's stated limit may be quoted, on a line citing the regulator."""
    dosing = [line for line in SOURCES[(page, lang)].text.splitlines()
              if re.search(r"\d\s*(mg|μg|mcg|毫克|微克)(?!/(d?l|ml))\b", line, re.I) and "[@fda" not in line]
    assert dosing == []
