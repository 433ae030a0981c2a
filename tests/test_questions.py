"""The question bank: its loader, its check (one failing example per rule), its exports, and the built site —
every content page shows its questions in both languages, and every Moodle XML and GIFT export carries the
questions of the data files."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from lxml import html as lxml_html

from checks.markdown_source import Source
from checks.questions import check_questions
from conftest import REPO, built_path
from course.questions import (BANK, EXPORTS_DIR, STRINGS, Category, author_year_labels, export_name, gift, html_text,
                              moodle_xml, plain_citations)
from course.sources import content_pages, read_sources
from shared.question_bank import LETTERS, QuestionFile, load_bank, parse_questions

LANGS = ("zh", "en")
PATH = "data/questions/drugs/ssris.yml"
PAGE_SOURCES = {
    "docs/drugs/ssris.zh.md": Source("docs/drugs/ssris.zh.md", "# SSRI\n\n正文[@a; @b]。\n"),
    "docs/drugs/ssris.en.md": Source("docs/drugs/ssris.en.md", "# SSRIs\n\nText [@a; @b].\n"),
    "docs/glossary.zh.md": Source("docs/glossary.zh.md", "# 术语表\n"),
    "docs/glossary.en.md": Source("docs/glossary.en.md", "# Glossary\n"),
}
CONTENT_PAGES = ["drugs/ssris"]


def question(qid: str = "ssris-one", *, options: int = 4, key: int = 1, zh_cite: str = "[@a]", en_cite: str = "[@a]",
             extra: str = "") -> str:
    """One well-formed question in the bank's YAML (17 lines as given), varied by the arguments."""
    lines = [f"- id: {qid}", "  stem:", "    zh: 题干？", "    en: Stem?", "  options:"]
    for index in range(options):
        lines += [f"    - zh: 选项{index}", f"      en: Option {index}"] + (["      correct: true"] if index == key else [])
    lines += ["  explanation:", f"    zh: 解析{zh_cite}。", f"    en: Explanation {en_cite}."]
    return "\n".join(lines) + "\n" + extra


def bank(*questions: str, path: str = PATH) -> list[QuestionFile]:
    return [parse_questions("# Questions for docs/drugs/ssris.{zh,en}.md\n" + "\n".join(questions), path)]


def problems(files: list[QuestionFile], pages: list[str] = CONTENT_PAGES) -> list[str]:
    return [str(problem) for problem in check_questions(files, pages, PAGE_SOURCES)]


def valid(*more: str) -> list[QuestionFile]:
    return bank(question("ssris-one"), question("ssris-two"), question("ssris-three"), *more)


# --- loader -------------------------------------------------------------------------------------------------------

def test_loader_reads_questions_with_their_lines() -> None:
    [file] = valid()
    assert file.page == "drugs/ssris" and not file.errors
    first, second, _ = file.questions
    assert first.id == "ssris-one" and first.line == 2 and second.line == 20
    assert first.stem == {"zh": "题干？", "en": "Stem?"} and first.explanation["en"] == "Explanation [@a]."
    assert [option.line for option in first.options] == [7, 9, 12, 14]
    assert first.key == 1 and [option.correct for option in first.options] == [False, True, False, False]
    assert first.line_of("explanation") == 16


def test_loader_folds_multi_line_text_and_keeps_going_after_a_malformed_question() -> None:
    text = "- id: q-one\n  stem:\n    en: >\n      Two\n      lines\n- just text\n- id: q-two\n  stem: not a pair\n"
    file = parse_questions(text, PATH)
    assert [q.id for q in file.questions] == ["q-one", "q-two"] and file.questions[0].stem == {"en": "Two lines"}
    assert [(line, what) for line, what, _ in file.errors] == [
        (6, "list item is not a question"), (8, "`stem` is not a `zh:`/`en:` pair")]


def test_loader_reports_yaml_errors_with_their_line() -> None:
    file = parse_questions("- id: x\n  stem:\n    zh: a: b\n", PATH)
    assert not file.questions and file.errors[0][0] == 3 and file.errors[0][1].startswith("not valid YAML")


def test_bank_on_disk_has_one_file_per_page_path() -> None:
    files = load_bank(REPO)
    assert all(file.path == f"data/questions/{file.page}.yml" for file in files)
    assert len({file.page for file in files}) == len(files)


