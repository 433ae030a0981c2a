"""The glossary guards abbreviations: a page that uses one the glossary lacks fails the strict build."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from checks.abbreviations import undefined_abbreviations
from conftest import copy_mini_site
from checks.markdown_source import Source
from course.glossary import abbreviations_used

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = """\
- abbr: SSRI
  zh: 选择性5-羟色胺再摄取抑制剂
  en: selective serotonin reuptake inhibitor
  def_zh: 一类抗抑郁药。
  def_en: A class of antidepressants.
"""


def test_abbreviations_are_found_in_prose() -> None:
    text = "SSRIs and MAOIs, IL-6, 5-HT1A, STAR*D, CRP-based; phase III; TrkB and McEwen are not abbreviations."
    assert abbreviations_used(text) == {"SSRI", "MAOI", "IL-6", "5-HT1A", "STAR*D", "CRP"}


def test_undefined_abbreviation_is_reported_at_its_line() -> None:
    source = Source("docs/x.en.md", "---\ntitle: X\n---\n\n# X\n\nAn SSRI.\n\nA `CODE` span, then BDNF.\n")
    problems = undefined_abbreviations(source, {"SSRI"})
    assert [str(p) for p in problems] == [
        "docs/x.en.md:9: abbreviation BDNF is not in the glossary — add it to data/glossary.yml (abbr, zh, en, def_zh, def_en)"]


@pytest.fixture(scope="module")
def glossary_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("glossary") / "site"
    config = copy_mini_site(site)
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("hooks:\n", f"hooks:\n  - {ROOT}/hooks/glossary_terms.py\n", 1), encoding="utf-8")
    (site / "data").mkdir(exist_ok=True)  # the fixture has data/questions/
    (site / "data" / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    return site


def build(site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site / "out")],
                          cwd=site, capture_output=True, text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})


def test_page_using_an_abbreviation_the_glossary_lacks_fails_the_build(glossary_site: Path) -> None:
    page = glossary_site / "docs" / "index.en.md"
    lines = page.read_text(encoding="utf-8").split("\n")
    lines.append("")
    lines.append("Ketamine blocks the XYZQ receptor.")
    page.write_text("\n".join(lines), encoding="utf-8")
    result = build(glossary_site)
    assert result.returncode != 0
    assert f"docs/index.en.md:{len(lines)}: abbreviation XYZQ is not in the glossary" in result.stderr
