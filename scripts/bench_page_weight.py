"""First-load weight of a content page and search latency, measured in Debian's chromium (Playwright).

Weight: every response of a fresh load of a content page (HTML, CSS, JS, the search index the page fetches, anything
else), recorded in the browser: decoded bytes ("raw") and bytes on the wire with gzip (the local server compresses text
when asked, as GitHub Pages does). Measured for zh and en, on a page without a diagram and on one with a diagram
(mermaid is loaded only there).

Search latency: time from the last keystroke (keyup) to the first animation frame after the result list changed for
the final query (MutationObserver + requestAnimationFrame), normal and with 4× CPU throttling
(CDP Emulation.setCPUThrottlingRate).

    python scripts/bench_page_weight.py [--site DIR] [-n 3]

Without --site the site is built first (strict if possible). Results go to BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "scripts"))

from bench_common import write_section  # noqa: E402
from browser.conftest import launch_chromium, new_context  # noqa: E402
from browser.search import open_search, type_query, wait_for_results  # noqa: E402
from browser.serve import serve_site  # noqa: E402
from browser.site import page_url  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

PAGES = {"no diagram": "drugs/rapid-acting", "diagrams": "mechanisms/circuits"}
QUERIES = {"zh": ["艾司氯胺酮", "海马", "BDNF", "细胞因子", "复发"],
           "en": ["esketamine", "hippocampal", "BDNF", "cytokines", "remission"]}


def kind(url: str, resource_type: str) -> str:
    path = url.split("?")[0]
    if path.endswith("search_index.json"):
        return "search index"
    if resource_type == "document":
        return "HTML"
    if resource_type == "stylesheet" or path.endswith(".css"):
        return "CSS"
    if resource_type == "script" or path.endswith(".js"):
        return "JS"
    return "other"


def measure_weight(browser, base: str, page_name: str, lang: str) -> dict[str, list[int]]:
    context = new_context(browser)
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # kind -> [raw, wire, count]
    responses = []
    context.on("response", lambda response: responses.append(response))
    page = context.new_page()
    page.goto(page_url(base, page_name, lang), wait_until="load")
    page.wait_for_load_state("networkidle")
    # The search index may be fetched only when the reader opens the search: open it, so that it is counted.
    page.click("input.md-search__input")
    page.wait_for_function("() => !/初始化|Initializing/i.test(document.querySelector('.md-search-result__meta').textContent)",
                           timeout=30_000)
    page.wait_for_load_state("networkidle")
    for response in responses:
        if response.status != 200 or not response.url.startswith(base):
            continue
        raw = len(response.body())
        wire = response.request.sizes()["responseBodySize"]
        entry = totals[kind(response.url, response.request.resource_type)]
        entry[0] += raw
        entry[1] += wire
        entry[2] += 1
    context.close()
    return dict(totals)


def measure_latency(browser, base: str, lang: str, throttle: float, runs: int) -> list[float]:
    context = new_context(browser)
    page = context.new_page()
    page.goto(page_url(base, "intro/burden", lang))
    open_search(page)
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": throttle})
    latencies = []
    for _ in range(runs):
        for query in QUERIES[lang]:
            type_query(page, query)
            timing = wait_for_results(page, quiet_ms=400 * throttle)
            latencies.append(timing["painted"] - timing["keyup"])
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})
    context.close()
    return latencies


def kb(n: int) -> str:
    return f"{n / 1024:,.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an existing build (default: build the site now)")
    parser.add_argument("-n", type=int, default=3, help="repetitions of the query list per measurement (default 3)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-weight-") as tmp:
        site = args.site
        note = ""
        if site is None:
            site = Path(tmp) / "site"
            env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "https://antidepressant-course.github.io/course/"}
            cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)]
            if subprocess.run(cmd + ["--strict"], cwd=ROOT, capture_output=True, env=env).returncode != 0:
                subprocess.run(cmd, cwd=ROOT, capture_output=True, env=env, check=True)
                note = "The strict build fails at the moment; measured on a non-strict build of the same sources."
        with serve_site(site) as base, sync_playwright() as p:
            browser = launch_chromium(p)
            weight_rows = ["| lang | page | HTML | CSS | JS | search index | other | **total raw** | **total gzip** |",
                           "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
            for lang in ("zh", "en"):
                for label, name in PAGES.items():
                    t = measure_weight(browser, base, name, lang)
                    cells = [f"{kb(t.get(k, [0, 0])[0])} / {kb(t.get(k, [0, 0])[1])}"
                             for k in ("HTML", "CSS", "JS", "search index", "other")]
                    raw = sum(v[0] for v in t.values())
                    wire = sum(v[1] for v in t.values())
                    weight_rows.append(f"| {lang} | `{name}` ({label}) | " + " | ".join(cells) + f" | {kb(raw)} | {kb(wire)} |")
                    print(lang, name, {k: v for k, v in t.items()}, "raw", raw, "gzip", wire, flush=True)
            latency_rows = ["| lang | CPU | queries | median (ms) | p90 (ms) | max (ms) |", "|---|---|---:|---:|---:|---:|"]
            for lang in ("zh", "en"):
                for throttle in (1, 4):
                    lat = sorted(measure_latency(browser, base, lang, throttle, args.n))
                    p90 = lat[min(len(lat) - 1, int(round(0.9 * (len(lat) - 1))))]
                    latency_rows.append(f"| {lang} | {'normal' if throttle == 1 else '4× throttled'} | {len(lat)} | "
                                        f"{statistics.median(lat):.1f} | {p90:.1f} | {max(lat):.1f} |")
                    print(lang, throttle, [round(x, 1) for x in lat], flush=True)
            browser.close()
    print("\n".join(weight_rows + [""] + latency_rows))
    body = ("## Page weight and search latency (`scripts/bench_page_weight.py`)\n\n"
            "First load of a content page in a fresh browser context (1280×900, no scrolling), then the search opened "
            "so that its index is counted; every response recorded in chromium. Cells: KiB decoded / KiB on the wire "
            "(gzip). Mermaid (3.6 MB) is counted only if the page fetched it on this first screen.\n\n" + "\n".join(weight_rows) + "\n\n"
            "Search latency: last keyup → first animation frame after the result list changed for the final query, "
            f"{len(QUERIES['zh'])} queries × {args.n} per language, searched from `intro/burden`.\n\n"
            + "\n".join(latency_rows) + (f"\n\n{note}" if note else ""))
    write_section("bench_page_weight", "python scripts/bench_page_weight.py" + (f" --site {args.site}" if args.site else "")
                  + (f" -n {args.n}" if args.n != 3 else ""), body)


if __name__ == "__main__":
    main()