# --- check: one failing example per rule --------------------------------------------------------------------------

def test_well_formed_bank_has_no_problem() -> None:
    assert problems(valid()) == []


def test_fewer_than_three_questions() -> None:
    assert problems(bank(question("ssris-one"), question("ssris-two"))) == [
        f"{PATH}:1: 2 question(s) for docs/drugs/ssris.{{zh,en}}.md — write at least 3 questions for every content page"]


def test_content_page_without_questions_file() -> None:
    assert problems([], ["drugs/ssris"]) == [
        f"{PATH}:1: no questions file for docs/drugs/ssris.{{zh,en}}.md — write at least 3 questions in {PATH}"]


def test_no_key_and_two_keys() -> None:
    no_key = question("ssris-four", key=-1)
    two_keys = question("ssris-five").replace("      en: Option 3\n", "      en: Option 3\n      correct: true\n")
    found = problems(valid(no_key, two_keys))
    assert f"{PATH}:60: question `ssris-four` has no correct option — mark the single best answer with `correct: true`" in found
    assert f"{PATH}:85: question `ssris-five` has a second correct option — keep `correct: true` on the single best answer only" in found
    assert len(found) == 2


@pytest.mark.parametrize(("count", "line"), [(3, 60), (6, 60)])
def test_fewer_than_four_or_more_than_five_options(count: int, line: int) -> None:
    assert problems(valid(question("ssris-four", options=count))) == [
        f"{PATH}:{line}: question `ssris-four` has {count} option(s) — give 4 or 5 options"]


def test_five_options_are_fine() -> None:
    assert problems(valid(question("ssris-four", options=5))) == []


def test_option_missing_a_language() -> None:
    text = question("ssris-four").replace("      en: Option 2\n", "")
    assert problems(valid(text)) == [
        f"{PATH}:66: option 3 of question `ssris-four` has no en text — write every option in both zh and en"]


@pytest.mark.parametrize(("part", "lang", "line"), [("stem", "zh", 57), ("explanation", "en", 70)])
def test_stem_or_explanation_missing_a_language(part: str, lang: str, line: int) -> None:
    texts = {"stem": {"zh": "    zh: 题干？\n"}, "explanation": {"en": "    en: Explanation [@a].\n"}}
    text = question("ssris-four").replace(texts[part][lang], "")
    assert problems(valid(text)) == [
        f"{PATH}:{line}: question `ssris-four` has no {lang} {part} — write the {part} in both zh and en"]


def test_explanation_citing_no_key() -> None:
    found = problems(valid(question("ssris-four", zh_cite="", en_cite="")))
    assert found == [f"{PATH}:{70 + LANGS.index(lang) + 1}: the {lang} explanation of question `ssris-four` cites no source — "
                     "cite the page's source for the answer: `[@key]`" for lang in LANGS]


def test_different_keys_in_zh_and_en() -> None:
    assert problems(valid(question("ssris-four", en_cite="[@a; @b]"))) == [
        f"{PATH}:70: question `ssris-four` cites different sources in zh and en (en only: b) — cite the same keys in both languages"]


def test_key_the_page_does_not_cite() -> None:
    assert problems(valid(question("ssris-four", zh_cite="[@c]", en_cite="[@c]"))) == [
        f"{PATH}:71: question `ssris-four` cites `c`, which docs/drugs/ssris.zh.md does not cite — "
        "cite a source of the page, so that it appears in the page's reference list"]


def test_citation_with_more_than_keys() -> None:
    found = problems(valid(question("ssris-four", zh_cite="[@a；@b]", en_cite="[@a; @b]")))
    assert found == [f"{PATH}:71: citation `[@a；@b]` in question `ssris-four` holds more than keys — "
                     "cite as `[@key]` or `[@a; @b]`: keys only, separated by an ASCII `; `"]


def test_duplicate_ids_across_files() -> None:
    other = "data/questions/drugs/snris.yml"
    files = valid() + bank(question("snris-one"), question("ssris-two"), question("snris-three"), path=other)
    sources = {**PAGE_SOURCES, **{f"docs/drugs/snris.{lang}.md": Source(f"docs/drugs/snris.{lang}.md", "[@a]") for lang in LANGS}}
    found = [str(p) for p in check_questions(files, ["drugs/ssris", "drugs/snris"], sources)]
    assert found == [f"{other}:20: question id `ssris-two` is already used at {PATH}:20 — "
                     "give every question its own id (and never rename a published one)"]


