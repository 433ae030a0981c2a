"""axe-core (the npm package, injected into the page) finds no serious or critical violation on any page, in both
languages, in the light and the dark palette (Material picks the palette from prefers-color-scheme)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from browser.site import LANGS, built_html, page_id, page_url, wait_for_diagrams
from conftest import REPO, page_pairs

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
SCHEMES = {"light": "default", "dark": "slate"}  # prefers-color-scheme -> Material's data-md-color-scheme
CASES = [pytest.param(page, lang, scheme, id=f"{page_id(page, lang)}:{scheme}")
         for scheme in SCHEMES for lang in LANGS for page in page_pairs()]


def summarize(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        targets = ["/".join(map(str, n["target"])) + f" — {n.get('failureSummary', '').splitlines()[-1].strip()}"
                   for n in v["nodes"][:4]]
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']} ({len(v['nodes'])} nodes)\n      " + "\n      ".join(targets))
    return "\n  ".join(lines)


@pytest.mark.parametrize(("name", "lang", "scheme"), CASES)
def test_no_serious_axe_violations(page: Page, site_dir: Path, base_url: str, name: str, lang: str, scheme: str) -> None:
    assert AXE.is_file(), f"{AXE} missing — run `npm ci`"
    page.emulate_media(color_scheme=scheme)
    page.goto(page_url(base_url, name, lang), wait_until="load")
    assert page.evaluate("document.body.dataset.mdColorScheme") == SCHEMES[scheme], "palette did not follow the scheme"
    diagrams = built_html(site_dir, name, lang).count('class="mermaid"')
    if diagrams:
        wait_for_diagrams(page, diagrams)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async () => {
      const r = await axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map(n => ({ target: n.target, impact: n.impact, failureSummary: n.failureSummary || '' })) }));
    }""")
    serious = [v for v in result if v["impact"] in ("serious", "critical")]
    assert not serious, f"{lang}:{name} ({scheme}) axe violations:\n  {summarize(serious)}"
