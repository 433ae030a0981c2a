"""Citation previews (Material's footnote tooltips): hovering or focusing a citation number shows its reference,
without the list's back-links, in both languages."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from browser.site import LANGS, page_url

PAGES = ["targets/glutamate-nmda", "mechanisms/monoamine"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", PAGES)
def test_citation_preview_on_hover_and_keyboard_focus(page: Page, base_url: str, name: str, lang: str) -> None:
    page.goto(page_url(base_url, name, lang))
    marker = page.locator("article sup.citation a.footnote-ref").first
    key = marker.get_attribute("href").removeprefix("#ref-")
    entry = page.locator(f"ol.references li#ref-{key} > p").inner_text().strip()
    tooltip = page.locator(".md-tooltip2").filter(has_text=entry[:40])

    marker.hover()
    expect(tooltip).to_be_visible()
    expect(tooltip.locator(".ref-back")).to_be_hidden()

    page.mouse.move(0, 0)
    page.keyboard.press("Escape")
    marker.evaluate("element => element.blur()")
    expect(tooltip).to_be_hidden()
    marker.focus()  # keyboard users reach the preview with Tab
    expect(tooltip).to_be_visible()
