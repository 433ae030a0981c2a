"""Lighthouse (mobile defaults) on the real site, served with gzip under /course/ on 127.0.0.1.

Builds the site with site_url pointing at the local server (so canonical and hreflang URLs are same-origin, as when
deployed), runs Lighthouse from scripts/lighthouse (npm, pinned) against Debian's chromium RUNS times per page, and
prints the median score per category with the failing audits. Usage:
    scripts/course test --co -q >/dev/null  # (any command that sets up .venv and npm first)
    (cd scripts/lighthouse && npm ci) && .venv/bin/python scripts/bench_lighthouse.py [RUNS]
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from tests.browser.serve import PREFIX, serve_site  # noqa: E402

PAGES = ["", "mechanisms/monoamine/", "targets/glutamate-nmda/", "en/", "en/mechanisms/monoamine/", "en/targets/glutamate-nmda/"]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
LIGHTHOUSE = REPO / "scripts/lighthouse/node_modules/.bin/lighthouse"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"


def build(target: Path, site_url: str) -> None:
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(target)], cwd=REPO, check=True,
                   env={**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"})


def lighthouse(url: str) -> dict:
    result = subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--chrome-flags={CHROME_FLAGS}",
                             f"--only-categories={','.join(CATEGORIES)}"],
                            capture_output=True, text=True, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"})
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-2000:])
    return json.loads(result.stdout)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    with tempfile.TemporaryDirectory() as tmp, serve_site(Path(tmp)) as base:
        build(Path(tmp), base)
        print(f"Lighthouse {runs} runs per page, mobile defaults, median score (failing audits)")
        for page in PAGES:
            reports = [lighthouse(base + page) for _ in range(runs)]
            medians = {c: round(100 * statistics.median(r["categories"][c]["score"] for r in reports)) for c in CATEGORIES}
            failing = sorted({a for r in reports for c in CATEGORIES for ref in r["categories"][c]["auditRefs"]
                              if ref["weight"] > 0 and (a := ref["id"]) and (r["audits"][a]["score"] or 0) < 1
                              and c != "performance"})
            print(f"{PREFIX}{page:30} " + "  ".join(f"{c} {medians[c]:3}" for c in CATEGORIES)
                  + (f"  failing: {', '.join(failing)}" if failing else ""))


if __name__ == "__main__":
    main()
