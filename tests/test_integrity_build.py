"""Build-failure fixtures: each copies tests/fixtures/mini-site, breaks one thing, and runs `mkdocs build --strict`.

The build must fail and print the problem at the right `path:line:`; the untouched copy must build with no warning.
All builds run up front, in parallel, in one module-scoped fixture.
"""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import copy_mini_site

ROOT = Path(__file__).resolve().parents[1]

EXTRA_BIB_ENTRY = """
@article{uncited2022,
  author = {Uncited, Una},
  title = {Nobody cites this},
  journal = {Journal of Tests},
  year = {2022},
  volume = {1},
  pages = {7--9},
  doi = {10.1000/jt.2022.007},
  langid = {english}
}
"""


@dataclass(frozen=True)
class Case:
    file: str  # relative to the site
    old: str  # replaced by new; old == "" deletes the file, old == "<append>" appends new
    new: str
    expected: str  # the start of the reported line, e.g. "docs/index.zh.md:9: citation key"


CASES = {
    "1-unknown-key": Case("docs/index.zh.md", "[@smith2020]", "[@smith2021]",
                          "docs/index.zh.md:9: citation key `smith2021` is not in references.bib"),
    "1-key-cut-short": Case("docs/index.en.md", "[@smith2020]", "[@smith:2020]",
                            "docs/index.en.md:9: citation key `smith:2020` contains `:`"),
    "2-full-width-semicolon": Case("docs/drugs/ssris.zh.md", "[@wang2019; @lee2021]", "[@wang2019；@lee2021]",
                                   "docs/drugs/ssris.zh.md:13: full-width `；`"),
    "2-locator": Case("docs/drugs/ssris.en.md", "[@wang2019; @lee2021]", "[@wang2019, p. 3; @lee2021]",
                      "docs/drugs/ssris.en.md:13: locator `, p. 3`"),
    "2-glued-to-chinese": Case("docs/index.zh.md", "[@smith2020]。", "[@smith2020研究]。",
                               "docs/index.zh.md:9: citation key in `[@smith2020研究]` is glued"),
    "3-unrendered-footnote-en": Case("docs/index.en.md", "Depression is common;", "Depression is common[^1];",
                                     "docs/index.en.md:11: `[^1]` is shown to readers as literal text"),
    "4-duplicate-key": Case("references.bib", "<append>", EXTRA_BIB_ENTRY.replace("uncited2022", "SMITH2020"),
                            "references.bib:32: key `SMITH2020` repeats `smith2020`"),
    "4-uncited-entry": Case("references.bib", "<append>", EXTRA_BIB_ENTRY,
                            "references.bib:32: entry `uncited2022` is cited by no page"),
    "4-missing-field": Case("references.bib", "  journal = {Neuro Tests},\n", "",
                            "references.bib:21: entry `lee2021` (@article) lacks journal"),
    "4-malformed-doi": Case("references.bib", "{10.1000/nt.2021.042}", "{doi:10.1000/nt.2021.042}",
                            "references.bib:28: DOI `doi:10.1000/nt.2021.042` of `lee2021` is malformed"),
    "4-unparseable": Case("references.bib", "  isbn = {9787117000000},\n", "  isbn = {9787117000000,\n",
                          "references.bib:12: entry `@book` cannot be parsed"),
    "4-tex-escape": Case("references.bib", "{Serotonin transporter occupancy}", "{Serotonin transporter in Mu{\\~n}oz}",
                         "references.bib:3: `title` of `smith2020` holds TeX"),
    "4-double-hyphen-in-title": Case("references.bib", "{Ketamine and synaptic plasticity}", "{Ketamine 1990--2019}",
                                     "references.bib:23: `title` of `lee2021` holds `--`"),
    "4-braced-name-part": Case("references.bib", "{Lee, Min and", "{Lee, {Min} and",
                               "references.bib:22: `author` of `lee2021` braces part of a name"),
    "4-no-language": Case("references.bib", "  doi = {10.1000/nt.2021.042},\n  langid = {english}\n", "  doi = {10.1000/nt.2021.042}\n",
                          "references.bib:21: entry `lee2021` has no known language"),
    "4-article-without-volume": Case("references.bib", "  volume = {3},\n", "",
                                     "references.bib:21: article `lee2021` lacks volume"),
    "4-cut-page-range": Case("references.bib", "{42--51}", "{42-}",
                             "references.bib:27: page range `42-` of `lee2021` is cut"),
    "5-missing-page": Case("docs/drugs/ssris.en.md", "monoamine.md#", "monoamines.md#",
                           "docs/drugs/ssris.en.md:17: link `../mechanisms/monoamines.md#hypothesis` points to a page"),
    "6-missing-anchor": Case("docs/drugs/ssris.zh.md", "#hypothesis", "#hypotheses",
                             "docs/drugs/ssris.zh.md:17: link `../../mechanisms/monoamine/#hypotheses` points to"),
    "7-other-language-md": Case("docs/index.en.md", "drugs/ssris.md#", "drugs/ssris.zh.md#",
                                "docs/index.en.md:19: link `drugs/ssris.zh.md#mechanism` goes to the zh page"),
    "7-other-language-html": Case("docs/mechanisms/monoamine.zh.md", "../../drugs/", "../../en/drugs/",
                                  "docs/mechanisms/monoamine.zh.md:11: link `../../en/drugs/ssris/#safety` leads"),
    "8-missing-image": Case("docs/index.zh.md", "diagram.svg)", "diagrams.svg)",
                            "docs/index.zh.md:21: image `assets/img/diagrams.svg` points to a file that does not"),
    "8-image-without-alt": Case("docs/index.en.md", "![Diagram]", "![]",
                                "docs/index.en.md:21: image `assets/img/diagram.svg` has no alt text"),
    "9-http-link": Case("docs/index.zh.md", "https://mastodon.social", "http://mastodon.social",
                        "docs/index.zh.md:25: external link `http://mastodon.social/@example` is not https"),
    "10-missing-counterpart": Case("docs/mechanisms/monoamine.en.md", "", "",
                                   "docs/mechanisms/monoamine.zh.md:1: page has no counterpart"),
    "11-heading-ids-differ": Case("docs/drugs/ssris.en.md", "{#safety}", "{#safety-profile}",
                                  "docs/drugs/ssris.en.md:15: heading id `safety-profile` is not in"),
    "12-citations-differ": Case("docs/drugs/ssris.en.md", "[@wang2019; @lee2021]", "[@wang2019]",
                                "docs/drugs/ssris.zh.md:13: citation `lee2021` is not in docs/drugs/ssris.en.md"),
    "13-heading-without-id": Case("docs/index.en.md", "## Further reading {#further-reading}", "## Further reading",
                                  "docs/index.en.md:23: heading `## Further reading` has no explicit id"),
    "13-duplicate-id": Case("docs/index.zh.md", "{#further-reading}", "{#overview}",
                            "docs/index.zh.md:23: heading id `overview` is already used on line 7"),
    "15-question-with-two-keys": Case("data/questions/drugs/ssris.yml", "      en: Option 2\n", "      en: Option 2\n      correct: true\n",
                                      "data/questions/drugs/ssris.yml:12: question `ssris-one` has a second correct option"),
    "15-question-without-citation": Case("data/questions/drugs/ssris.yml", "    zh: 解析[@wang2019; @lee2021]。\n    en: Explanation [@wang2019; @lee2021].",
                                         "    zh: 解析。\n    en: Explanation.", "data/questions/drugs/ssris.yml:"),
    "14-related-page-missing": Case("docs/drugs/ssris.zh.md", "[mechanisms/monoamine]", "[mechanisms/monoamines]",
                                    "docs/drugs/ssris.zh.md:6: related page `mechanisms/monoamines` does not exist"),
}


