"""Teaching features on the built site, both languages: citations of pages and sections, the handout, related
pages in both directions, the target atlas, the glossary and the review dates."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from pybtex.database import parse_string

from conftest import REPO, SITE_URL, built_path, page_pairs
from course.related import declared_links
from course.sources import read_sources

LANGS = ("zh", "en")
CONTENT_PAGES = [p for p in page_pairs() if "/" in p]
TARGET_PAGES = [p for p in CONTENT_PAGES if p.startswith("targets/") and p != "targets/index"]
EDITION = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
SOURCES = read_sources(REPO / "docs")
COURSE_ORDER = re.findall(r"^ +- ((?:intro|drugs|mechanisms|targets|clinical|future)/[\w-]+)\.md$",
                          (REPO / "mkdocs.yml").read_text(encoding="utf-8"), re.M)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page_url(page: str, lang: str) -> str:
    path = "" if page == "index" else page.removesuffix("/index") + "/"
    return f"{SITE_URL}{'en/' if lang == 'en' else ''}{path}"


def cited_url(page: str, lang: str) -> str:
    """Citations give the page's address in the frozen copy of this edition: …/course/1.1/en/targets/x/."""
    edition = ".".join(str(EDITION["version"]).split(".")[:2])
    return page_url(page, lang).replace(SITE_URL, f"{SITE_URL}{edition}/", 1)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", CONTENT_PAGES)
def test_cite_this_page_is_static_html(site: Path, page: str, lang: str) -> None:
    html = soup(built_path(site, page, lang))
    block = html.select_one("section.cite-this")
    texts = {pre["data-format"]: pre.get_text() for pre in block.select("pre.cite-text")}
    title = html.select_one("article h1").get_text().replace("¶", "").strip()
    assert set(texts) == {"gbt7714", "apa", "biblatex", "bibtex", "ris"}
    for text in texts.values():
        assert title in text and cited_url(page, lang) in text and EDITION["version"] in text
    assert "[EB/OL]" in texts["gbt7714"]
    entry = next(iter(parse_string(texts["biblatex"], "bibtex").entries.values()))
    assert entry.fields["url"] == cited_url(page, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_every_section_offers_its_citation_with_a_working_fragment(site: Path, lang: str) -> None:
    import json

    html = soup(built_path(site, "mechanisms/monoamine", lang))
    data = json.loads(html.select_one("#section-citations").string)
    buttons = html.select("button.cite-section")
    assert buttons and {b["data-section"] for b in buttons} == set(data["sections"])
    for section_id, texts in data["sections"].items():
        entry = next(iter(parse_string(texts["biblatex"], "bibtex").entries.values()))
        url, fragment = entry.fields["url"].split("#")
        assert url == cited_url("mechanisms/monoamine", lang) and html.find(id=fragment) is not None
        assert f"#{section_id}" in texts["gbt7714"] and f"#{section_id}" in texts["apa"]


@pytest.mark.parametrize("lang", LANGS)
def test_handout_contains_every_content_page_in_order(site: Path, lang: str) -> None:
    html = soup(built_path(site, "handout", lang))
    sections = [s["id"] for s in html.select("section.handout-page")]
    assert sections == [p.removesuffix("/index").replace("/", "-") for p in COURSE_ORDER]
    ids = [tag["id"] for tag in html.select("[id]")]
    assert len(ids) == len(set(ids)), "duplicate ids in the handout"
    assert html.select("section.handout-page ol.references li") and html.select("section.handout-page .mermaid")


@pytest.mark.parametrize("lang", LANGS)
def test_related_links_appear_in_both_directions(site: Path, lang: str) -> None:
    one_way = [(a, b) for (a, l), source in SOURCES.items() if l == lang
               for b in declared_links(source) if (b, lang) in SOURCES and a not in declared_links(SOURCES[(b, lang)])]
    assert one_way, "no one-way declaration to test"
    for a, b in one_way:
        block = soup(built_path(site, b, lang)).select_one("nav.related-pages")
        titles = [link.get_text() for link in block.select("a")]
        assert SOURCES[(a, lang)].meta["title"] in titles, (a, b)


@pytest.mark.parametrize("lang", LANGS)
def test_atlas_lists_every_target_page(site: Path, lang: str) -> None:
    rows = soup(built_path(site, "atlas", lang)).select("article table tbody tr")
    linked = {row.select_one("td a").get_text() for row in rows}
    assert linked == {SOURCES[(p, lang)].meta["title"] for p in TARGET_PAGES}
    assert all(row.select("td")[3].get_text(strip=True) for row in rows)


@pytest.mark.parametrize("lang", LANGS)
def test_glossary_page_and_tooltips_come_from_one_file(site: Path, lang: str) -> None:
    terms = yaml.safe_load((REPO / "data/glossary.yml").read_text(encoding="utf-8"))
    rows = soup(built_path(site, "glossary", lang)).select("article table tbody tr")
    assert len(rows) == len(terms)
    abbrs = soup(built_path(site, "targets/bdnf-trkb", lang)).select("abbr[title]")
    by_abbr = {t["abbr"]: t[lang] for t in terms if "abbr" in t}
    assert abbrs and all(a["title"] == by_abbr[a.get_text()] for a in abbrs)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", CONTENT_PAGES)
def test_page_shows_last_reviewed_and_last_updated(site: Path, page: str, lang: str) -> None:
    line = soup(built_path(site, page, lang)).select_one("p.page-dates").get_text()
    assert re.search(r"(最后审阅|Last reviewed).*\d{4}-\d{2}-\d{2}.*(最后更新|Last updated).*\d{4}-\d{2}-\d{2}", line)


@pytest.mark.parametrize("lang", LANGS)
def test_about_page_lists_every_correction(site: Path, lang: str) -> None:
    notes = sum(len(re.findall(r'^!!! correction "', SOURCES[(p, lang)].text, re.M)) for p in CONTENT_PAGES)
    items = soup(built_path(site, "about", lang)).select("div.corrections-list > ol > li")
    assert notes >= 10 and len(items) == notes
