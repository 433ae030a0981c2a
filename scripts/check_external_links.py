"""Report dead external links in docs/ and references.bib. Needs the network, so it is not part of the build or CI.

Each URL is tried with HEAD, then GET (some servers refuse HEAD). A DOI is checked through https://doi.org/.
Exits 1 when a link is dead.

    python scripts/check_external_links.py [--timeout 15] [--workers 8]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from checks.bibliography import parse_bibliography  # noqa: E402
from checks.markdown_source import Source  # noqa: E402
from checks.problem import Problem  # noqa: E402

# Stops at whitespace, brackets, quotes and full-width punctuation; trailing sentence punctuation is trimmed.
URL = re.compile(r"https?://[^\s<>()\[\]\"'`，。；：、（）]+")
TRAILING = ".,;:!?"
HEADERS = {"User-Agent": "Mozilla/5.0 (course link check; +https://github.com/antidepressant-course/course)"}


def markdown_urls(root: Path) -> dict[str, list[tuple[str, int]]]:
    """URL -> (path, line) of each use, outside code."""
    uses: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for path in sorted((root / "docs").rglob("*.md")):
        source = Source(path.relative_to(root).as_posix(), path.read_text(encoding="utf-8"))
        for number, line in source.body_lines():
            for match in URL.finditer(line):
                uses[match.group(0).rstrip(TRAILING)].append((source.path, number))
    return uses


def bibliography_urls(root: Path) -> dict[str, list[tuple[str, int]]]:
    uses: dict[str, list[tuple[str, int]]] = defaultdict(list)
    entries, _ = parse_bibliography((root / "references.bib").read_text(encoding="utf-8"), "references.bib")
    for entry in entries:
        if "url" in entry.fields:
            uses[entry.fields["url"]].append(("references.bib", entry.field_lines["url"]))
        if "doi" in entry.fields:
            uses[f"https://doi.org/{entry.fields['doi']}"].append(("references.bib", entry.field_lines["doi"]))
    return uses


def failure(url: str, timeout: float) -> str | None:
    """Why url is dead, or None when it answers."""
    try:
        response = requests.head(url, headers=HEADERS, timeout=timeout, allow_redirects=True)
        if response.status_code >= 400:
            response = requests.get(url, headers=HEADERS, timeout=timeout, allow_redirects=True, stream=True)
            response.close()
    except requests.RequestException as error:
        return type(error).__name__
    # 401/403/429: the page exists but refuses robots; that is not a dead link.
    if response.status_code >= 400 and response.status_code not in (401, 403, 429):
        return f"HTTP {response.status_code}"
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=15)
    parser.add_argument("--workers", type=int, default=8)
    options = parser.parse_args()

    uses = markdown_urls(ROOT)
    for url, places in bibliography_urls(ROOT).items():
        uses[url] += places
    with ThreadPoolExecutor(options.workers) as pool:
        failures = dict(zip(uses, pool.map(lambda url: failure(url, options.timeout), uses)))
    problems = sorted(
        Problem(path, line, f"external link `{url}` is dead ({reason})", "update or remove the link")
        for url, reason in failures.items() if reason
        for path, line in uses[url]
    )
    for problem in problems:
        print(problem)
    print(f"checked {len(uses)} external URLs — {len(problems)} dead uses")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
