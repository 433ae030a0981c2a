"""Reading in the browser: switching language keeps the section, citations lead to their reference and back, glossary
abbreviations explain themselves on hover and on keyboard focus, diagrams render to SVG."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import ElementHandle, Page, expect

from browser.site import CHAPTERS, LANGS, OTHER, built_html, page_id, page_url, wait_for_diagrams
from conftest import REPO, page_pairs

CHAPTER_PAGES = [p for p in page_pairs() if p.startswith(CHAPTERS)]

IN_VIEWPORT = """el => { const r = el.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; }"""
AT_TOP = """el => { const r = el.getBoundingClientRect(); return r.top >= -2 && r.top < innerHeight / 3; }"""


# --- language switch -------------------------------------------------------------------------------------------------

SWITCH_PAGES = ["intro/history", "drugs/ssris", "mechanisms/circuits", "targets/bdnf-trkb", "clinical/safety", "future/index"]


def deep_section(site: Path, page: str, lang: str) -> str:
    """A section well down the page: the id of the middle <h2> of the article."""
    soup = BeautifulSoup(built_html(site, page, lang), "html.parser")
    ids = [h["id"] for h in soup.select("article h2[id]")]
    assert len(ids) >= 3, f"{lang}:{page} has too few sections to test: {ids}"
    return ids[len(ids) // 2]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", SWITCH_PAGES)
def test_language_switch_keeps_section(page: Page, site_dir: Path, base_url: str, name: str, lang: str) -> None:
    section = deep_section(site_dir, name, lang)
    other = OTHER[lang]
    page.goto(page_url(base_url, name, lang) + "#" + section)
    heading = page.locator(f'[id="{section}"]')
    assert heading.evaluate(AT_TOP), f"{lang}:{name}#{section} did not open at its section"

    page.hover(".md-header__option .md-select")
    link = page.locator(f'a.md-select__link[hreflang="{other}"]')
    expect(link).to_be_visible()
    with page.expect_navigation():
        link.click()

    target = page_url(base_url, name, other) + "#" + section
    assert page.url == target, f"switching {lang}->{other} on {name}#{section} went to {page.url}"
    assert page.evaluate("document.documentElement.lang").startswith(other)
    landed = page.locator(f'[id="{section}"]')
    expect(landed).to_have_count(1)
    page.wait_for_function(f"() => ({AT_TOP})(document.getElementById({section!r}))", timeout=5_000)


# --- citations -------------------------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def bibliography() -> dict[str, tuple[str, str | None]]:
    """key -> (entry type, DOI or None), read from references.bib with pybtex (independently of the site's hooks)."""
    from pybtex.database import parse_file

    data = parse_file(str(REPO / "references.bib"), bib_format="bibtex")
    return {key.lower(): (entry.type.lower(), entry.fields.get("doi")) for key, entry in data.entries.items()}


@pytest.mark.parametrize(("name", "lang"), [pytest.param(p, lang, id=page_id(p, lang)) for lang in LANGS for p in CHAPTER_PAGES])
def test_citation_round_trip(page: Page, base_url: str, name: str, lang: str) -> None:
    page.goto(page_url(base_url, name, lang))
    markers = page.locator("article sup.citation a.footnote-ref")
    assert markers.count() > 0, f"{lang}:{name} cites nothing"
    marker = markers.first
    href = marker.get_attribute("href")
    assert href and href.startswith("#ref-"), f"{lang}:{name}: citation marker links to {href!r}"
    key = href[len("#ref-"):]
    assert marker.get_attribute("id") == f"cite-{key}-1"

    marker.click()
    page.wait_for_url(re.compile(re.escape("#ref-" + key) + "$"))
    entry = page.locator(f'ol.references li[id="ref-{key}"]')
    expect(entry).to_have_count(1)
    page.wait_for_function(f"() => ({IN_VIEWPORT})(document.getElementById('ref-{key}'))", timeout=5_000)

    back = entry.locator(f'a[href="#cite-{key}-1"]')
    expect(back).to_have_count(1)
    back.click()
    page.wait_for_url(re.compile(re.escape(f"#cite-{key}-1") + "$"))
    page.wait_for_function(f"() => ({IN_VIEWPORT})(document.getElementById('cite-{key}-1'))", timeout=5_000)

    # Journal entries carry their DOI as a doi.org link (or, without a verified DOI, a link to a record).
    bib = bibliography()
    ids = page.eval_on_selector_all('ol.references li[id^="ref-"]', "els => els.map(e => e.id.slice('ref-'.length))")
    missing, journal_dois = [], 0
    for cited in ids:
        kind, doi = bib.get(cited.lower(), (None, None))
        if kind != "article":
            continue
        links = page.eval_on_selector_all(f'ol.references li[id="ref-{cited}"] a[href^="https://doi.org/"]',
                                          "els => els.map(a => a.getAttribute('href'))")
        if doi:
            journal_dois += 1
            if f"https://doi.org/{doi}" not in links:
                missing.append(f"{cited} (doi {doi}, links {links})")
        elif not page.eval_on_selector_all(f'ol.references li[id="ref-{cited}"] a[href^="https://"]', "els => els.length"):
            # A DOI is left out when no two records confirmed it (CONTRIBUTING.md); the entry must still link a record.
            missing.append(f"{cited} (journal article with neither a DOI nor a URL in references.bib)")
    assert journal_dois, f"{lang}:{name}: no journal entry with a DOI in the reference list"
    assert not missing, f"{lang}:{name}: journal entries without their DOI link: {missing}"


# --- glossary tooltips -----------------------------------------------------------------------------------------------

TOOLTIP_PAGES = ["mechanisms/circuits", "targets/bdnf-trkb", "drugs/ssris"]
FIRST_ABBR = "article abbr[title]:not(a abbr)"


def active_tooltip(page: Page, host: ElementHandle) -> str:
    """Text of the tooltip Material shows for host (the element its aria-describedby names), once it is visible.
    (Not just any active tooltip: the one of the element focused before may still be fading out.)"""
    page.wait_for_function("el => !!el.getAttribute('aria-describedby')", arg=host, timeout=5_000)
    tooltip = page.locator(f'[id="{host.get_attribute("aria-describedby")}"]')
    expect(tooltip).to_have_class(re.compile(r"\bmd-tooltip2--active\b"))
    expect(tooltip).to_be_visible()
    return tooltip.inner_text().strip()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", TOOLTIP_PAGES)
def test_glossary_tooltip_on_hover(page: Page, base_url: str, name: str, lang: str) -> None:
    page.goto(page_url(base_url, name, lang))
    abbr = page.locator(FIRST_ABBR).first.element_handle()  # a handle: Material moves the title into the tooltip
    title = abbr.get_attribute("title")
    assert title, f"{lang}:{name}: no glossary abbreviation"
    abbr.hover()
    assert active_tooltip(page, abbr) == title.strip()
    tooltip = page.locator(f'[id="{abbr.get_attribute("aria-describedby")}"]')
    page.mouse.move(0, 0)
    expect(tooltip).not_to_be_visible()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", TOOLTIP_PAGES)
def test_glossary_tooltip_on_keyboard_focus(page: Page, base_url: str, name: str, lang: str) -> None:
    page.goto(page_url(base_url, name, lang))
    # A handle, not a locator: Material moves the title into a tooltip on focus, so `abbr[title]` would re-resolve.
    abbr = page.locator(FIRST_ABBR).first.element_handle()
    title = abbr.get_attribute("title")
    assert title, f"{lang}:{name}: no glossary abbreviation"
    # Put keyboard focus on the last focusable element before the abbreviation, then press Tab once: a keyboard
    # reader reaches the abbreviation next (if it can be reached at all).
    abbr.evaluate("""abbr => {
      const focusable = [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
        .filter(e => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length
                     && (e.compareDocumentPosition(abbr) & Node.DOCUMENT_POSITION_FOLLOWING));
      const before = focusable[focusable.length - 1];
      if (before) before.focus(); else document.body.focus();
    }""")
    page.keyboard.press("Tab")
    focused = abbr.evaluate("abbr => document.activeElement === abbr")
    what = page.evaluate("(() => { const e = document.activeElement; return e.outerHTML.slice(0, 120); })()")
    assert focused, f"{lang}:{name}: Tab does not reach the abbreviation {abbr.inner_text()!r}; focus went to {what}"
    assert active_tooltip(page, abbr) == title.strip()


# --- diagrams --------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_mermaid_renders_to_svg(page: Page, site_dir: Path, base_url: str, requests_seen: list[str], lang: str) -> None:
    name = "mechanisms/circuits"
    diagrams = built_html(site_dir, name, lang).count('<pre class="mermaid">')
    assert diagrams, f"{lang}:{name} no longer has a diagram; pick another page"
    page.goto(page_url(base_url, name, lang))
    wait_for_diagrams(page, diagrams)
    boxes = page.evaluate("""() => window.__shadowRoots.filter(s => s.host.matches('div.mermaid')).map(s => {
      const svg = s.root.querySelector('svg'), r = svg.getBoundingClientRect();
      return { width: r.width, height: r.height, shapes: svg.querySelectorAll('g.node, rect, path').length };
    })""")
    assert len(boxes) == diagrams
    assert all(b["width"] > 50 and b["height"] > 50 and b["shapes"] > 0 for b in boxes), boxes
    assert base_url + "assets/vendor/mermaid.min.js" in requests_seen
