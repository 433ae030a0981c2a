"""Independent link check: LinkChecker (PyPI) crawls the served site, both languages, with its AnchorCheck plugin
enabled by a -f config; no internal link or anchor may be broken. External links are not followed (--check-extern
is off).

LinkChecker checks every `page#anchor` as a URL of its own and, for each, downloads the page and parses it again
(into a soup, then for links, then for anchors). With thousands of citation anchors that takes hours. When this file
is run as a script it runs LinkChecker unchanged except for memos keyed by the fragment-less URL and the downloaded
bytes: a page is parsed once, its anchors collected once and its links extracted once. Every URL is still fetched
and every link and anchor still checked.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

CONFIG = """\
[checking]
threads=4
maxrequestspersecond=10000
timeout=60
recursionlevel=-1
[filtering]
checkextern=0
[output]
status=0
[AnchorCheck]
"""


@pytest.fixture(scope="module")
def served(request: pytest.FixtureRequest) -> Iterator[str]:
    sys.path.insert(0, str(Path(__file__).parent))
    from browser.serve import serve_site

    override = os.environ.get("COURSE_SITE_DIR")  # development only: reuse an existing build
    site = Path(override) if override else request.getfixturevalue("site")
    with serve_site(site) as url:
        yield url


def run_linkchecker(config: Path, *urls: str, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, __file__, "-f", str(config), "--verbose", "--no-status", "-o", "csv", "--no-robots", *urls],
        capture_output=True, text=True, timeout=1800, env={**os.environ, "HOME": str(home)},
    )


def parse_csv(stdout: str) -> list[dict[str, str]]:
    # Comment lines start with "# "; a row's first field (the link as written) may start with "#" (an in-page anchor).
    lines = [line for line in stdout.splitlines() if line and not line.startswith("# ")]
    return list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter=";"))


def test_no_broken_internal_links_or_anchors(served: str, tmp_path: Path) -> None:
    config = tmp_path / "linkcheckerrc"
    config.write_text(CONFIG, encoding="utf-8")
    result = run_linkchecker(config, served, served + "en/", home=tmp_path)
    assert result.returncode in (0, 1), f"linkchecker failed to run ({result.returncode}):\n{result.stderr[-3000:]}"
    rows = parse_csv(result.stdout)
    internal = [r for r in rows if r["url"].startswith(served)]
    broken = sorted({f"{r['url'][len(served) - len('/course/'):]} (from {r['parentname'][len(served) - len('/course/'):]}"
                     f":{r['line']}) — {r['result']} {r['warningstring']}".strip()
                     for r in internal if r["valid"] == "False" or "Anchor" in r["warningstring"]})
    assert not broken, f"{len(broken)} broken internal links or anchors:\n" + "\n".join(broken[:80])
    # The crawl reached every page of both languages and checked anchors on them.
    pages = {r["url"].split("#")[0] for r in internal if r["url"].split("#")[0].endswith("/")}
    assert served in pages and served + "en/" in pages
    assert len(pages) >= 60, f"linkchecker reached only {len(pages)} pages"
    assert sum("#" in r["url"] for r in internal) > 1000, "hardly any anchors were checked"
    assert result.returncode == 0, result.stdout[-3000:]


def test_linkchecker_sees_a_broken_anchor(tmp_path: Path) -> None:
    """The checker (with its memos) does report a missing anchor and a missing page."""
    sys.path.insert(0, str(Path(__file__).parent))
    from browser.serve import serve_site

    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text('<html><body><h1 id="top">t</h1><a href="a/#here">ok</a> <a href="a/#gone">bad</a>'
                                     ' <a href="#top">self</a> <a href="missing/">404</a></body></html>', encoding="utf-8")
    (site / "a" / "index.html").write_text('<html><body><h2 id="here">h</h2><a href="../#top">up</a></body></html>',
                                           encoding="utf-8")
    config = tmp_path / "linkcheckerrc"
    config.write_text(CONFIG, encoding="utf-8")
    with serve_site(site) as url:
        rows = parse_csv(run_linkchecker(config, url, home=tmp_path).stdout)
    bad = {r["url"][len(url):] for r in rows if r["valid"] == "False" or "Anchor" in r["warningstring"]}
    assert bad == {"a/#gone", "missing/"}, rows


def _memoized_linkchecker() -> int:
    from linkcheck.checker import urlbase
    from linkcheck.command.linkchecker import linkchecker
    from linkcheck.htmlutil import linkparse
    import linkcheck.parser
    from linkcheck.plugins import anchorcheck

    lock = threading.Lock()
    anchors_of: dict[tuple[str, str], list] = {}
    parsed: set[tuple[str, str]] = set()

    def key(url_data) -> tuple[str, str]:
        return url_data.url.split("#", 1)[0], hashlib.sha1(url_data.get_raw_content()).hexdigest()

    def check(self, url_data) -> None:
        k = key(url_data)
        with lock:
            anchors = anchors_of.get(k)
        if anchors is None:
            collector = anchorcheck.UrlAnchorCheck()
            linkparse.find_links(url_data.get_soup(), collector.add_anchor, linkparse.AnchorTags)
            anchors = collector.anchors
            with lock:
                anchors_of[k] = anchors
        checker = anchorcheck.UrlAnchorCheck()
        checker.anchors = anchors
        checker.check_anchor(url_data)

    original_parse_html = linkcheck.parser.parse_html

    def parse_html(url_data) -> None:
        k = key(url_data)
        with lock:
            if k in parsed:  # the same document, reached under another #fragment: same links, already queued
                return
            parsed.add(k)
        original_parse_html(url_data)

    original_get_content = urlbase.UrlBase.get_content
    soups: dict[tuple[str, str], tuple] = {}

    def get_content(self, encoding=None):
        if self.text is None:
            self.get_raw_content()
            k = key(self)
            with lock:
                cached = soups.get(k)
            if cached is None:
                original_get_content(self, encoding)
                with lock:
                    soups[k] = (self.soup, self.content_encoding, self.text)
            else:
                self.soup, self.content_encoding, self.text = cached
        return self.text

    urlbase.UrlBase.get_content = get_content
    anchorcheck.AnchorCheck.check = check
    linkcheck.parser.parse_html = parse_html
    return linkchecker()


if __name__ == "__main__":
    sys.exit(_memoized_linkchecker())
