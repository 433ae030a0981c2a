"""Unit tests of the integrity check functions in hooks/checks/: each takes text in and returns problems."""

from __future__ import annotations

from checks.bibliography import check_bibliography, parse_bibliography
from checks.citations import check_citations, cited_keys
from checks.frontmatter import check_related
from checks.headings import check_headings, heading_ids
from checks.links import Build, check_links
from checks.markdown_source import Source
from checks.parity import check_counterparts, check_pair
from checks.rendered_citations import check_rendered_citations
from checks.rendered_page import parse_page

BIB_KEYS = {"smith2020", "wang2019", "lee2021"}


def page(body: str, path: str = "docs/x.zh.md", front: str = "") -> Source:
    text = f"---\n{front}---\n{body}" if front else body
    return Source(path, text)


def lines(problems) -> list[tuple[str, int]]:
    return [(problem.path, problem.line) for problem in problems]


# Citations (1, 2)


def test_known_keys_in_valid_brackets_pass():
    source = page("# T\n\n文字[@smith2020]，又见[@wang2019; @lee2021]。\n")
    assert check_citations(source, BIB_KEYS) == []
    assert cited_keys(source) == BIB_KEYS


def test_unknown_key_is_reported_on_its_line():
    problems = check_citations(page("a\n\nb [@nobody2020].\n"), BIB_KEYS)
    assert lines(problems) == [("docs/x.zh.md", 3)]
    assert "`nobody2020` is not in references.bib" in problems[0].what


def test_key_case_mismatch_suggests_the_bib_spelling():
    (problem,) = check_citations(page("[@Smith2020]"), BIB_KEYS)
    assert "`smith2020`" in problem.fix


def test_key_with_colon_or_dot_is_cut_short_even_when_in_bib():
    problems = check_citations(page("[@smith:2020] [@a.b]"), BIB_KEYS | {"smith:2020"})
    whats = [problem.what for problem in problems]
    assert any("reads only `smith`" in what for what in whats)
    assert any("reads only `a`" in what for what in whats)


def test_full_width_separators_are_reported_once_per_bracket():
    for bracket in ("[@smith2020；@lee2021]", "[@smith2020，第3页]", "[见：@smith2020]"):
        problems = check_citations(page(bracket), BIB_KEYS)
        assert len(problems) == 1 and "full-width" in problems[0].what, bracket


def test_prefix_locator_and_glued_text_are_reported():
    whats = {
        bracket: check_citations(page(bracket), BIB_KEYS)[0].what
        for bracket in ("[see @smith2020]", "[见@smith2020]", "[@smith2020, p. 3]", "[@smith2020研究]", "[@ smith2020]")
    }
    assert "prefix `see`" in whats["[see @smith2020]"]
    assert "prefix `见`" in whats["[见@smith2020]"]
    assert "locator `, p. 3`" in whats["[@smith2020, p. 3]"]
    assert "glued to `研究`" in whats["[@smith2020研究]"]
    assert "not followed by a citation key" in whats["[@ smith2020]"]


def test_code_email_url_and_chinese_semicolons_are_not_citations():
    source = page(
        "抑郁症常见；治疗需要时间。\n"
        "`[@nobody]` and `user@example.org` and `@dataclass`\n"
        "```python\n@dataclass\nx = '[@nobody]'\n```\n"
        "[Mastodon](https://mastodon.social/@example) <https://example.org/@team> [a@b.org]\n"
        "[https://example.org/@user](https://example.org/@user)\n"
    )
    assert check_citations(source, BIB_KEYS) == []
    assert cited_keys(source) == set()


# Rendered citations (3)


def test_unrendered_citation_syntax_outside_code_is_reported():
    source = page("# T\n\nText[^missing].\n\n\\bibliography\n", path="docs/x.en.md")
    html = "<p>Text[^missing].</p><p>\\bibliography</p><pre><code>[@key] [^1]</code></pre><p>[@key]</p>"
    problems = check_rendered_citations(parse_page("x/", html), source)
    assert lines(problems) == [("docs/x.en.md", 3), ("docs/x.en.md", 5), ("docs/x.en.md", 1)]