def test_ids_are_kebab_case_and_present() -> None:
    found = problems(valid(question("Ssris_Four"), question("ssris-five").replace("- id: ssris-five\n  stem:", "- stem:")))
    assert f"{PATH}:56: question id `Ssris_Four` is not ASCII kebab-case — use lowercase letters, digits and `-` only" in found
    assert f"{PATH}:74: question has no `id` — start it with `- id: <page name>-<short topic>` (ASCII kebab-case)" in found


def test_questions_file_for_a_page_that_does_not_exist() -> None:
    found = problems(bank(question("x-one"), path="data/questions/drugs/ssri.yml"))
    assert found[-1] == ("data/questions/drugs/ssri.yml:1: questions file for docs/drugs/ssri.{zh,en}.md, which does not exist"
                         " — rename it to data/questions/drugs/ssris.yml")


def test_questions_file_for_a_page_that_is_not_a_content_page() -> None:
    found = problems(valid() + bank(question("glossary-one"), path="data/questions/glossary.yml"))
    assert found == ["data/questions/glossary.yml:1: docs/glossary.{zh,en}.md is not a content page — questions belong to "
                     "the pages of the course sections (intro, drugs, mechanisms, …): move or remove this file"]


def test_unknown_fields_and_unreadable_files_are_reported() -> None:
    text = question("ssris-four").replace("  explanation:", "  explaination:")
    found = problems(valid(text))
    assert f"{PATH}:70: unknown field `explaination` in question `ssris-four` — use only id, stem, options, explanation" in found
    assert problems(bank("- id: [unclosed\n"))[0].startswith(f"{PATH}:3: not valid YAML")


# --- exports ------------------------------------------------------------------------------------------------------

BIB = """@article{berman2000antidepressant, author = {Berman, Robert M. and Cappiello, Angela}, title = {T}, year = {2000}}
@article{zarate2006randomized, author = {Zarate, Carlos A.}, title = {T}, year = {2006}}
@misc{fda2011a, author = {{U.S. Food and Drug Administration}}, title = {A}, year = {2011}}
@misc{fda2011b, author = {{U.S. Food and Drug Administration}}, title = {B}, year = {2011}}
@article{vandenberg2001x, author = {van den Berg, Anna}, title = {T}, date = {2001-05}}
"""


def test_citations_become_author_year_text(tmp_path: Path) -> None:
    (tmp_path / "references.bib").write_text(BIB, encoding="utf-8")
    labels = author_year_labels(tmp_path / "references.bib")
    assert labels["fda2011a"] == "U.S. Food and Drug Administration 2011a" and labels["vandenberg2001x"] == "van den Berg 2001"
    text = plain_citations("Fast onset [@berman2000antidepressant; @zarate2006randomized].", "en", labels)
    assert text == "Fast onset (Berman 2000; Zarate 2006)."
    assert plain_citations("起效快[@zarate2006randomized]。", "zh", labels) == "起效快（Zarate 2006）。"


def sample_bank() -> list[tuple[Category, QuestionFile]]:
    text = question("ssris-one").replace("题干？", "'下列哪项**不**正确：a {b} = c ~ d # e : f？'")
    return [(Category(("课程", "药物类别", "SSRI/SNRI")), parse_questions(text, PATH))]


def test_gift_escapes_its_special_characters() -> None:
    exported = gift(sample_bank(), "zh", {"a": "Berman 2000"})
    assert "$CATEGORY: $course$/top/课程/药物类别/SSRI//SNRI" in exported
    assert r"::ssris-one::[html]下列哪项<strong>不</strong>正确：a \{b\} \= c \~ d \# e \: f？{" in exported
    assert "\t=选项1\n" in exported and "\t####解析（Berman 2000）。\n}" in exported
    assert parse_gift(exported)[0] == {"category": "$course$/top/课程/药物类别/SSRI//SNRI", "id": "ssris-one",
                                       "stem": "下列哪项<strong>不</strong>正确：a {b} = c ~ d # e : f？",
                                       "options": ["选项0", "选项1", "选项2", "选项3"], "key": 1,
                                       "feedback": "解析（Berman 2000）。"}


