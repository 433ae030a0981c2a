"""Editions: a cited address never dies (pure check and failing builds), change records, citation formats, and the
archival metadata (CITATION.cff, .zenodo.json) agreeing with the site."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest
import yaml
from pybtex.database import parse_string

from checks.editions import (Change, check_changes, check_edition, dump_snapshot, parse_changes, parse_snapshot,
                             redirect_urls, url_of)
from conftest import REPO, copy_mini_site
from course.changes import changelog_markdown, page_note
from course.citation_text import ACCESS_PLACEHOLDERS, Citable, Edition, bibtex_key, edition_url, long_date, read_edition
from course.sources import read_sources

sys.path.insert(0, str(REPO / "scripts"))
from editions import published_pages, unversioned_redirects  # noqa: E402

SNAPSHOT = "data/editions/1.0.yml"
PUBLISHED = {"/": ["overview", "further-reading"], "/en/": ["overview", "further-reading"],
             "/drugs/old/": ["mechanism", "safety"], "/en/drugs/old/": ["mechanism", "safety"]}


def snapshot(pages: dict[str, list[str]] = PUBLISHED):
    snap, problems = parse_snapshot(dump_snapshot("1.0", "1.0.0", "2026-11-29", "abc123", False, pages), SNAPSHOT)
    assert snap is not None and problems == []
    return snap


def line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1) if needle in line)


# --- the pure check -----------------------------------------------------------------------------------------------

def test_snapshot_round_trip_keeps_a_line_per_page_and_id() -> None:
    text = dump_snapshot("1.0", "1.0.0", "2026-11-29", "abc123", True, PUBLISHED)
    snap, _ = parse_snapshot(text, SNAPSHOT)
    assert (snap.edition, snap.version, snap.released, snap.commit, snap.unversioned) == \
        ("1.0", "1.0.0", "2026-11-29", "abc123", True)
    page = next(p for p in snap.pages if p.url == "/en/drugs/old/")
    assert page.line == line_of(text, '"/en/drugs/old/"')
    assert [section for section, _ in page.ids] == ["mechanism", "safety"]
    assert all(text.splitlines()[line - 1].strip() == f"- {section}" for section, line in page.ids)


def test_unchanged_build_passes() -> None:
    current = {url: frozenset(ids) for url, ids in PUBLISHED.items()}
    assert check_edition(snapshot(), current, {}) == []


def test_renamed_page_without_redirect_fails_at_its_line() -> None:
    current = {"/": frozenset(PUBLISHED["/"]), "/en/": frozenset(PUBLISHED["/en/"]),
               "/drugs/new/": frozenset(["mechanism", "safety"]), "/en/drugs/new/": frozenset(["mechanism", "safety"])}
    snap = snapshot()
    problems = check_edition(snap, current, {})
    assert {(p.path, p.line) for p in problems} == {(SNAPSHOT, page.line) for page in snap.pages if "old" in page.url}
    assert "`/en/drugs/old/` of edition 1.0 is gone" in str(problems[0]) + str(problems[1])
    assert '"drugs/old.md": "<new page>.md"' in problems[0].fix


def test_renamed_page_with_redirect_passes_in_both_languages() -> None:
    current = {"/": frozenset(PUBLISHED["/"]), "/en/": frozenset(PUBLISHED["/en/"]),
               "/drugs/new/": frozenset(["mechanism", "safety"]), "/en/drugs/new/": frozenset(["mechanism", "safety"])}
    redirects = redirect_urls({"drugs/old.md": "drugs/new.md"}, ["", "en/"])
    assert redirects == {"/drugs/old/": "/drugs/new/", "/en/drugs/old/": "/en/drugs/new/"}
    assert check_edition(snapshot(), current, redirects) == []


def test_redirect_to_a_page_without_the_old_sections_fails() -> None:
    current = {**{url: frozenset(PUBLISHED[url]) for url in ("/", "/en/")},
               "/drugs/new/": frozenset(["mechanism"]), "/en/drugs/new/": frozenset(["mechanism"])}
    problems = check_edition(snapshot(), current, redirect_urls({"drugs/old.md": "drugs/new.md"}, ["", "en/"]))
    assert len(problems) == 2 and all("has no id `safety`" in p.what for p in problems)
    assert all("where `/drugs/old/` now redirects" in p.what or "/en/drugs/old/" in p.what for p in problems)


def test_redirect_to_a_missing_page_fails() -> None:
    current = {url: frozenset(ids) for url, ids in PUBLISHED.items() if "old" not in url}
    problems = check_edition(snapshot(), current, redirect_urls({"drugs/old.md": "drugs/gone.md"}, ["", "en/"]))
    assert len(problems) == 2 and all("which this build does not have" in p.what for p in problems)


def test_removed_id_fails_at_the_ids_line() -> None:
    current = {url: frozenset(ids) - {"further-reading"} for url, ids in PUBLISHED.items()}
    snap = snapshot()
    problems = check_edition(snap, current, {})
    expected = {line for page in snap.pages for section, line in page.ids if section == "further-reading"}
    assert {p.line for p in problems} == expected and len(problems) == 2
    assert "id_aliases: {further-reading: <new-id>}" in problems[0].fix


def test_id_alias_passes() -> None:
    # The alias is an element carrying the old id next to the renamed heading (hooks/editions.py renders it).
    current = {url: frozenset(ids) - {"further-reading"} | {"reading", "further-reading"}
               for url, ids in PUBLISHED.items()}
    assert check_edition(snapshot(), current, {}) == []


def test_external_redirect_and_redirect_with_a_fragment_need_no_ids() -> None:
    current = {url: frozenset(PUBLISHED[url]) for url in ("/", "/en/")} | {"/drugs/": frozenset(), "/en/drugs/": frozenset()}
    redirects = {"/drugs/old/": "https://example.org/old", **redirect_urls({"drugs/old.md": "drugs/index.md#x"}, ["en/"])}
    assert redirects["/en/drugs/old/"] == "/en/drugs/#x"
    assert check_edition(snapshot(), current, redirects) == []


@pytest.mark.parametrize(("md", "prefix", "url"), [("index.md", "", "/"), ("index.md", "en/", "/en/"),
                                                    ("targets/index.md", "", "/targets/"),
                                                    ("targets/x.md", "en/", "/en/targets/x/")])
def test_redirect_map_paths_become_addresses(md: str, prefix: str, url: str) -> None:
    assert url_of(md, prefix) == url


def test_the_recorded_first_edition_covers_both_languages() -> None:
    snap, problems = parse_snapshot((REPO / SNAPSHOT).read_text(encoding="utf-8"), SNAPSHOT)
    assert problems == [] and snap.edition == "1.0" and snap.unversioned and re.fullmatch(r"[0-9a-f]{40}", snap.commit)
    urls = {page.url for page in snap.pages}
    assert {"/", "/en/", "/targets/glutamate-nmda/", "/en/targets/glutamate-nmda/"} <= urls
    assert len([u for u in urls if u.startswith("/en/")]) * 2 == len(urls)
    ids = dict((page.url, {s for s, _ in page.ids}) for page in snap.pages)
    assert "esketamine" in ids["/en/targets/glutamate-nmda/"]


def test_published_pages_reads_headings_and_aliases_and_skips_redirects(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h1>T</h1><span id="old" class="id-alias"></span>'
                                               '<h2 id="new">N</h2><h3 class="x" id="sub">S</h3><p id="no"></p>')
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "index.html").write_text('<meta http-equiv="refresh" content="0; url=../a/">')
    assert published_pages(tmp_path) == {"/a/": ["old", "new", "sub"]}


def test_unversioned_addresses_lead_to_their_edition_keeping_the_section() -> None:
    snap, _ = parse_snapshot(dump_snapshot("1.0", "1.0.0", "2026-11-29", None, True, PUBLISHED), SNAPSHOT)
    stubs = unversioned_redirects([snap, snapshot()])  # the second edition was published with its number
    assert set(stubs) == {"en/index.html", "drugs/old/index.html", "en/drugs/old/index.html"}
    assert 'location.replace("../../../1.0/en/drugs/old/" + location.search + location.hash)' in stubs["en/drugs/old/index.html"]
    assert '"../latest/en/"' in stubs["en/index.html"]


# --- failing builds: the check wired into a real build ------------------------------------------------------------

MINI_PAGES = {"/": ["overview", "further-reading"], "/en/": ["overview", "further-reading"],
              "/mechanisms/monoamine/": ["hypothesis"], "/en/mechanisms/monoamine/": ["hypothesis"],
              "/drugs/ssris/": ["mechanism", "safety"], "/en/drugs/ssris/": ["mechanism", "safety"]}
RENAME = [("docs/drugs/ssris.zh.md", "mechanisms/monoamine", "mechanisms/monoamines"),
          ("docs/drugs/ssris.en.md", "mechanisms/monoamine", "mechanisms/monoamines")]
ALIAS = [(f"docs/index.{lang}.md", "\ntitle:", "\nid_aliases: {further-reading: reading}\ntitle:") for lang in ("zh", "en")]
RENAME_ID = [(f"docs/index.{lang}.md", "{#further-reading}", "{#reading}") for lang in ("zh", "en")]
BUILD_CASES = {  # name: (edits, redirect_maps, whether mechanisms/monoamine becomes mechanisms/monoamines)
    "clean": ([], {}, False),
    "renamed-without-redirect": (RENAME, {}, True),
    "renamed-with-redirect": (RENAME, {"mechanisms/monoamine.md": "mechanisms/monoamines.md"}, True),
    "removed-id": (RENAME_ID, {}, False),
    "alias": (RENAME_ID + ALIAS, {}, False),
}


def build_mini(site: Path, edits: list[tuple[str, str, str]], redirects: dict[str, str], rename: bool) -> tuple[int, str]:
    config = copy_mini_site(site)
    text = config.read_text(encoding="utf-8")
    text = text.replace("hooks:\n", f"hooks:\n  - {REPO}/hooks/editions.py\n", 1)
    text = text.replace("plugins:\n", f"plugins:\n  - redirects:\n      redirect_maps: {json.dumps(redirects)}\n", 1)
    config.write_text(text, encoding="utf-8")
    (site / "CITATION.cff").write_text('title: "迷你课程 · Mini course"\nauthors: [{name: Team, alias: 课程组}]\n'
                                       'version: "1.1.0"\ndate-released: "2026-12-02"\n', encoding="utf-8")
    (site / "data" / "editions").mkdir(parents=True)
    (site / SNAPSHOT).write_text(dump_snapshot("1.0", "1.0.0", "2026-11-29", None, False, MINI_PAGES), encoding="utf-8")
    for path, old, new in edits:
        file = site / path
        assert old in file.read_text(encoding="utf-8"), (path, old)
        file.write_text(file.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    if rename:
        for lang in ("zh", "en"):
            (site / f"docs/mechanisms/monoamine.{lang}.md").rename(site / f"docs/mechanisms/monoamines.{lang}.md")
        questions = site / "data/questions/mechanisms/monoamine.yml"
        if questions.exists():  # the page's question bank follows it
            questions.rename(questions.with_name("monoamines.yml"))
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)], cwd=site,
                         capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return run.returncode, run.stdout + run.stderr


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[int, str, Path]]:
    base = tmp_path_factory.mktemp("editions")
    with ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = pool.map(lambda name: build_mini(base / name, *BUILD_CASES[name]), BUILD_CASES)
        return {name: (*outcome, base / name / "site") for name, outcome in zip(BUILD_CASES, outcomes)}


def snapshot_line(needle: str, after: str = "") -> int:
    lines = dump_snapshot("1.0", "1.0.0", "2026-11-29", None, False, MINI_PAGES).splitlines()
    start = next(i for i, line in enumerate(lines) if after in line) if after else 0
    return next(i for i, line in enumerate(lines[start:], start + 1) if needle in line)


def test_mini_build_passes_unchanged(builds) -> None:
    code, output, _ = builds["clean"]
    assert code == 0, output[-3000:]


def test_mini_build_fails_on_a_renamed_page_without_redirect(builds) -> None:
    code, output, _ = builds["renamed-without-redirect"]
    assert code != 0
    for url in ("/mechanisms/monoamine/", "/en/mechanisms/monoamine/"):
        line = snapshot_line(f'"{url}"')
        assert f"{SNAPSHOT}:{line}: `{url}` of edition 1.0 is gone from this build" in output


def test_mini_build_passes_a_renamed_page_with_redirect(builds) -> None:
    code, output, site = builds["renamed-with-redirect"]
    assert code == 0, output[-3000:]
    for old, new in (("mechanisms/monoamine", "../monoamines/"), ("en/mechanisms/monoamine", "../monoamines/")):
        assert f'location.href="{new}"' in (site / old / "index.html").read_text(encoding="utf-8")


def test_mini_build_fails_on_a_removed_id(builds) -> None:
    code, output, _ = builds["removed-id"]
    assert code != 0
    line = snapshot_line("further-reading", after='"/en/"')
    assert f"{SNAPSHOT}:{line}: `/en/#further-reading` (edition 1.0)" in output


def test_mini_build_passes_a_removed_id_with_an_alias(builds) -> None:
    code, output, site = builds["alias"]
    assert code == 0, output[-3000:]
    html = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert '<span id="further-reading" class="id-alias"></span><h2 id="reading">' in html


# --- change records -----------------------------------------------------------------------------------------------

CHANGES = """changes:
  - edition: "1.0"
    page: index
    kind: new-content
    why: {zh: 首次发布。, en: First edition.}
  - edition: "1.1"
    page: drugs/ssris
    ids: [safety]
    kind: correction
    why: {zh: 更正了安全性。, en: Safety corrected.}
  - edition: "1.1"
    page: "*/*"
    kind: new-content
    why: {zh: 新增题库。, en: Question bank added.}