def test_rendered_footnotes_pass():
    html = '<p>Text<sup class="citation">[<a class="footnote-ref" href="#ref-a">1</a>]</sup></p><code>@dataclass</code>'
    assert check_rendered_citations(parse_page("x/", html), page("Text[@a]")) == []


# Bibliography (4)

GOOD_BIB = """@article{smith2020,
  author = {Smith, J},
  title = {A {B} c},
  journal = "J" # {Tests},
  year = 2020,
  doi = {10.1000/jt.2020.001}, volume = {1}, pages = {1--2}, langid = {english}
}

@comment{ignored}

@book{wang2019,
  author = {王小明}, title = {书}, publisher = {出版社}, year = {2019}, isbn = {9787117000000}, langid = {chinese},
}
"""


def test_parser_reads_fields_values_and_lines():
    entries, problems = parse_bibliography(GOOD_BIB, "references.bib")
    assert problems == []
    assert [(entry.key, entry.line) for entry in entries] == [("smith2020", 1), ("wang2019", 11)]
    assert entries[0].fields["journal"] == "JTests"
    assert entries[0].fields["year"] == "2020"
    assert entries[0].field_lines["doi"] == 6
    assert check_bibliography(entries, {"smith2020", "wang2019"}, "references.bib") == []


def test_unparseable_entry_is_reported_and_the_rest_still_read():
    text = "@article{broken,\n  title = {unclosed,\n}\n\n@misc{ok, title = {T}, year = {2020}, url = {https://a.org}}\n"
    entries, problems = parse_bibliography(text, "references.bib")
    assert [entry.key for entry in entries] == ["ok"]
    assert lines(problems) == [("references.bib", 1)]


def test_bibliography_problems_point_at_their_lines():
    text = GOOD_BIB + """
@article{Smith2020,
  author = {S}, title = {T}, year = {2020},
  doi = {10.1000/JT.2020.001}
}
@article{nodoi, author = {A}, title = {T}, journal = {J}, year = {2021}}
@misc{baddoi,
  title = {T}, year = {2020},
  doi = {https://doi.org/10.1/x}
}
@article{unused, author = {A}, title = {T}, journal = {J}, year = {2021}, volume = {1}, pages = {2}, pmid = {1}}
"""
    entries, parse_problems = parse_bibliography(text, "references.bib")
    assert parse_problems == []
    problems = check_bibliography(entries, {"smith2020", "wang2019", "Smith2020", "nodoi", "baddoi"}, "references.bib")
    found = {(problem.line, problem.what.split(" ")[0] + " " + problem.what.split(" ")[1]) for problem in problems}
    assert (15, "key `Smith2020`") in found  # duplicate, ignoring case
    assert (15, "entry `Smith2020`") in found  # lacks journal
    assert (17, "DOI `10.1000/JT.2020.001`") in found  # same DOI as smith2020
    assert (19, "entry `nodoi`") in found  # lacks volume, pages and an identifier
    assert (22, "DOI `https://doi.org/10.1/x`") in found  # malformed
    assert (24, "entry `unused`") in found  # cited by no page
    assert (19, "article `nodoi`") in found  # an article lacks volume, pages and doi or pmid
    assert (15, "entry `Smith2020`") in found  # no langid
    assert len([p for p in problems if "langid" not in p.what and not p.what.startswith("article")]) == 7


# Links (5–9)


def build(language: str = "zh") -> Build:
    return Build(
        language=language,
        language_roots={"zh": "", "en": "en/"},
        files=frozenset({"", "drugs/ssris/", "assets/img/a.svg", "en/", "en/drugs/ssris/", "en/assets/img/a.svg"}),
        page_ids={"": frozenset({"top"}), "drugs/ssris/": frozenset({"mechanism"}),
                  "en/": frozenset({"top"}), "en/drugs/ssris/": frozenset({"mechanism"})},
    )


