"""Patches to Material's JavaScript bundle, each for a reason Material offers no setting for.

The bundle is pinned with Material (9.8.2). Each patch replaces a literal that must occur exactly once; if Material
changes, the build fails here instead of silently losing the fix. Minified names: H = defer, b = mergeMap,
Z = shareReplay(1), ks() starts the search index download.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from course.sources import all_languages_built
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

# Resolve a vendored file against the bundle's own URL, so that every page depth and language works.
BUNDLE_URL = "document.querySelector('script[src*=\"javascripts/bundle.\"]').src"
SEARCH_WANTED = ("new Promise(r=>[\"focusin\",\"pointerover\"].forEach(t=>addEventListener(t,e=>e.target.closest"
                 "&&e.target.closest('form[name=\"search\"],label[for=\"__search\"]')&&r())))")


@dataclass(frozen=True)
class Patch:
    why: str
    literal: str
    replacement: str


PATCHES = (
    Patch("mermaid from the site itself, not unpkg.com (blocked in mainland China, absent offline)",
          '"https://unpkg.com/mermaid@11/dist/mermaid.min.js"',
          f'new URL("../vendor/mermaid.min.js",{BUNDLE_URL}).href'),
    Patch("the ResizeObserver polyfill from the site itself, not unpkg.com",
          '"https://unpkg.com/resize-observer-polyfill"',
          f'new URL("../vendor/resize-observer.js",{BUNDLE_URL}).href'),
    Patch("fetch the search index when the reader reaches for search, not on every first view (it competed with the "
          "page for bandwidth and landed in the largest contentful paint on slow networks)",
          'zi=document.forms.namedItem("search")?ks():tt',
          f'zi=document.forms.namedItem("search")?H(()=>{SEARCH_WANTED}).pipe(b(()=>ks()),Z(1)):tt'),
    Patch("let course.js widen English query words to their stem (the index is unstemmed, see mkdocs.yml)",
          "t.next({type:2,data:i})",
          "t.next({type:2,data:(window.courseSearchQuery||String)(i)})"),
)


def patched(bundle: str) -> str:
    for patch in PATCHES:
        if bundle.count(patch.literal) != 1:
            raise ValueError(f"Material's bundle no longer contains {patch.literal!r} exactly once "
                             f"({patch.why}) — update hooks/material_bundle.py")
        bundle = bundle.replace(patch.literal, patch.replacement)
    return bundle


@event_priority(-150)  # after i18n (-100) has built every language: the theme's files are final
def on_post_build(config: MkDocsConfig) -> None:
    if not all_languages_built(config):
        return
    for bundle in (Path(config.site_dir) / "assets/javascripts").glob("bundle.*.min.js"):
        bundle.write_text(patched(bundle.read_text(encoding="utf-8")), encoding="utf-8")