@dataclass(frozen=True)
class Result:
    returncode: int
    output: str


def build_copy(site: Path, case: Case | None) -> Result:
    config = copy_mini_site(site)
    if case:
        target = site / case.file
        if case.old == "":
            target.unlink()
        else:
            text = target.read_text(encoding="utf-8")
            assert case.old == "<append>" or case.old in text, f"{case.old!r} not in {case.file}"
            target.write_text(text + case.new if case.old == "<append>" else text.replace(case.old, case.new, 1),
                              encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)],
        cwd=site, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return Result(run.returncode, run.stdout + run.stderr)


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Result]:
    names = ["clean", *CASES]
    base = tmp_path_factory.mktemp("sites")
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        outcomes = pool.map(lambda name: build_copy(base / name, CASES.get(name)), names)
        return dict(zip(names, outcomes))


def test_clean_site_builds_without_warnings(results: dict[str, Result]) -> None:
    clean = results["clean"]
    assert clean.returncode == 0, clean.output
    assert "WARNING" not in clean.output, clean.output
    assert "integrity: checked 8 pages" in clean.output and "— 0 problems" in clean.output, clean.output


@pytest.mark.parametrize("name", CASES)
def test_broken_site_fails_at_the_right_line(results: dict[str, Result], name: str) -> None:
    result = results[name]
    assert result.returncode != 0, result.output
    assert f"WARNING -  {CASES[name].expected}" in result.output, result.output
