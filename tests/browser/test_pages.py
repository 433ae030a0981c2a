"""Every page of both languages, in the browser: nothing is requested from another host, mermaid is loaded (locally)
exactly on the pages that have a diagram and renders it to SVG, and a 375 px wide phone never scrolls sideways."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from browser.conftest import Requests, new_context
from browser.site import LANGS, built_html, has_diagram, page_id, page_url, scroll_through, wait_for_diagrams
from conftest import page_pairs

PAGES = [pytest.param(page, lang, id=page_id(page, lang)) for lang in LANGS for page in page_pairs()]
MERMAID = "assets/vendor/mermaid.min.js"


@pytest.mark.parametrize(("name", "lang"), PAGES)
def test_requests_stay_local(page: Page, requests_seen: Requests, site_dir: Path, base_url: str, name: str, lang: str) -> None:
    diagrams = built_html(site_dir, name, lang).count('class="mermaid"')
    page.goto(page_url(base_url, name, lang), wait_until="load")
    if diagrams:
        wait_for_diagrams(page, diagrams)
    scroll_through(page)
    page.click("input.md-search__input")  # the search worker and its index load on demand as well
    page.wait_for_load_state("networkidle")

    external = requests_seen.external(base_url)
    assert not external, f"{lang}:{name} requested other hosts: {sorted(set(external))}"
    mermaid = [u for u in requests_seen if u.split("?")[0].endswith("/mermaid.min.js")]
    if diagrams:
        assert mermaid == [base_url + MERMAID], f"{lang}:{name} has {diagrams} diagram(s) but loaded mermaid from {mermaid}"
    else:
        assert not mermaid, f"{lang}:{name} has no diagram but loaded {mermaid}"


@pytest.mark.parametrize(("name", "lang"), PAGES)
def test_no_horizontal_scroll_on_phone(browser: Browser, site_dir: Path, base_url: str, name: str, lang: str) -> None:
    context = new_context(browser, viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True,
                          device_scale_factor=2)
    try:
        page = context.new_page()
        page.goto(page_url(base_url, name, lang), wait_until="load")
        diagrams = built_html(site_dir, name, lang).count('class="mermaid"')
        if diagrams:
            wait_for_diagrams(page, diagrams)
        page.evaluate("document.fonts.ready")
        overflow = page.evaluate("""() => {
          const doc = document.documentElement;
          scrollTo(10000, 0);
          const scrolled = scrollX;
          scrollTo(0, 0);
          // Elements sticking out on the right that are not inside something that scrolls on its own.
          const culprits = [];
          for (const el of document.body.querySelectorAll('*')) {
            const r = el.getBoundingClientRect();
            if (r.width === 0 || r.right <= innerWidth + 1) continue;
            let p = el.parentElement, contained = false;
            for (; p && p !== document.body; p = p.parentElement) {
              const s = getComputedStyle(p);
              if (/(auto|scroll|hidden|clip)/.test(s.overflowX) && p.getBoundingClientRect().right <= innerWidth + 1) { contained = true; break; }
            }
            if (!contained) culprits.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${[...el.classList].join('.')} right=${Math.round(r.right)}`);
          }
          return { scrollWidth: doc.scrollWidth, innerWidth, scrolled, culprits: culprits.slice(0, 8) };
        }""")
        assert overflow["scrolled"] == 0 and overflow["scrollWidth"] <= overflow["innerWidth"], (
            f"{lang}:{name} scrolls horizontally at 375 px: {overflow}"
        )
    finally:
        context.close()
