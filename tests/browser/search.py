"""Driving Material's search box the way a reader does (shared by the tests and scripts/bench_page_weight.py)."""

from __future__ import annotations

import re

from playwright.sync_api import Page

NON_ASCII = re.compile(r"[^\x00-\x7f]")

# Records the time of every change to the result list, so that a caller can wait for the results to settle and
# measure when they were painted (first animation frame after the change).
OBSERVE_RESULTS = """() => {
  if (window.__searchObserved) return;
  window.__searchObserved = true;
  window.__search = { lastKeyUp: 0, changes: [] };
  document.addEventListener('keyup', e => {
    if (e.target.matches('input.md-search__input')) window.__search.lastKeyUp = performance.now();
  }, true);
  const list = document.querySelector('.md-search-result__list');
  const meta = document.querySelector('.md-search-result__meta');
  const observer = new MutationObserver(() => {
    const change = { mutated: performance.now(), painted: null, items: list.children.length };
    window.__search.changes.push(change);
    requestAnimationFrame(() => { change.painted = performance.now(); });
  });
  observer.observe(list, { childList: true });
  observer.observe(meta, { childList: true, characterData: true, subtree: true });
}"""

SETTLED = """quiet => {
  const s = window.__search, last = s.changes[s.changes.length - 1];
  return !!last && last.mutated > s.lastKeyUp && last.painted !== null && performance.now() - last.mutated > quiet;
}"""


def open_search(page: Page) -> None:
    """Focus the search input (this opens the search dialog) and wait until the index is loaded."""
    page.click("input.md-search__input")
    # The result meta reads "Initializing search" (初始化 in Chinese) until the worker has built the index.
    page.wait_for_function(
        "() => !/初始化|Initializing/i.test(document.querySelector('.md-search-result__meta').textContent)",
        timeout=30_000,
    )
    page.evaluate(OBSERVE_RESULTS)


def type_query(page: Page, query: str) -> None:
    """Type query into the (open) search box, key by key.

    Material reads the query on keyup. Latin characters are real key presses; a Chinese character is committed by an
    input method, which inserts the text and ends with a key release (here: Shift).
    """
    box = page.locator("input.md-search__input")
    box.fill("")
    page.evaluate("window.__search.changes = []")
    for char in query:
        if NON_ASCII.match(char):
            page.keyboard.insert_text(char)
            page.keyboard.press("Shift")
        else:
            page.keyboard.press(char)


def wait_for_results(page: Page, quiet_ms: float = 250) -> dict:
    """Wait until the result list has stopped changing after the last keystroke; return the timings (ms)."""
    page.wait_for_function(SETTLED, arg=quiet_ms, timeout=15_000, polling=50)
    return page.evaluate("""() => {
      const s = window.__search, last = s.changes[s.changes.length - 1];
      return { keyup: s.lastKeyUp, mutated: last.mutated, painted: last.painted, items: last.items };
    }""")


def result_links(page: Page) -> list[str]:
    """Absolute URL of each result page (first link of each result item), in ranking order, without query/fragment."""
    return page.eval_on_selector_all(
        ".md-search-result__item > a.md-search-result__link:first-child",
        "els => els.map(a => { const u = new URL(a.href); return u.origin + u.pathname; })",
    )


def all_result_links(page: Page) -> list[str]:
    return page.eval_on_selector_all(".md-search-result a[href]", "els => els.map(a => a.href)")
