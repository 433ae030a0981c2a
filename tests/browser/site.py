"""What the browser tests know about the site: page URLs, built files, and small in-page helpers."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page

LANGS = ("zh", "en")
OTHER = {"zh": "en", "en": "zh"}
CHAPTERS = ("intro/", "drugs/", "mechanisms/", "targets/", "clinical/", "future/")

# Material renders a diagram into a *closed* shadow root; keep a reference to every shadow root so that a test can
# look inside. Nothing else about attachShadow changes.
CAPTURE_SHADOW_ROOTS = """
(() => {
  const attach = Element.prototype.attachShadow;
  window.__shadowRoots = [];
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    window.__shadowRoots.push({ host: this, root });
    return root;
  };
})();
"""


def page_url(base: str, page: str, lang: str) -> str:
    """drugs/ssris -> <base>drugs/ssris/ (zh) or <base>en/drugs/ssris/ (en); drugs/index -> <base>drugs/."""
    path = "" if page == "index" else (page[: -len("index")] if page.endswith("/index") else page + "/")
    return base + ("en/" if lang == "en" else "") + path


def page_id(page: str, lang: str) -> str:
    return f"{lang}:{page}"


def built_html(site: Path, page: str, lang: str) -> str:
    from conftest import built_path  # tests/conftest.py

    return built_path(site, page, lang).read_text(encoding="utf-8")


def has_diagram(html: str) -> bool:
    return 'class="mermaid"' in html


def wait_for_diagrams(page: Page, expected: int) -> None:
    """Bring each diagram into view in turn, as a reader scrolling down does (the site renders a diagram only when the
    reader nears it), until Material has replaced every <pre class="mermaid"> by a host whose shadow root holds an
    <svg>; then scroll back to the top."""
    page.wait_for_function(
        """n => {
          const waiting = document.querySelector('pre.mermaid');
          if (waiting) { waiting.scrollIntoView({ block: 'center' }); return false; }
          return window.__shadowRoots.filter(s => s.host.matches('div.mermaid') && s.root.querySelector('svg')).length >= n;
        }""",
        arg=expected,
        polling=250,
        timeout=20_000,
    )
    page.evaluate("scrollTo(0, 0)")
    settle_animations(page)


def settle_animations(page: Page) -> None:
    """Wait until finite CSS transitions/animations have finished (Material fades the tabs back in after a scroll to
    the top; a check made mid-fade would see colours that no reader sees at rest)."""
    page.wait_for_function(
        """() => document.getAnimations().every(a => a.playState !== 'running'
                                                   || a.effect.getComputedTiming().endTime === Infinity)""",
        polling=100,
        timeout=5_000,
    )


def scroll_through(page: Page) -> None:
    """Scroll to the bottom and back, so that anything loaded on scroll (lazy images, observers) is requested."""
    page.evaluate("""async () => {
      const step = Math.max(200, innerHeight);
      for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
        scrollTo(0, y);
        // One frame (a hidden or throttled page may never run one: then 50 ms, so that this cannot hang).
        await new Promise(r => { requestAnimationFrame(r); setTimeout(r, 50); });
      }
      scrollTo(0, 0);
    }""")
