"""Browser fixtures: the built site served under /course/ on 127.0.0.1, one Debian chromium per session (per xdist
worker), a fresh context per test, and every request the pages make recorded."""

from __future__ import annotations

import faulthandler
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from browser.serve import serve_site
from browser.site import CAPTURE_SHADOW_ROOTS

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def launch_chromium(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


WATCHDOG_SECONDS = 300


@pytest.fixture(autouse=True)
def watchdog() -> Iterator[None]:
    """A browser call without its own timeout (page.evaluate awaiting a promise) must not hang the run: after
    WATCHDOG_SECONDS print every thread's stack and end the worker (xdist reports the test as crashed)."""
    faulthandler.dump_traceback_later(WATCHDOG_SECONDS, exit=True, file=sys.stderr)
    yield
    faulthandler.cancel_dump_traceback_later()


@pytest.fixture(scope="session")
def site_dir(request: pytest.FixtureRequest) -> Path:
    """The strict build from tests/conftest.py; COURSE_SITE_DIR=<dir> reuses an existing build (development only)."""
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
    """Every URL requested in a context (documents, assets, fetches, workers, websockets), in order."""

    def external(self, base_url: str) -> list[str]:
        host = urlsplit(base_url).netloc
        return [u for u in self if not (u.startswith(("data:", "blob:", "about:")) or urlsplit(u).netloc == host)]


def new_context(browser: Browser, requests: Requests | None = None, **options: object) -> BrowserContext:
    options.setdefault("viewport", {"width": 1280, "height": 900})
    context = browser.new_context(**options)
    context.set_default_timeout(15_000)
    context.add_init_script(CAPTURE_SHADOW_ROOTS)
    if requests is not None:
        context.on("request", lambda request: requests.append(request.url))
        context.on("page", lambda page: page.on("websocket", lambda ws: requests.append(ws.url)))
    return context


@pytest.fixture
def requests_seen() -> Requests:
    return Requests()


@pytest.fixture
def context(browser: Browser, requests_seen: Requests) -> Iterator[BrowserContext]:
    context = new_context(browser, requests_seen)
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()
