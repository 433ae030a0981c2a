"""Browser fixtures: the built site served under /course/ on 127.0.0.1, one Debian chromium per session (per xdist
worker), a fresh context per test, and every request the pages make recorded."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from browser.serve import serve_site

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
LANGS = ("zh", "en")


def page_url(base: str, page: str, lang: str) -> str:
    """docs/drugs/ssris -> <base>drugs/ssris/ (zh) or <base>en/drugs/ssris/ (en); index pages -> their directory."""
    path = "" if page == "index" else (page[: -len("index")] if page.endswith("/index") else page + "/")
    return base + ("en/" if lang == "en" else "") + path


def launch_chromium(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


@pytest.fixture(scope="session")
def site_dir(request: pytest.FixtureRequest) -> Path:
    """The strict build from tests/conftest.py; COURSE_SITE_DIR=<dir> points at an existing build instead (development)."""
    override = os.environ.get("COURSE_SITE_DIR")
    if override:
        return Path(override)
    return request.getfixturevalue("site")


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    with serve_site(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = launch_chromium(playwright)
    yield browser
    browser.close()


class Requests(list):
    """Every URL requested in a context (pages, workers, websockets), in order."""

    def external(self, base_url: str) -> list[str]:
        host = urlsplit(base_url).netloc
        return [u for u in self if not (u.startswith(("data:", "blob:", "about:")) or urlsplit(u).netloc == host)]


@pytest.fixture
def requests_seen() -> Requests:
    return Requests()


@pytest.fixture
def context(browser: Browser, requests_seen: Requests) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    context.on("request", lambda request: requests_seen.append(request.url))
    context.on("page", lambda p: p.on("websocket", lambda ws: requests_seen.append(ws.url)))
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    p = context.new_page()
    return p
