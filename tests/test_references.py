"""Unit tests of the reference renderer (hooks/course/references.py), its exports and the reference-list checks."""

from __future__ import annotations

from checks.markdown_source import Source
from checks.rendered_page import parse_page
from checks.rendered_references import check_exports, check_reference_lists
from course.reference_exports import ris_record, to_bibtex, to_ris
from course.references import (as_published, backlink_labels, cited_in_order, mark_citations, parse_rendering)
from shared.bibtex import names, read_entries, split_names

BIB = """@article{zarate2006randomized,
  author = {Zarate, Jr., Carlos A. and Singh, Jaskaran B. and Carlson, Paul J. and Brutsche, Nancy E.},
  title = {A randomized trial},
  journal = {Archives of General Psychiatry},
  year = {2006}, volume = {63}, number = {8}, pages = {856--864},
  doi = {10.1001/archpsyc.63.8.856}, langid = {english}
}
@misc{who2025depression,
  author = {{World Health Organization}},
  title = {Depressive disorder (depression)}, year = {2025},
  url = {https://www.who.int/news-room/fact-sheets/detail/depression}, langid = {english}
}
"""
ENTRIES = {entry.key: entry for entry in read_entries(BIB)[0]}


def test_citations_are_numbered_by_first_use_outside_code():
    markdown = "A[@b; @a].\n\n```text\n[@z]\n```\n\nB[@a]. C[@c]."
    citations = cited_in_order(markdown)
    assert citations.order == ("b", "a", "c") and citations.count == {"b": 1, "a": 2, "c": 1}
    marked = mark_citations(markdown, citations, lambda keys: "<" + ",".join(f"{k}{n}" for k, n in keys) + ">")
    assert marked == "A<b1,a1>.\n\n```text\n[@z]\n```\n\nB<a2>. C<c1>."


def test_backlink_labels_run_a_to_z_then_aa():
    assert backlink_labels(3) == ["a", "b", "c"] and backlink_labels(28)[-2:] == ["aa", "ab"]


def test_pandoc_rendering_is_read_without_nocase_spans():
    html = ('<div id="refs"><div id="ref-x" class="csl-entry"><div class="csl-left-margin">[1] </div>'
            '<div class="csl-right-inline"><span class="nocase">ZARATE C A Jr., SINGH J B 等</span>. Title[J]. '
            '<a href="https://doi.org/10.1/x">10.1/x</a>.</div></div></div>')
    assert parse_rendering(html) == {"x": 'ZARATE C A Jr., SINGH J B 等. Title[J]. <a href="https://doi.org/10.1/x">10.1/x</a>.'}


def test_terms_follow_the_entry_language_and_institutions_keep_their_case():
    rendered = "ZARATE C A Jr., SINGH J B, CARLSON P J, 等. A randomized trial[J]. 2 版."
    assert as_published(rendered, "en", []) == "ZARATE C A Jr., SINGH J B, CARLSON P J, et al. A randomized trial[J]. 2nd ed."
    assert as_published(rendered, "zh", []) == rendered
    assert as_published("WORLD HEALTH ORGANIZATION. Depression[Z/OL].", "en", ["World Health Organization"]) == \
        "World Health Organization. Depression[Z/OL]."


def test_names_split_outside_braces():
    assert split_names("{U.S. Food and Drug Administration}") == ["{U.S. Food and Drug Administration}"]
    assert names("Zarate, Jr., Carlos A. and Jane Smith and others") == ["Zarate, Jr., Carlos A.", "Smith, Jane"]


def test_ris_record_of_an_article():
    tags = dict(ris_record(ENTRIES["zarate2006randomized"]))
    assert tags["TY"] == "JOUR" and tags["JO"] == "Archives of General Psychiatry"
    assert (tags["VL"], tags["IS"], tags["SP"], tags["EP"], tags["PY"]) == ("63", "8", "856", "864", "2006")
    assert tags["DO"] == "10.1001/archpsyc.63.8.856" and tags["LA"] == "English"
    assert to_ris([ENTRIES["who2025depression"]]).endswith("ER  - \n")


def test_bibtex_export_is_the_entry_as_written():
    exported = to_bibtex([ENTRIES["who2025depression"]])
    assert exported.startswith("@misc{who2025depression,") and [e.key for e in read_entries(exported)[0]] == ["who2025depression"]


PAGE = """<article class="md-content__inner"><p>Text<sup class="citation">[<a class="footnote-ref" id="cite-a-1"
href="#ref-a">1</a>]</sup></p><p class="reference-downloads"><a href="a.bib">BibTeX</a><a href="a.ris">RIS</a></p>
<ol class="references"><li id="ref-a" lang="en"><p>{entry}</p>{back}</li></ol></article>"""
GOOD_ENTRY = "SMITH J, DOE J, ROE R, et al. Title[J]. Journal, 2020, 1: 1-2."
ONE_BACK = '<a class="ref-back" href="#cite-a-1">↩</a>'
SOURCE = Source("docs/x.en.md", "# X\n\nText[@a].\n")


def problems_for(entry: str = GOOD_ENTRY, back: str = ONE_BACK, lang: str = "en"):
    page = parse_page("x/", PAGE.format(entry=entry, back=back).replace('lang="en"', f'lang="{lang}"'))
    return check_reference_lists(page, SOURCE, {"a": 7}, "references.bib")


def test_a_clean_reference_list_passes():
    assert problems_for() == []


def test_leaks_wrong_terms_apparatus_and_extra_backlinks_fail_at_the_bib_line():
    cases = {
        "pandoc attribute markup": "[SMITH J 等]{.nocase} Title[J].",
        "a TeX command": "LÓPEZ-MU TEXTASCIITILDE NOZ F. Title[J].",
        "TeX math": "Interleukin 1$\\beta$[J].",
        "`--` instead of a dash": "GBD 1990--2019[J].",
        "a term of the other language": "BERMAN R M, CAPPIELLO A, ANAND A, 等. Title[J].",
        "site's own markup": 'DALY <abbr title="伤残调整生命年">DALY</abbr>[J].',
    }
    for what, entry in cases.items():
        found = problems_for(entry)
        assert any(what in problem.what for problem in found), (what, found)
    assert problems_for(lang="zh-Hans")[0].what.endswith("a term of the other language")
    assert problems_for(back=ONE_BACK + ONE_BACK)[0].what == "entry `a` has 2 back-link groups"
    assert problems_for("X[J]. 1$2$.")[0].line == 7 and problems_for("X[J]. 1$2$.")[0].path == "references.bib"


def test_exports_must_hold_the_page_list():
    page = parse_page("x/", PAGE.format(entry=GOOD_ENTRY, back=ONE_BACK))
    bib = "@article{a, title = {T}}\n"
    assert check_exports(page, SOURCE, {"a.bib": bib, "a.ris": "TY  - JOUR\nID  - a\nER  - \n"}) == []
    found = check_exports(page, SOURCE, {"a.bib": "", "a.ris": "TY  - JOUR\nID  - b\nER  - \n"})
    assert [problem.what.split("`")[1] for problem in found] == ["a.bib", "a.ris"]