def link_problems(html: str, source_text: str, url: str = "", language: str = "zh") -> list:
    path = "docs/index.en.md" if language == "en" else "docs/index.zh.md"
    html = f'<nav><a href="drugs/ssris/">nav</a></nav><article class="md-content__inner">{html}</article>'
    return check_links([(parse_page(url, html), Source(path, source_text))], build(language))


def test_good_links_pass():
    html = ('<a href="drugs/ssris/#mechanism">m</a><a href="#top">t</a><img alt="A" src="assets/img/a.svg">'
            '<a href="https://example.org/@me">x</a><a href="mailto:a@b.org">m</a>'
            '<a href="/course/en/" hreflang="en">English</a>')
    assert link_problems(html, "text") == []


def test_missing_page_anchor_and_file_are_reported_on_their_source_lines():
    source = "# T\n\n[gone](drugs/gone.md)\n\n[bad](drugs/ssris.md#nope)\n\n<a href=\"files/x.pdf\">pdf</a>\n"
    html = '<a href="drugs/gone.md">gone</a><a href="drugs/ssris/#nope">bad</a><a href="files/x.pdf">pdf</a>'
    problems = link_problems(html, source)
    assert lines(problems) == [("docs/index.zh.md", 3), ("docs/index.zh.md", 5), ("docs/index.zh.md", 7)]
    assert "`#nope`" in problems[1].what


def test_links_to_the_other_language_are_reported_both_ways():
    zh = link_problems('<a href="en/drugs/ssris/">x</a><a href="drugs/ssris.en.md">y</a>', "[x](en/drugs/ssris/)\n[y](drugs/ssris.en.md)")
    assert [("zh page" in problem.what) for problem in zh] == [True, True]
    en = link_problems('<a href="../drugs/ssris/">x</a>', "\n[x](../drugs/ssris.zh.md)", url="en/", language="en")
    assert lines(en) == [("docs/index.en.md", 2)] and "zh site" in en[0].what


def test_images_need_alt_text_and_an_existing_file():
    source = "![](assets/img/a.svg)\n![A](assets/img/missing.svg)\n"
    problems = link_problems('<img src="assets/img/a.svg"><img alt="A" src="assets/img/missing.svg">', source)
    assert lines(problems) == [("docs/index.zh.md", 1), ("docs/index.zh.md", 2)]
    assert "alt text" in problems[0].what and "does not exist" in problems[1].what


def test_external_links_must_be_https_with_a_host():
    source = "[a](http://example.org)\n[b](https://localhost)\n[c](ftp://x.org)\n[d](/absolute/)\n"
    html = ('<a href="http://example.org">a</a><a href="https://localhost">b</a><a href="ftp://x.org">c</a>'
            '<a href="/absolute/">d</a>')
    assert lines(link_problems(html, source)) == [("docs/index.zh.md", line) for line in (1, 2, 3, 4)]


def test_navigation_links_are_checked_once():
    html = '<nav><a href="drugs/gone/">x</a></nav><article class="md-content__inner"></article>'
    pages = [(parse_page(url, html), Source(f"docs/{name}.zh.md", "")) for url, name in (("", "index"), ("", "other"))]
    assert lines(check_links(pages, build())) == [("docs/index.zh.md", 1)]


def test_parse_page_reads_ids_links_and_prose():
    rendered = parse_page("x/", '<h2 id="a">A</h2><a name="b"></a><p>p</p><code>c</code>'
                                '<article class="md-content__inner"><a href="y">t <em>e</em></a></article>')
    assert rendered.ids == {"a", "b"}
    assert [(link.url, link.text, link.in_content) for link in rendered.links] == [("y", "t e", True)]
    assert "c" not in rendered.prose.split("\n") and "p" in rendered.prose.split("\n")


