"""Serve every third-party browser asset from the site itself: nothing is fetched from another host.

Material's bundle falls back to unpkg.com for mermaid (when a page has a diagram) and for a ResizeObserver
polyfill (old browsers): blocked in mainland China and absent offline. Copy both from the pinned npm packages and
point the bundle at the copies, resolved against the bundle's own URL so that every page depth and language works.
Mermaid is still loaded by Material only on pages that contain a diagram.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

VENDORED = {  # npm file -> site file, and the unpkg URL in Material's bundle that it replaces
    "node_modules/mermaid/dist/mermaid.min.js": ("assets/vendor/mermaid.min.js", "https://unpkg.com/mermaid@11/dist/mermaid.min.js"),
    "node_modules/resize-observer-polyfill/dist/ResizeObserver.js": ("assets/vendor/resize-observer.js", "https://unpkg.com/resize-observer-polyfill"),
}
BUNDLE_URL = "document.querySelector('script[src*=\"javascripts/bundle.\"]').src"


def local_bundle(bundle: str) -> str:
    """Material's bundle with each unpkg URL replaced by the vendored copy (relative to the bundle's URL)."""
    for site_file, unpkg_url in VENDORED.values():
        literal = f'"{unpkg_url}"'
        if bundle.count(literal) != 1:
            raise ValueError(f"Material's bundle no longer contains {literal} exactly once — update vendored_assets.py")
        relative = "../" + site_file.removeprefix("assets/")
        bundle = bundle.replace(literal, f'new URL("{relative}",{BUNDLE_URL}).href')
    return bundle


@event_priority(-150)  # after i18n (-100) has built every language: the theme's files are final
def on_post_build(config: MkDocsConfig) -> None:
    if config.plugins["i18n"].building:
        return
    repo, site = Path(config.config_file_path).parent, Path(config.site_dir)
    for package_file, (site_file, _) in VENDORED.items():
        source = repo / package_file
        if not source.exists():
            raise FileNotFoundError(f"{source} missing — run `npm ci` (scripts/course does)")
        (site / site_file).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, site / site_file)
    for bundle in (site / "assets/javascripts").glob("bundle.*.min.js"):
        bundle.write_text(local_bundle(bundle.read_text(encoding="utf-8")), encoding="utf-8")