def test_moodle_xml_is_single_answer_multichoice() -> None:
    root = ElementTree.fromstring(moodle_xml(sample_bank(), "en", {"a": "Berman 2000"}))
    category, item = root.findall("question")
    assert category.get("type") == "category" and category.findtext("category/text") == "$course$/top/课程/药物类别/SSRI//SNRI"
    assert item.get("type") == "multichoice" and item.findtext("single") == "true"
    assert [a.get("fraction") for a in item.findall("answer")] == ["0", "100", "0", "0"]
    assert item.findtext("generalfeedback/text") == "Explanation (Berman 2000)."


def test_html_text_renders_markdown_inline() -> None:
    assert html_text("**NOT** `x` < y [@a]", "en", {"a": "A 2000"}) == "<strong>NOT</strong> <code>x</code> &lt; y (A 2000)"


# --- the built site -----------------------------------------------------------------------------------------------

BANK_FILES = {file.page: file for file in load_bank(REPO)}
PAGES = [page for page in content_pages(read_sources(REPO / "docs"), "zh") if page in BANK_FILES]
LABELS = author_year_labels(REPO / "references.bib")


def parsed(site: Path, page: str, lang: str) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(built_path(site, page, lang).read_bytes())


def has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def exports_dir(site: Path, lang: str) -> Path:
    return (site if lang == "zh" else site / "en") / EXPORTS_DIR


@pytest.mark.parametrize("page", PAGES)
def test_page_shows_its_questions_in_both_languages(site: Path, page: str) -> None:
    data = BANK_FILES[page]
    for lang in LANGS:
        html = parsed(site, page, lang)
        headings = html.xpath("//article//h2[@id='quiz']")
        assert headings and "data-search-exclude" in headings[0].attrib, f"{lang}:{page}: no quiz section"
        ids = html.xpath("//article//h2/@id")
        assert ids.index("self-check") < ids.index("quiz"), f"{lang}:{page}: quiz before the self-check questions"
        assert all(ids.index(later) > ids.index("quiz") for later in ("related", "references") if later in ids)
        questions = html.xpath(f"//div[{has_class('quiz')}]/div[{has_class('quiz-question')}]")
        assert [q.get("data-question") for q in questions] == [q.id for q in data.questions], f"{lang}:{page}"
        for element, question in zip(questions, data.questions):
            assert int(element.get("data-key")) == question.key
            assert len(element.xpath(f".//ol[{has_class('quiz-question__options')}]/li")) == len(question.options)
            key = element.xpath(f".//*[{has_class('quiz-question__key')}]")[0].text_content()
            assert key.endswith(LETTERS[question.key]), f"{lang}:{question.id}: {key}"
            assert "[@" not in element.text_content(), f"{lang}:{page}: citation left unrendered"
            assert element.xpath(".//details//a[@class='footnote-ref']"), f"{lang}:{question.id}: explanation shows no citation"
            for href in element.xpath(".//a[@class='footnote-ref']/@href"):
                assert html.xpath(f"//*[@id='{href[1:]}']"), f"{lang}:{page}: citation {href} without a reference"
        links = html.xpath(f"//*[{has_class('quiz__downloads')}]//a/@href")
        assert [Path(link).name for link in links] == [f"{export_name(page)}.moodle.xml", f"{export_name(page)}.gift.txt"]
        for link in links:
            assert (built_path(site, page, lang).parent / link).resolve().is_file(), link


def test_quiz_text_stays_out_of_search(site: Path) -> None:
    for lang in LANGS:
        index = json.loads(((site if lang == "zh" else site / "en") / "search/search_index.json").read_text(encoding="utf-8"))
        assert not [doc["location"] for doc in index["docs"] if doc["location"].endswith("#quiz")]
        text = re.sub(r"<[^>]+>", "", " ".join(doc["text"] for doc in index["docs"]).replace("\u200b", ""))
        assert STRINGS[lang]["intro"] not in text
        for file in BANK_FILES.values():
            for question in file.questions:
                assert question.stem[lang].replace("**", "") not in text, f"{lang}: question {question.id} is in the search index"


