"""Fetch the search index only when the reader reaches for search, not on every first page view.

Material subscribes to the index at start-up, so every first view downloads it and it competes with the page for
bandwidth (on a slow campus network it landed in the largest contentful paint). Wrap that subscription in a
deferred promise that resolves when the search field gets focus or the pointer moves over the search button. The
bundle is pinned with Material: if its shape changes the build fails here instead of silently losing the deferral.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

# H = defer, b = mergeMap, Z = shareReplay in Material 9.8.2's minified bundle; ks() starts the index download.
EAGER = 'zi=document.forms.namedItem("search")?ks():tt'
WANTED = ("new Promise(r=>[\"focusin\",\"pointerover\"].forEach(t=>addEventListener(t,e=>e.target.closest"
          "&&e.target.closest('form[name=\"search\"],label[for=\"__search\"]')&&r())))")
LAZY = f'zi=document.forms.namedItem("search")?H(()=>{WANTED}).pipe(b(()=>ks()),Z(1)):tt'


def lazy_index(bundle: str) -> str:
    if bundle.count(EAGER) != 1:
        raise ValueError(f"Material's bundle no longer contains {EAGER!r} — update lazy_search_index.py")
    return bundle.replace(EAGER, LAZY)


@event_priority(-150)  # after i18n (-100) has built every language: the theme's files are final
def on_post_build(config: MkDocsConfig) -> None:
    if config.plugins["i18n"].building:
        return
    for bundle in (Path(config.site_dir) / "assets/javascripts").glob("bundle.*.min.js"):
        bundle.write_text(lazy_index(bundle.read_text(encoding="utf-8")), encoding="utf-8")