"""
PAGE_IDS = {"index": {"zh": frozenset({"overview"}), "en": frozenset({"overview"})},
            "drugs/ssris": {"zh": frozenset({"safety"}), "en": frozenset({"safety"})}}


def test_change_records_parse_and_check() -> None:
    changes, problems = parse_changes(CHANGES, "data/changes.yml")
    assert problems == [] and [c.line for c in changes] == [2, 6, 11]
    assert check_changes(changes, "data/changes.yml", {"1.0", "1.1"}, PAGE_IDS) == []


@pytest.mark.parametrize(("old", "new", "what"), [
    ("ids: [safety]", "ids: [dosing]", "`drugs/ssris` has no section `dosing` (zh, en)"),
    ("page: drugs/ssris", "page: drugs/snris", "page `drugs/snris` matches no page"),
    ('page: "*/*"\n', 'page: "*/*"\n    ids: [safety]\n', "`ids` given for the pattern `*/*`"),
    ('edition: "1.1"\n    page: drugs', 'edition: "2.0"\n    page: drugs', "edition `2.0` is neither published"),
])
def test_change_records_naming_what_does_not_exist_fail(old: str, new: str, what: str) -> None:
    changes, problems = parse_changes(CHANGES.replace(old, new, 1), "data/changes.yml")
    found = problems + check_changes(changes, "data/changes.yml", {"1.0", "1.1"}, PAGE_IDS)
    assert len(found) == 1 and what in found[0].what and found[0].path == "data/changes.yml"


@pytest.mark.parametrize(("old", "new", "what"), [
    ("kind: correction", "kind: typo", "unknown kind `typo`"),
    ("en: Safety corrected.", "en: ''", "change record without why.en"),
])
def test_malformed_change_records_fail_at_their_line(old: str, new: str, what: str) -> None:
    _, problems = parse_changes(CHANGES.replace(old, new), "data/changes.yml")
    assert [(p.line, what in p.what) for p in problems] == [(6, True)]


def test_changelog_and_page_note_come_from_the_same_records() -> None:
    changes, _ = parse_changes(CHANGES, "data/changes.yml")
    sources = {key: source for key, source in read_sources(REPO / "docs").items() if key[0] in ("index", "drugs/ssris")}
    zh = changelog_markdown(changes, "zh", sources, {"1.0": "2026-11-29", "1.1": None})
    assert zh.index("## 1.1 版 {#edition-1-1}") < zh.index("## 1.0 版 {#edition-1-0}")
    assert "(drugs/ssris.md#safety)" in zh and "更正了安全性。" in zh and "尚未发布" in zh and "所有内容页" in zh
    note = page_note(changes, "drugs/ssris", "en", "1.1", {"safety": "Safety"}, "../../changelog/")
    assert '<a href="#safety">Safety</a>' in note and "Safety corrected." in note and "Question bank added." in note
    assert 'href="../../changelog/#edition-1-1"' in note
    assert page_note(changes, "drugs/ssris", "en", "1.0", {}, "x") == ""
    assert "Question bank" not in page_note(changes, "index", "en", "1.1", {}, "x")


def test_the_repository_change_records_are_valid_and_cover_this_edition() -> None:
    changes, problems = parse_changes((REPO / "data/changes.yml").read_text(encoding="utf-8"), "data/changes.yml")
    assert problems == []
    assert {c.edition for c in changes} >= {"1.0", read_edition(REPO / "CITATION.cff").name}


# --- citation formats ---------------------------------------------------------------------------------------------

EDITION = Edition("1.1.0", "2026-11-29", {"zh": "抗抑郁药物作用机制与新型靶点", "en": "Antidepressant Mechanisms and Novel Targets"},
                  {"zh": "抗抑郁药物课程组", "en": "Antidepressant Course Team"})
URL = "https://antidepressant-course.github.io/course/1.1/en/targets/glutamate-nmda/#esketamine"
READ = date(2026, 12, 3)


def citable(lang: str = "en") -> Citable:
    url = URL if lang == "en" else URL.replace("/en/", "/")
    return Citable("Glutamate and the NMDA receptor: Esketamine trials", url, lang,
                   bibtex_key(EDITION, "en/targets/glutamate-nmda/" if lang == "en" else "targets/glutamate-nmda/",
                              "esketamine"))


def test_edition_url_is_the_same_in_a_plain_build_and_under_mike() -> None:
    plain = edition_url("https://antidepressant-course.github.io/course/", EDITION, "en/targets/glutamate-nmda/")
    mike = edition_url("https://antidepressant-course.github.io/course/1.1", EDITION, "en/targets/glutamate-nmda/", "1.1")
    assert plain == mike == URL.split("#")[0]


def test_gbt7714_is_an_online_resource_with_update_and_access_dates() -> None:
    zh, en = citable("zh"), citable("en")
    assert zh.gbt7714(EDITION) == ("抗抑郁药物课程组. Glutamate and the NMDA receptor: Esketamine trials[EB/OL]//抗抑郁药物课程组. "
                                   "抗抑郁药物作用机制与新型靶点. 1.1.0版. (2026-11-29)[引用日期：访问时填写 YYYY-MM-DD]. "
                                   "https://antidepressant-course.github.io/course/1.1/targets/glutamate-nmda/#esketamine.")
    assert en.gbt7714(EDITION, READ).endswith(f"Version 1.1.0. (2026-11-29)[2026-12-03]. {URL}.")


def test_apa_has_the_full_date_in_each_languages_style() -> None:
    assert long_date("2026-11-29", "en") == "(2026, November 29)" and long_date("2026-12-03", "zh") == "（2026年12月3日）"
    assert citable("en").apa(EDITION) == ("Antidepressant Course Team. (2026, November 29). Glutamate and the NMDA receptor: "
                                          f"Esketamine trials (Version 1.1.0). Antidepressant Mechanisms and Novel Targets. {URL}")
    assert citable("zh").apa(EDITION).startswith("抗抑郁药物课程组.（2026年11月29日）. ")


def test_biblatex_entry_is_online_with_urldate_and_parses() -> None:
    entry = parse_string(citable().biblatex(EDITION, READ), "bibtex").entries["adcourse-1.1-en-targets-glutamate-nmda-esketamine"]
    assert entry.type == "online"
    assert {k: entry.fields[k] for k in ("url", "urldate", "version", "date", "langid")} == \
        {"url": URL, "urldate": "2026-12-03", "version": "1.1.0", "date": "2026-11-29", "langid": "english"}
    assert entry.persons["author"][0].last_names == ["{Antidepressant Course Team}"]  # one institution, not a person


def test_classic_bibtex_entry_is_misc_with_howpublished_and_note_and_parses() -> None:
    entry = next(iter(parse_string(citable().bibtex(EDITION, READ), "bibtex").entries.values()))
    assert entry.type == "misc" and entry.fields["howpublished"] == f"\\url{{{URL}}}" and entry.fields["year"] == "2026"
    assert entry.fields["note"] == "Antidepressant Mechanisms and Novel Targets, version 1.1.0, 2026-11-29. Accessed 2026-12-03"


def test_bibtex_escapes_what_latex_would_read_as_commands() -> None:
    entry = Citable("A & B: 50% of #1_x", URL, "en", "k").bibtex(EDITION)
    assert "title = {A \\& B: 50\\% of \\#1\\_x}" in entry and parse_string(entry, "bibtex").entries["k"]


def test_ris_lines_have_the_tag_format_and_every_field() -> None:
    lines = citable().ris(EDITION, READ).split("\n")
    assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - .*", line) for line in lines)
    assert lines[0] == "TY  - ELEC" and lines[-1] == "ER  - "
    fields = dict(line.split("  - ", 1) for line in lines)
    assert fields == {"TY": "ELEC", "AU": "Antidepressant Course Team", "TI": "Glutamate and the NMDA receptor: Esketamine trials",
                      "T2": "Antidepressant Mechanisms and Novel Targets", "PY": "2026", "DA": "2026/11/29", "UR": URL,
                      "Y2": "2026/12/03", "ET": "1.1.0", "LA": "en", "ER": ""}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_filling_the_placeholders_as_course_js_does_gives_the_dated_texts(lang: str) -> None:
    """course.js replaces each placeholder, in ACCESS_PLACEHOLDERS' order, by today's bracket, ISO and RIS dates."""
    today = {"bracket": "[2026-12-03]", "iso": "2026-12-03", "ris": "2026/12/03"}
    for name, text in citable(lang).formats(EDITION).items():
        for slot, placeholder in ACCESS_PLACEHOLDERS[lang].items():
            text = text.replace(placeholder, today[slot])
        assert text == citable(lang).formats(EDITION, READ)[name], name
    js = (REPO / "docs/assets/js/course.js").read_text(encoding="utf-8")
    assert "bracket: `[${iso}]`" in js and 'ris: iso.replaceAll("-", "/")' in js


# --- archival metadata --------------------------------------------------------------------------------------------

CFF = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
ZENODO = json.loads((REPO / ".zenodo.json").read_text(encoding="utf-8"))


def test_zenodo_metadata_agrees_with_citation_cff() -> None:
    assert ZENODO["title"] == CFF["title"] and ZENODO["version"] == CFF["version"]
    assert ZENODO["publication_date"] == str(CFF["date-released"])
    assert [c["name"] for c in ZENODO["creators"]] == [a["name"] for a in CFF["authors"]]
    assert ZENODO["license"] == CFF["license"].lower() and ZENODO["keywords"] == CFF["keywords"]
    edition = read_edition(REPO / "CITATION.cff")
    assert {"identifier": f"{CFF['url']}{edition.name}/", "relation": "isIdenticalTo", "scheme": "url"} \
        in ZENODO["related_identifiers"]
    assert {"identifier": CFF["repository-code"], "relation": "isSupplementedBy", "scheme": "url"} \
        in ZENODO["related_identifiers"]


def test_citation_cff_agrees_with_the_site() -> None:
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    english = next(lang for lang in config["plugins"][1]["i18n"]["languages"] if lang["locale"] == "en")
    edition = read_edition(REPO / "CITATION.cff")
    assert CFF["title"] == f"{config['site_name']} · {english['site_name']}"
    assert edition.title == {"zh": config["site_name"], "en": english["site_name"]}
    assert CFF["url"] == "https://antidepressant-course.github.io/course/"
    assert re.fullmatch(r"\d+\.\d+\.\d+", CFF["version"]) and edition.name == CFF["version"].rsplit(".", 1)[0]
    assert edition.author == {"zh": CFF["authors"][0]["alias"], "en": CFF["authors"][0]["name"]}


# --- on the built site (the session's strict build) ----------------------------------------------------------------

def test_built_citations_point_at_this_edition_and_the_changelog_lists_it(site: Path) -> None:
    edition = read_edition(REPO / "CITATION.cff")
    html = (site / "en" / "targets" / "glutamate-nmda" / "index.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'id="section-citations">(.*?)</script>', html, re.S).group(1))
    assert f"{CFF['url']}{edition.name}/en/targets/glutamate-nmda/#esketamine" in data["sections"]["esketamine"]["ris"]
    assert set(data["formats"]) == {"gbt7714", "apa", "biblatex", "bibtex", "ris"}
    assert '"version": null' in html or '"version":null' in html  # no mike: no selector asking for versions.json
    for lang, heading in (("zh", f"{edition.name} 版"), ("en", f"Edition {edition.name}")):
        changelog = (site / ("en" if lang == "en" else "") / "changelog" / "index.html").read_text(encoding="utf-8")
        assert f'id="edition-{edition.name.replace(".", "-")}">{heading}' in changelog
