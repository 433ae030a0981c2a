"""Editions in a real browser: two editions of this tree published with mike into a temporary repository's branch
(scripts/editions.py, as the Pages workflow does), served from the branch's files under /course/.

Edition 1.1 differs from 1.0 in one sentence of targets/glutamate-nmda and renames its section `esketamine`,
keeping the old id as an alias. Never touches the real repository's branches.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from browser.conftest import new_context
from browser.serve import serve_site
from conftest import REPO

SITE_URL = "https://antidepressant-course.github.io/course/"
PAGE = "targets/glutamate-nmda"
MARKER = "Edition marker {}."
# One worker builds the two editions (about a minute) when the suite runs with --dist loadgroup.
pytestmark = pytest.mark.xdist_group("editions")
GIT_ENV = {"GIT_AUTHOR_NAME": "test", "GIT_AUTHOR_EMAIL": "test@example.org", "GIT_COMMITTER_NAME": "test",
           "GIT_COMMITTER_EMAIL": "test@example.org"}


def sh(*command: str | Path, cwd: Path) -> None:
    env = {**os.environ, **GIT_ENV, "SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True)
    assert result.returncode == 0, f"{command}:\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}"


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def set_edition(repo: Path, version: str, day: str, marker_from: str | None) -> None:
    cff = repo / "CITATION.cff"
    cff.write_text(re.sub(r'(?m)^version: ".*"$', f'version: "{version}"',
                          re.sub(r'(?m)^date-released: ".*"$', f'date-released: "{day}"', cff.read_text("utf-8"))),
                   encoding="utf-8")
    name = version.rsplit(".", 1)[0]
    for lang in ("zh", "en"):
        page = repo / "docs" / f"{PAGE}.{lang}.md"
        if marker_from is None:  # first edition: a sentence after the title
            text = page.read_text(encoding="utf-8")
            page.write_text(re.sub(r"(?m)^(# .+)$", rf"\1\n\n{MARKER.format(name)}", text, count=1), encoding="utf-8")
        else:
            edit(page, MARKER.format(marker_from), MARKER.format(name))


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The exported gh-pages branch of a temporary copy of this working tree with editions 1.0 and 1.1."""
    repo = tmp_path_factory.mktemp("editions") / "repo"
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=REPO, capture_output=True,
                            check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = REPO / name
        if name.startswith("site/") or not source.is_file():
            continue
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_bytes(source.read_bytes())
    (repo / "node_modules").symlink_to(REPO / "node_modules")
    editions = [sys.executable, repo / "scripts" / "editions.py"]
    # The strict build is the main suite's business; this tree may hold other work in progress.
    deploy = [*editions, "deploy", "--branch", "gh-pages", "--no-strict"]

    sh("git", "init", "-q", "-b", "main", cwd=repo)
    set_edition(repo, "1.0.0", "2026-11-29", None)
    sh("git", "add", "-A", cwd=repo)
    sh("git", "commit", "-qm", "Edition 1.0", cwd=repo)
    sh(*deploy, cwd=repo)
    sh(*editions, "snapshot", "--site", repo / "site", cwd=repo)  # as at a release: 1.0's addresses are recorded

    set_edition(repo, "1.1.0", "2026-12-02", "1.0")
    for lang in ("zh", "en"):
        page = repo / "docs" / f"{PAGE}.{lang}.md"
        edit(page, "{#esketamine}", "{#esketamine-trials}")
        edit(page, "---\n", "---\nid_aliases: {esketamine: esketamine-trials}\n")
    sh("git", "add", "-A", cwd=repo)
    sh("git", "commit", "-qm", "Edition 1.1", cwd=repo)
    sh(*deploy, cwd=repo)
    sh(*editions, "export", "--branch", "gh-pages", "--out", repo.parent / "published", cwd=repo)
    return repo.parent / "published"


@pytest.fixture(scope="module")
def editions_url(editions: Path) -> Iterator[str]:
    with serve_site(editions) as url:
        yield url


@pytest.fixture
def tab(browser: Browser) -> Iterator[Page]:
    context = new_context(browser)
    yield context.new_page()
    context.close()


def address(base: str, edition: str, lang: str, fragment: str = "") -> str:
    return f"{base}{edition}/{'en/' if lang == 'en' else ''}{PAGE}/" + (f"#{fragment}" if fragment else "")


def selector_titles(tab: Page) -> list[str]:
    links = tab.locator(".md-header__topic .md-version__link")
    expect(links).to_have_count(2)
    return links.all_text_contents()


def test_branch_holds_both_editions_and_latest(editions: Path) -> None:
    assert {"1.0", "1.1", "latest", "versions.json", "index.html"} <= {p.name for p in editions.iterdir()}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_selector_lists_both_editions(tab: Page, editions_url: str, lang: str) -> None:
    tab.goto(address(editions_url, "1.1", lang))
    assert [t.strip() for t in selector_titles(tab)] == ["1.1", "1.0"]
    expect(tab.locator(".md-version__current")).to_have_text("1.1")
    expect(tab.locator('[data-md-component="outdated"]')).to_be_hidden()


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("edition", "other"), [("1.0", "1.1"), ("1.1", "1.0")])
def test_each_edition_shows_its_own_text(tab: Page, editions_url: str, lang: str, edition: str, other: str) -> None:
    tab.goto(address(editions_url, edition, lang))
    article = tab.locator("article").inner_text()
    assert MARKER.format(edition) in article and MARKER.format(other) not in article


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_old_edition_links_the_same_section_in_the_newest(tab: Page, editions_url: str, lang: str) -> None:
    tab.goto(address(editions_url, "1.0", lang, "esketamine"))
    notice = tab.locator('[data-md-component="outdated"]')
    expect(notice).to_be_visible()
    expect(tab.locator(".md-version__current")).to_have_text("1.0")
    notice.locator("a.edition-latest").click()
    tab.wait_for_url(address(editions_url, "1.1", lang, "esketamine"))
    # 1.1 renamed the section; the alias keeps the cited fragment landing on it.
    assert tab.evaluate("document.getElementById('esketamine').nextElementSibling.id") == "esketamine-trials"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_cite_blocks_on_the_old_edition_give_its_address_and_todays_date(tab: Page, editions_url: str,
                                                                        lang: str) -> None:
    tab.goto(address(editions_url, "1.0", lang))
    today = date.today().isoformat()
    own = address(SITE_URL, "1.0", lang)
    gbt = tab.locator('section.cite-this pre[data-format="gbt7714"]').inner_text()
    assert own in gbt and f"[{today}]" in gbt and "YYYY" not in gbt
    ris = tab.locator('section.cite-this pre[data-format="ris"]').inner_text()
    assert f"UR  - {own}" in ris and f"Y2  - {today.replace('-', '/')}" in ris
    tab.locator('button.cite-section[data-section="esketamine"]').click()
    dialog = tab.locator("dialog.cite-dialog")
    expect(dialog).to_be_visible()
    text = dialog.inner_text()
    assert f"{own}#esketamine" in text and f"urldate = {{{today}}}" in text and "/1.1/" not in text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_selector_opens_the_same_page_and_section_in_the_other_edition(tab: Page, editions_url: str,
                                                                       lang: str) -> None:
    tab.goto(address(editions_url, "1.1", lang, "mechanisms"))
    selector_titles(tab)
    tab.locator(".md-version").hover()
    tab.locator(".md-version__link", has_text="1.0").click()
    tab.wait_for_url(address(editions_url, "1.0", lang, "mechanisms"))
    expect(tab.locator(".md-version__current")).to_have_text("1.0")
