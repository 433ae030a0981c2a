"""Citations and reference lists on the built site: GB/T 7714 numeric, one numbered list per page, terms in each
entry's own language, no leaks, exports that match the page, and metadata for reference managers."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pybtex.database import parse_string

from conftest import REPO, built_path, page_pairs

BIB_KEYS = list(re.findall(r"^@\w+\s*\{\s*([^,\s]+)\s*,", (REPO / "references.bib").read_text(encoding="utf-8"), re.M))
CONTENT_PAGES = [p for p in page_pairs() if "/" in p]
LANGUAGE_OF_ENTRY = {key: lang for key, lang in re.findall(
    r"^@\w+\s*\{\s*([^,\s]+)\s*,(?:(?!^@).)*?langid\s*=\s*\{(\w+)\}", (REPO / "references.bib").read_text(encoding="utf-8"),
    re.M | re.S)}
LEAK = re.compile(r"\]\{\.|\{\.nocase\}|TEXTASCII|\$|\\[A-Za-z]+|(?<!-)--(?!-)|[{}]")


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def listed(html: BeautifulSoup) -> list[str]:
    return [li["id"].removeprefix("ref-") for li in html.select("ol.references > li[id^='ref-']")]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page", CONTENT_PAGES)
def test_page_ends_with_its_own_numbered_reference_list(site: Path, page: str, lang: str) -> None:
    html = soup(built_path(site, page, lang))
    markers = html.select("sup.citation a.footnote-ref")
    cited_in_order = list(dict.fromkeys(a["href"].removeprefix("#ref-") for a in markers))
    assert len(listed(html)) >= 5 and listed(html) == sorted(cited_in_order, key=cited_in_order.index)
    # Numbers follow the order of first citation: the first marker of each key carries its position in the list.
    numbers = {a["href"].removeprefix("#ref-"): int(a.get_text()) for a in markers}
    assert [numbers[key] for key in listed(html)] == list(range(1, len(listed(html)) + 1))
    heading = html.select_one("h2#references")
    assert heading is not None and heading.find_next("ol", class_="references") is not None


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page", CONTENT_PAGES)
def test_one_back_link_group_per_entry_jumping_to_each_citation(site: Path, page: str, lang: str) -> None:
    html = soup(built_path(site, page, lang))
    counts = {}
    for a in html.select("sup.citation a.footnote-ref"):
        key = a["href"].removeprefix("#ref-")
        counts[key] = counts.get(key, 0) + 1
        assert a["id"] == f"cite-{key}-{counts[key]}"
    for li in html.select("ol.references > li"):
        key = li["id"].removeprefix("ref-")
        assert len(li.select(".ref-back")) == 1
        targets = [a["href"] for a in li.select(".ref-back a, a.ref-back")]
        assert targets == [f"#cite-{key}-{n}" for n in range(1, counts[key] + 1)]
        if counts[key] > 1:
            assert [a.get_text() for a in li.select(".ref-back a")][:3] == ["a", "b", "c"][: counts[key]]


def test_no_leaks_and_terms_in_the_entry_language(site: Path) -> None:
    """GB/T 7714-2015: 等 after Chinese names and et al. after Latin-script names, on both editions."""
    checked, problems = 0, []
    for path in site.rglob("*.html"):
        for li in soup(path).select("ol.references > li"):
            key, text = li["id"].rsplit("--", 1)[-1].removeprefix("ref-"), li.p.get_text()  # handout ids: page--ref-key
            checked += 1
            if LEAK.search(text):
                problems.append(f"{path.relative_to(site)}: {key}: leak {LEAK.search(text).group(0)!r}")
            if li.select("abbr, sup"):
                problems.append(f"{path.relative_to(site)}: {key}: site markup inside the entry")
            wrong = "等" if LANGUAGE_OF_ENTRY[key] == "english" else "et al"
            if wrong in text:
                problems.append(f"{path.relative_to(site)}: {key}: {wrong!r} in a {LANGUAGE_OF_ENTRY[key]} entry")
    assert checked > 1000 and problems == []


def test_english_entries_say_et_al_on_the_chinese_edition(site: Path) -> None:
    html = soup(built_path(site, "targets/glutamate-nmda", "zh"))
    entry = html.select_one("li#ref-zarate2006randomized").get_text()
    assert "et al." in entry and "等" not in entry and "ZARATE C A" in entry


def test_gbt7714_markers_and_doi_links(site: Path) -> None:
    html = soup(built_path(site, "mechanisms/monoamine", "zh"))
    entries = [li.get_text(" ") for li in html.select("ol.references li")]
    assert any("[J" in e for e in entries), entries[:3]  # [J] (or [J/OL]) marks a journal article in GB/T 7714
    assert html.select('ol.references a[href^="https://doi.org/10."]')


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_references_page_lists_the_whole_bibliography(site: Path, lang: str) -> None:
    html = soup(built_path(site, "references", lang))
    assert listed(html) == BIB_KEYS
    assert not html.select(".ref-back"), "the references page cites nothing: no back-links"


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page", CONTENT_PAGES + ["references"])
def test_exports_parse_and_match_the_page(site: Path, page: str, lang: str) -> None:
    path = built_path(site, page, lang)
    html = soup(path)
    links = {a.get_text(): a["href"] for a in html.select(".reference-downloads a")}
    assert set(links) == {"BibTeX", "RIS"}
    bib = (path.parent / links["BibTeX"]).resolve().read_text(encoding="utf-8")
    assert list(parse_string(bib, "bibtex").entries) == listed(html)
    ris = (path.parent / links["RIS"]).resolve().read_bytes().decode("utf-8")
    records = [r for r in ris.split("ER  - ") if r.strip()]
    assert [re.search(r"^ID  - (.+?)\r?$", r, re.M).group(1) for r in records] == listed(html)
    for record in records:
        tags = re.findall(r"^([A-Z][A-Z0-9])  - ", record, re.M)
        assert tags[0] == "TY" and "TI" in tags and "PY" in tags, record
        if re.search(r"^TY  - JOUR", record, re.M):
            # Volume, pages and identifier where a record shows them (references.bib's `note` says which it lacks).
            assert {"AU", "JO"} <= set(tags) and ({"VL", "SP", "DO", "AN"} & set(tags)), record


def test_ris_fields_of_a_journal_article(site: Path) -> None:
    ris = (site / "downloads/references/targets/glutamate-nmda.ris").read_text(encoding="utf-8")
    record = next(r for r in ris.split("ER  - ") if "ID  - zarate2006randomized" in r)
    assert "JO  - Archives of General Psychiatry" in record
    assert "VL  - 63" in record and "IS  - 8" in record and "SP  - 856" in record and "EP  - 864" in record
    assert "DO  - 10.1001/archpsyc.63.8.856" in record and "PY  - 2006" in record and "LA  - English" in record


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page", CONTENT_PAGES)
def test_machine_readable_metadata(site: Path, page: str, lang: str) -> None:
    """What Zotero's Embedded Metadata translator reads: Highwire citation_*, Dublin Core, and JSON-LD."""
    html = soup(built_path(site, page, lang))
    meta = {m["name"]: m["content"] for m in html.select("meta[name]")}
    assert meta["citation_title"] == html.select_one("article h1").get_text().strip().removesuffix("¶")
    assert meta["citation_author"] and re.fullmatch(r"\d{4}/\d{2}/\d{2}", meta["citation_publication_date"])
    assert meta["citation_language"] == ("zh-Hans" if lang == "zh" else "en")
    assert meta["citation_public_url"].startswith("https://") and meta["DC.title"] == meta["citation_title"]
    data = json.loads(html.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "LearningResource" and data["inLanguage"] == meta["citation_language"]
    dois = {work.get("@id") for work in data["citation"]}
    for li in html.select("ol.references > li"):
        doi = li.select_one('a[href^="https://doi.org/"]')
        if doi:
            assert doi["href"] in dois


def test_no_unrendered_citation_syntax(site: Path) -> None:
    offenders = []
    for path in site.rglob("*.html"):
        article = soup(path).select_one("article")
        if article and re.search(r"\[@|\[\^|\\(full_)?bibliography", article.get_text()):
            offenders.append(path.relative_to(site).as_posix())
    assert offenders == []
