"""Citations on the built site: GB/T 7714 numeric, one numbered list per page, the full bibliography page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import REPO, built_path, page_pairs

BIB_KEYS = set(re.findall(r"^@\w+\s*\{\s*([^,\s]+)\s*,", (REPO / "references.bib").read_text(encoding="utf-8"), re.M))
CONTENT_PAGES = [p for p in page_pairs() if "/" in p]


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page", CONTENT_PAGES)
def test_page_ends_with_its_own_numbered_reference_list(site: Path, page: str, lang: str) -> None:
    html = soup(built_path(site, page, lang))
    cited = {a["href"].removeprefix("#fn:ref-") for a in html.select('sup[id^="fnref:ref-"] a')}
    listed = {li["id"].removeprefix("fn:ref-") for li in html.select('div.footnote li[id^="fn:ref-"]')}
    assert len(listed) >= 5 and cited == listed
    heading = html.select_one("h2#references")
    assert heading is not None and heading.find_next("div", class_="footnote") is not None


def test_gbt7714_markers_and_doi_links(site: Path) -> None:
    html = soup(built_path(site, "mechanisms/monoamine", "zh"))
    entries = [li.get_text(" ") for li in html.select("div.footnote li")]
    assert any("[J" in e for e in entries), entries[:3]  # [J] (or [J/OL]) marks a journal article in GB/T 7714
    assert html.select('div.footnote a[href^="https://doi.org/10."]')


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_references_page_lists_the_whole_bibliography(site: Path, lang: str) -> None:
    listed = {li["id"].removeprefix("fn:ref-") for li in soup(built_path(site, "references", lang)).select('li[id^="fn:ref-"]')}
    assert listed == BIB_KEYS


def test_no_unrendered_citation_syntax(site: Path) -> None:
    offenders = []
    for path in site.rglob("*.html"):
        article = soup(path).select_one("article")
        if article and re.search(r"\[@|\[\^|\\(full_)?bibliography", article.get_text()):
            offenders.append(path.relative_to(site).as_posix())
    assert offenders == []
