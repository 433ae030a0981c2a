"""Nothing in the built site asks another host for anything: no fonts, CDNs or scripts from elsewhere."""

from __future__ import annotations

import re
from pathlib import Path

FORBIDDEN_HOSTS = ("googleapis", "gstatic", "unpkg", "jsdelivr", "cdnjs", "bootcdn", "staticfile", "cloudflare")
# A URL the browser would fetch by itself: src=, <link href=>, CSS url(), @import.
ASSET_URL = re.compile(r"""(?:\bsrc=|<link\b[^>]*\bhref=|url\(|@import\s+)["']?(https?:)?//([^/"')\s]+)""", re.I)


def text_files(site: Path) -> list[Path]:
    return [p for p in site.rglob("*") if p.suffix in {".html", ".css", ".js", ".json", ".xml"}]


def test_no_forbidden_host_anywhere(site: Path) -> None:
    hits = [(p.relative_to(site).as_posix(), host) for p in text_files(site) if "vendor" not in p.parts
            for host in FORBIDDEN_HOSTS if host in p.read_text(encoding="utf-8", errors="replace")]
    assert hits == []


def test_no_external_asset_urls_in_pages(site: Path) -> None:
    hits = []
    for page in site.rglob("*.html"):
        for match in ASSET_URL.finditer(page.read_text(encoding="utf-8")):
            hits.append((page.relative_to(site).as_posix(), match.group(2)))
    # Only <link rel=canonical/alternate> may name a host, and only the site's own: they are not fetched.
    assert all(host == "antidepressant-course.github.io" for _, host in hits), hits[:10]


def test_mermaid_is_served_locally(site: Path) -> None:
    assert (site / "assets/vendor/mermaid.min.js").stat().st_size > 1_000_000
    bundle = next((site / "assets/javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
    assert "../vendor/mermaid.min.js" in bundle and "unpkg" not in bundle


def test_theme_fonts_are_off(site: Path) -> None:
    assert "fonts.googleapis" not in (site / "index.html").read_text(encoding="utf-8")
