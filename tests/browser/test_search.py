"""Search, in the browser, in both languages: each query finds its page among the first three results, and every
result stays in the language of the page the reader searches from (each language has its own index)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from browser.conftest import new_context
from browser.search import all_result_links, open_search, result_links, type_query, wait_for_results
from browser.site import page_url

# (query, pages any of which must be among the first three results). Picked by reading the pages: single terms
# inside running text, drug names, abbreviations, and (en) inflected forms that differ from the page's wording.
QUERIES = {
    "zh": [
        ("艾司氯胺酮", ["drugs/rapid-acting", "targets/glutamate-nmda"]),
        ("海马", ["mechanisms/circuits", "mechanisms/neuroplasticity"]),
        ("疾病负担", ["intro/burden"]),
        ("异丙烟肼", ["drugs/maois", "intro/history"]),
        ("丙米嗪", ["drugs/tcas"]),  # the prototype tricyclic: its name must lead to the tricyclic chapter
        ("氟西汀", ["drugs/ssris"]),
        ("文拉法辛", ["drugs/snris"]),
        ("米氮平", ["drugs/atypical"]),
        ("酪胺", ["drugs/maois"]),
        ("单胺", ["mechanisms/monoamine"]),
        ("皮质醇", ["mechanisms/stress-hpa"]),
        ("经颅磁刺激", ["mechanisms/neuromodulation"]),
        ("神经可塑性", ["mechanisms/neuroplasticity"]),
        ("杏仁核", ["mechanisms/circuits"]),
        ("布瑞诺龙", ["targets/gaba-neurosteroids"]),
        ("细胞因子", ["targets/inflammation"]),
        ("益生菌", ["targets/gut-microbiota"]),
        ("甲基化", ["targets/epigenetics"]),
        ("裸盖菇素", ["targets/serotonin-receptors"]),
        ("沃替西汀", ["targets/multi-target", "targets/serotonin-receptors", "drugs/atypical"]),
        ("药物基因组学", ["clinical/personalized"]),
        ("复发", ["clinical/prevention"]),
        ("5-羟色胺综合征", ["clinical/safety", "drugs/ssris"]),
        ("生活质量", ["clinical/quality-of-life"]),
        ("生物标志物", ["clinical/personalized", "future/index"]),
        ("BDNF", ["targets/bdnf-trkb"]),
        ("NMDA", ["targets/glutamate-nmda"]),
        ("HPA", ["mechanisms/stress-hpa"]),
    ],
    "en": [
        ("esketamine", ["drugs/rapid-acting", "targets/glutamate-nmda"]),
        ("hippocampal", ["mechanisms/neuroplasticity", "mechanisms/circuits"]),
        ("DALYs", ["intro/burden"]),
        ("iproniazid", ["intro/history", "drugs/maois"]),
        ("fluoxetine", ["drugs/ssris"]),
        ("venlafaxine", ["drugs/snris"]),
        ("mirtazapine", ["drugs/atypical"]),
        ("tyramine", ["drugs/maois"]),
        ("tricyclics", ["drugs/tcas"]),
        ("monoamines", ["mechanisms/monoamine"]),
        ("glucocorticoids", ["mechanisms/stress-hpa"]),
        ("rTMS", ["mechanisms/neuromodulation"]),
        ("brexanolone", ["targets/gaba-neurosteroids"]),
        ("cytokines", ["targets/inflammation"]),
        ("probiotics", ["targets/gut-microbiota"]),
        ("methylation", ["targets/epigenetics"]),
        ("psychedelics", ["targets/serotonin-receptors"]),
        ("receptor", ["targets/serotonin-receptors"]),
        ("vortioxetine", ["targets/multi-target", "targets/serotonin-receptors", "drugs/atypical"]),
        ("pharmacogenomic", ["clinical/personalized"]),
        ("relapses", ["clinical/prevention"]),  # inflection: the chapter says "relapse"
        ("suicidality", ["clinical/safety"]),
        ("remission", ["clinical/practice"]),
        ("measurement-based", ["clinical/practice"]),
        ("biomarkers", ["clinical/personalized", "future/index"]),
        ("BDNF", ["targets/bdnf-trkb"]),
    ],
}
CASES = [pytest.param(lang, query, pages, id=f"{lang}:{query}") for lang, cases in QUERIES.items() for query, pages in cases]
START_PAGE = "intro/burden"  # searched from a chapter page two levels deep (relative paths must still resolve)


@pytest.fixture(scope="module")
def search_pages(browser: Browser, base_url: str) -> Iterator[dict[str, Page]]:
    """One page per language with the search open, reused by all queries of a worker (queries do not interfere)."""
    context = new_context(browser)
    pages: dict[str, Page] = {}

    def get(lang: str) -> Page:
        if lang not in pages:
            page = context.new_page()
            page.goto(page_url(base_url, START_PAGE, lang))
            open_search(page)
            pages[lang] = page
        return pages[lang]

    yield get  # type: ignore[misc]
    context.close()


def test_query_finds_page(search_pages, base_url: str, lang: str, query: str, pages: list[str]) -> None:
    page: Page = search_pages(lang)
    type_query(page, query)
    timing = wait_for_results(page)
    found = result_links(page)
    assert timing["items"] > 0 and found, f"{lang} search for {query!r} found nothing"
    root = page_url(base_url, "index", lang)
    # Every link in the results (pages and their sections) belongs to the language the reader is searching in.
    links = all_result_links(page)
    other = [u for u in links if not u.startswith(root) or (lang == "zh" and u.startswith(page_url(base_url, "index", "en")))]
    assert not other, f"{lang} search for {query!r} leads out of {root}: {other[:5]}"
    expected = [page_url(base_url, p, lang) for p in pages]
    top3 = found[:3]
    assert set(top3) & set(expected), (
        f"{lang} search for {query!r}: none of {pages} in the first three results {[u[len(base_url):] for u in top3]} "
        f"(all: {[u[len(base_url):] for u in found]})"
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if {"lang", "query", "pages"} <= set(metafunc.fixturenames):
        metafunc.parametrize(("lang", "query", "pages"), CASES)