# Headings (13)


def test_headings_need_unique_ascii_ids():
    source = page("# Title\n\n## 概述 {#overview}\n\n### 无 id\n\n#### 大写 {#Bad_Id}\n\n## 重复 {#overview}\n"
                  "```\n## not a heading\n```\n")
    problems = check_headings(source)
    assert lines(problems) == [("docs/x.zh.md", 5), ("docs/x.zh.md", 7), ("docs/x.zh.md", 9)]
    assert heading_ids(source) == [(3, "overview"), (7, "Bad_Id"), (9, "overview")]


def test_heading_attribute_lists_with_classes_pass():
    assert check_headings(page("## A {#a .wide}\n## B {: #b }\n")) == []


# Front matter (14)


def test_related_pages_must_exist_in_both_languages():
    existing = {"docs/drugs/ssris.zh.md", "docs/drugs/ssris.en.md", "docs/targets/bdnf.zh.md"}
    source = page("# T\n", front="title: T\nrelated:\n  drugs: [drugs/ssris]\n  targets: [targets/bdnf]\n")
    problems = check_related(source, existing)
    assert lines(problems) == [("docs/x.zh.md", 5)] and "docs/targets/bdnf.en.md" in problems[0].what


def test_related_must_be_a_mapping_of_page_lists():
    assert lines(check_related(page("# T\n", front="related: [drugs/ssris]\n"), set())) == [("docs/x.zh.md", 2)]
    assert lines(check_related(page("# T\n", front="related:\n  drugs: drugs/ssris\n"), set())) == [("docs/x.zh.md", 3)]


# Parity (10–12)


def test_page_without_counterpart():
    problems = check_counterparts({"docs/a.zh.md", "docs/a.en.md", "docs/b.en.md"})
    assert lines(problems) == [("docs/b.en.md", 1)] and "docs/b.zh.md" in problems[0].what


def test_pair_with_same_ids_citations_and_shared_meta_passes():
    front = "evidence: A\nkey_refs: [a]\n"
    zh = page("## 甲 {#a}\n[@a]\n## 乙 {#b}\n", front=front + "title: 中\n")
    en = page("## A {#a}\n[@a]\n## B {#b}\n", path="docs/x.en.md", front=front + "title: En\n")
    assert check_pair(zh, en) == []


def test_pair_differences_are_reported_where_they_are():
    zh = page("## 甲 {#a}\n## 乙 {#b}\n[@a]\n", front="evidence: A\n")
    en = page("## A {#a}\n## C {#c}\n[@b]\n", path="docs/x.en.md", front="evidence: B\n")
    problems = check_pair(zh, en)
    assert sorted(lines(problems)) == sorted([
        ("docs/x.zh.md", 5), ("docs/x.en.md", 5),  # heading ids b / c
        ("docs/x.zh.md", 6), ("docs/x.en.md", 6),  # citations a / b
        ("docs/x.en.md", 2),  # evidence
    ])


def test_shared_meta_may_translate_names_but_nothing_else():
    zh = page("", front="evidence:\n  stage: approved\n  approvals: [{agent: 氯胺酮, year: 2019}]\n")
    en = page("", path="docs/x.en.md", front="evidence:\n  stage: approved\n  approvals: [{agent: ketamine, year: 2019}]\n")
    assert check_pair(zh, en) == []
    later = Source(en.path, en.text.replace("2019", "2020"))
    assert lines(check_pair(zh, later)) == [("docs/x.en.md", 2)]


def test_pair_with_reordered_ids():
    zh = page("## 甲 {#a}\n## 乙 {#b}\n")
    en = page("## B {#b}\n## A {#a}\n", path="docs/x.en.md")
    (problem,) = check_pair(zh, en)
    assert (problem.path, problem.line) == ("docs/x.en.md", 1) and "order" in problem.fix
