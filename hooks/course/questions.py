"""The question bank as readers and teachers meet it: the data of a page's quiz section, and exports of the bank
for learning platforms (Moodle XML and GIFT), one file per page and one for the whole bank, per language.

In exports a citation `[@a; @b]` becomes author-year text, `(Berman 2000; Zarate 2006)`: an imported question
has no reference list to number against.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import markdown
from shared.bibtex import names, plain, read_entries
from shared.question_bank import LETTERS, Question, QuestionFile

EXPORTS_DIR = "downloads/questions"  # inside each language's site_dir
BANK = "question-bank"  # file name stem of the whole bank's exports
FORMATS = {"moodle": "moodle.xml", "gift": "gift.txt"}  # format -> file name ending

# Per-language texts of the quiz section (`script` ones are read by docs/assets/js/quiz.js).
STRINGS: dict[str, dict[str, str]] = {
    "zh": {
        "heading": "单选题",
        "intro": "每题只有一个最佳答案。",
        "answer": "答案与解析",
        "key": "答案：",
        "downloads": "下载本页题目，供教学平台导入：",
        "open": "（",
        "close": "）",
    },
    "en": {
        "heading": "Single-best-answer questions",
        "intro": "Each question has one best answer.",
        "answer": "Answer and explanation",
        "key": "Answer: ",
        "downloads": "Download this page's questions for a learning platform:",
        "open": "(",
        "close": ")",
    },
}
SCRIPT_STRINGS: dict[str, dict[str, str]] = {
    "zh": {
        "check": "检查答案",
        "reset": "清除本页作答",
        "correct": "回答正确。",
        "incorrect": "回答错误。正确答案是 {letter}。",
        "choose": "请先选择一个选项。",
        "progress": "已作答 {answered}/{total} 题，答对 {correct} 题。作答记录只保存在本浏览器中。",
    },
    "en": {
        "check": "Check answer",
        "reset": "Clear answers on this page",
        "correct": "Correct.",
        "incorrect": "Incorrect. The best answer is {letter}.",
        "choose": "Choose an option first.",
        "progress": "Answered {answered} of {total}, {correct} correct. Answers are kept in this browser only.",
    },
}
CITATION = re.compile(r"\s?\[(@[\w-]+(?:; @[\w-]+)*)\]")  # the only form hooks/checks/questions.py lets through
GIFT_SPECIAL = re.compile(r"([\\~=#{}:])")


@dataclass(frozen=True)
class Category:
    """Where a page's questions go in a platform's question bank: course, section and page title."""
    names: tuple[str, ...]

    @property
    def moodle_path(self) -> str:
        # Moodle separates category levels with `/` and reads `//` as a literal slash.
        return "$course$/top/" + "/".join(name.replace("/", "//") for name in self.names)


def export_name(page: str) -> str:
    """drugs/ssris -> drugs-ssris; drugs/index -> drugs (as the handout names pages)."""
    return page.removesuffix("/index").replace("/", "-")


def export_files(bank: Sequence[tuple[Category, QuestionFile]], lang: str, labels: Mapping[str, str]) -> dict[str, str]:
    """{file name: content} for every page's questions and for the whole bank, in every format."""
    writers = {"moodle": moodle_xml, "gift": gift}
    files = {}
    for name, part in [(export_name(file.page), [(category, file)]) for category, file in bank] + [(BANK, list(bank))]:
        for format_name, ending in FORMATS.items():
            files[f"{name}.{ending}"] = writers[format_name](part, lang, labels)
    return files


def author_year_labels(bib_file: Path) -> dict[str, str]:
    """{key: "Berman 2000"} from references.bib; equal labels get a, b, … in .bib order."""
    return _author_year_labels(bib_file, bib_file.stat().st_mtime_ns)


@lru_cache(maxsize=2)  # once per build, shared by both languages
def _author_year_labels(bib_file: Path, mtime: int) -> dict[str, str]:
    labels = {}
    for entry in read_entries(bib_file.read_text(encoding="utf-8"))[0]:
        people = names(entry.fields.get("author") or entry.fields.get("editor", ""))
        year = entry.fields.get("year") or entry.fields.get("date", "")[:4]
        labels[entry.key] = f"{people[0].split(',')[0] if people else entry.key} {plain(year)}".strip()
    total, seen = Counter(labels.values()), Counter()
    for key, label in labels.items():
        if total[label] > 1:
            labels[key] = label + "abcdefghijklmnopqrstuvwxyz"[seen[label]]
            seen[label] += 1
    return labels


