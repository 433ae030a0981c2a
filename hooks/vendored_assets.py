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

VENDORED = {  # npm file -> site file
    "node_modules/mermaid/dist/mermaid.min.js": "assets/vendor/mermaid.min.js",
    "node_modules/resize-observer-polyfill/dist/ResizeObserver.js": "assets/vendor/resize-observer.js",
    "node_modules/iframe-worker/shim/index.js": "assets/vendor/iframe-worker-shim.js",
}
BUNDLE_FALLBACKS = {  # unpkg URL in Material's bundle -> the vendored copy that replaces it
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js": "assets/vendor/mermaid.min.js",
    "https://unpkg.com/resize-observer-polyfill": "assets/vendor/resize-observer.js",
}
# The offline copy runs the search worker through iframe-worker (file:// forbids workers); Material's offline plugin
# would load it from unpkg.com.
OFFLINE_SHIM = "assets/vendor/iframe-worker-shim.js"
BUNDLE_URL = "document.querySelector('script[src*=\"javascripts/bundle.\"]').src"


def local_bundle(bundle: str) -> str:
    """Material's bundle with each unpkg URL replaced by the vendored copy (relative to the bundle's URL)."""
    for unpkg_url, site_file in BUNDLE_FALLBACKS.items():
        literal = f'"{unpkg_url}"'
        if bundle.count(literal) != 1:
            raise ValueError(f"Material's bundle no longer contains {literal} exactly once — update vendored_assets.py")
        relative = "../" + site_file.removeprefix("assets/")
        bundle = bundle.replace(literal, f'new URL("{relative}",{BUNDLE_URL}).href')
    return bundle


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if config.extra.get("offline"):
        config.use_directory_urls = False  # file:// has no index.html resolution
        config.extra["polyfills"] = [OFFLINE_SHIM]
    return config


@event_priority(-150)  # after i18n (-100) has built every language: the theme's files are final
def on_post_build(config: MkDocsConfig) -> None:
    if config.plugins["i18n"].building:
        return
    repo, site = Path(config.config_file_path).parent, Path(config.site_dir)
    for package_file, site_file in VENDORED.items():
        source = repo / package_file
        if not source.exists():
            raise FileNotFoundError(f"{source} missing — run `npm ci` (scripts/course does)")
        (site / site_file).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, site / site_file)
    for bundle in (site / "assets/javascripts").glob("bundle.*.min.js"):
        bundle.write_text(local_bundle(bundle.read_text(encoding="utf-8")), encoding="utf-8")