def expected(file: QuestionFile, lang: str) -> list[dict[str, object]]:
    return [{"id": q.id, "stem": html_text(q.stem[lang], lang, LABELS), "options": len(q.options), "key": q.key,
             "feedback": html_text(q.explanation[lang], lang, LABELS)} for q in file.questions]


def moodle_questions(path: Path) -> list[dict[str, object]]:
    found = []
    category = None
    for element in ElementTree.parse(path).getroot().findall("question"):
        if element.get("type") == "category":
            category = element.findtext("category/text")
            continue
        answers = element.findall("answer")
        found.append({"category": category, "id": element.findtext("name/text"), "stem": element.findtext("questiontext/text"),
                      "options": len(answers), "key": [a.get("fraction") for a in answers].index("100"),
                      "feedback": element.findtext("generalfeedback/text"), "single": element.findtext("single")})
    return found


GIFT_QUESTION = re.compile(r"^::(?P<id>(?:\\.|[^:\\])+)::\[html\](?P<stem>(?:\\.|[^{\\])*)\{\n(?P<body>.*)\n\}$", re.S)


def _gift_unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def parse_gift(text: str) -> list[dict[str, object]]:
    """The subset of GIFT the exports use: `$CATEGORY:` lines and multiple-choice questions with general feedback."""
    found = []
    category = None
    for block in text.strip().split("\n\n"):
        if block.startswith("$CATEGORY: "):
            category = block.removeprefix("$CATEGORY: ")
            continue
        match = GIFT_QUESTION.match(block)
        assert match, f"not a GIFT question: {block[:200]}"
        options, feedback = [], None
        key = None
        for line in match.group("body").split("\n"):
            marker, value = line.lstrip("\t")[:1], _gift_unescape(line.lstrip("\t")[1:])
            if line.lstrip("\t").startswith("####"):
                feedback = _gift_unescape(line.lstrip("\t")[4:])
            elif marker in "=~":
                key = len(options) if marker == "=" else key
                options.append(value)
            else:
                raise AssertionError(f"unexpected GIFT line: {line}")
        found.append({"category": category, "id": _gift_unescape(match.group("id")), "stem": _gift_unescape(match.group("stem")),
                      "options": options, "key": key, "feedback": feedback})
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_moodle_exports_carry_the_data_files(site: Path, lang: str) -> None:
    whole = []
    for page in PAGES:
        found = moodle_questions(exports_dir(site, lang) / f"{export_name(page)}.moodle.xml")
        assert len({q.pop("category") for q in found}) == 1 and all(q.pop("single") == "true" for q in found)
        assert found == expected(BANK_FILES[page], lang), f"{lang}:{page}"
        whole += expected(BANK_FILES[page], lang)
    bank = moodle_questions(exports_dir(site, lang) / f"{BANK}.moodle.xml")
    assert len({q.pop("category") for q in bank}) == len(PAGES) and all(q.pop("single") == "true" for q in bank)
    assert bank == whole


@pytest.mark.parametrize("lang", LANGS)
def test_gift_exports_carry_the_data_files(site: Path, lang: str) -> None:
    def summary(questions: list[dict[str, object]]) -> list[dict[str, object]]:
        return [{**q, "options": len(q["options"])} for q in questions]

    whole = []
    for page in PAGES:
        found = parse_gift((exports_dir(site, lang) / f"{export_name(page)}.gift.txt").read_text(encoding="utf-8"))
        assert len({q.pop("category") for q in found}) == 1
        assert summary(found) == expected(BANK_FILES[page], lang), f"{lang}:{page}"
        whole += expected(BANK_FILES[page], lang)
    bank = parse_gift((exports_dir(site, lang) / f"{BANK}.gift.txt").read_text(encoding="utf-8"))
    assert len({q.pop("category") for q in bank}) == len(PAGES)
    assert summary(bank) == whole


@pytest.mark.parametrize("lang", LANGS)
def test_teaching_guide_links_the_whole_bank(site: Path, lang: str) -> None:
    html = parsed(site, "teaching-guide", lang)
    assert html.xpath("//article//h2[@id='question-bank']")
    links = set(html.xpath("//article//a[contains(@href, 'downloads/questions/')]/@href"))
    assert {Path(link).name for link in links} == {f"{BANK}.moodle.xml", f"{BANK}.gift.txt"}
    for link in links:
        assert (built_path(site, "teaching-guide", lang).parent / link).resolve().is_file()
