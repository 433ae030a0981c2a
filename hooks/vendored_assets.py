"""Serve every third-party browser asset from the site itself: nothing is fetched from another host.

Copies mermaid, the ResizeObserver polyfill and iframe-worker from the pinned npm packages into assets/vendor/;
hooks/material_bundle.py points Material's bundle at them instead of unpkg.com (blocked in mainland China, absent
offline). In the offline classroom copy (`extra.offline`), pages use file URLs and run the search worker through
iframe-worker, as Material's offline plugin would, but without its unpkg.com script.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from course.sources import all_languages_built
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

VENDORED = {  # npm file -> site file
    "node_modules/mermaid/dist/mermaid.min.js": "assets/vendor/mermaid.min.js",
    "node_modules/resize-observer-polyfill/dist/ResizeObserver.js": "assets/vendor/resize-observer.js",
    "node_modules/iframe-worker/shim/index.js": "assets/vendor/iframe-worker-shim.js",
}
OFFLINE_SHIM = "assets/vendor/iframe-worker-shim.js"  # file:// forbids workers; the shim runs one in an iframe


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if config.extra.get("offline"):
        config.use_directory_urls = False  # file:// has no index.html resolution
        config.extra["polyfills"] = [OFFLINE_SHIM]
    return config


@event_priority(-150)  # after i18n (-100) has built every language: the theme's files are final
def on_post_build(config: MkDocsConfig) -> None:
    if not all_languages_built(config):
        return
    repo, site = Path(config.config_file_path).parent, Path(config.site_dir)
    for package_file, site_file in VENDORED.items():
        source = repo / package_file
        if not source.exists():
            raise FileNotFoundError(f"{source} missing — run `npm ci` (scripts/course does)")
        (site / site_file).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, site / site_file)