def plain_citations(text: str, lang: str, labels: Mapping[str, str]) -> str:
    """`…safety [@a; @b].` -> `…safety (A 2000; B 2006).`; in Chinese with full-width parentheses."""
    strings = STRINGS[lang]

    def cite(match: re.Match[str]) -> str:
        names = "; ".join(labels.get(key, key) for key in match.group(1).replace("@", "").split("; "))
        space = " " if lang == "en" else ""
        return f"{space}{strings['open']}{names}{strings['close']}"

    return CITATION.sub(cite, text)


def html_text(text: str, lang: str, labels: Mapping[str, str]) -> str:
    """Question Markdown (bold, emphasis, code) as the HTML fragment a platform stores, citations as text."""
    return _html(plain_citations(text, lang, labels))


@lru_cache(maxsize=None)  # every text goes into a page's exports and into the whole bank's, in both formats
def _html(text: str) -> str:
    rendered = markdown.markdown(text)
    return rendered.removeprefix("<p>").removesuffix("</p>") if rendered.count("<p>") == 1 else rendered


def moodle_xml(bank: Sequence[tuple[Category, QuestionFile]], lang: str, labels: Mapping[str, str]) -> str:
    """Moodle XML: a category per page, then its multichoice questions (single answer, 100 % or 0 %)."""
    quiz = ElementTree.Element("quiz")
    for category, file in bank:
        entry = ElementTree.SubElement(quiz, "question", type="category")
        _text(ElementTree.SubElement(entry, "category"), category.moodle_path)
        for question in file.questions:
            quiz.append(_moodle_question(question, lang, labels))
    ElementTree.indent(quiz)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(quiz, encoding="unicode") + "\n"


def _moodle_question(question: Question, lang: str, labels: Mapping[str, str]) -> ElementTree.Element:
    element = ElementTree.Element("question", type="multichoice")
    _text(ElementTree.SubElement(element, "name"), question.id)
    for tag, text in (("questiontext", question.stem), ("generalfeedback", question.explanation)):
        _text(ElementTree.SubElement(element, tag, format="html"), html_text(text.get(lang, ""), lang, labels))
    for tag, value in (("defaultgrade", "1"), ("penalty", "0.3333333"), ("hidden", "0"), ("idnumber", question.id),
                       ("single", "true"), ("shuffleanswers", "true"), ("answernumbering", "ABCD")):
        ElementTree.SubElement(element, tag).text = value
    for option in question.options:
        answer = ElementTree.SubElement(element, "answer", fraction="100" if option.correct else "0", format="html")
        _text(answer, html_text(option.text.get(lang, ""), lang, labels))
    return element


def _text(parent: ElementTree.Element, value: str) -> None:
    ElementTree.SubElement(parent, "text").text = value


def gift(bank: Sequence[tuple[Category, QuestionFile]], lang: str, labels: Mapping[str, str]) -> str:
    """GIFT: `$CATEGORY:` per page, then `::id::[html]stem{=key ~distractor … ####explanation}`."""
    blocks = []
    for category, file in bank:
        blocks.append(f"$CATEGORY: {category.moodle_path}")
        for question in file.questions:
            lines = [f"::{_gift_escape(question.id)}::[html]{_gift_escape(html_text(question.stem.get(lang, ''), lang, labels))}{{"]
            for option in question.options:
                lines.append(f"\t{'=' if option.correct else '~'}{_gift_escape(html_text(option.text.get(lang, ''), lang, labels))}")
            lines.append(f"\t####{_gift_escape(html_text(question.explanation.get(lang, ''), lang, labels))}")
            lines.append("}")
            blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def _gift_escape(text: str) -> str:
    return GIFT_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def quiz_view(file: QuestionFile, lang: str) -> list[dict[str, object]]:
    """What the quiz template shows of each question, in this language."""
    return [{
        "id": question.id,
        "stem": question.stem.get(lang, ""),
        "options": [option.text.get(lang, "") for option in question.options],
        "key": question.key,
        "letter": LETTERS[question.key] if question.key is not None else "",
        "explanation": question.explanation.get(lang, ""),
    } for question in file.questions]

