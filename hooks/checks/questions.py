"""The question bank (data/questions/**/*.yml): enough well-formed single-best-answer questions on every content
page, in both languages, each explained with sources that the page itself cites."""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Iterator, Mapping, Sequence

from shared.question_bank import FIELDS, LANGUAGES, OPTION_FIELDS, QUESTIONS_DIR, Question, QuestionFile

from .citations import CITATION_BRACKET, PART, cited_keys
from .markdown_source import Source
from .problem import Problem

MIN_QUESTIONS = 3
MIN_OPTIONS, MAX_OPTIONS = 4, 5
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PLAIN_BRACKET = re.compile(r"^@[\w-]+(?:; @[\w-]+)*$")


def check_questions(files: Sequence[QuestionFile], content_pages: Collection[str],
                    sources: Mapping[str, Source]) -> list[Problem]:
    """files: the whole bank; content_pages: pages that must carry questions; sources: page sources by path."""
    problems = [Problem(f"{QUESTIONS_DIR}/{page}.yml", 1, f"no questions file for docs/{page}.{{zh,en}}.md",
                        f"write at least {MIN_QUESTIONS} questions in {QUESTIONS_DIR}/{page}.yml")
                for page in sorted(set(content_pages) - {file.page for file in files})]
    first_seen: dict[str, str] = {}
    for file in files:
        problems += [Problem(file.path, line, what, fix) for line, what, fix in file.errors]
        problems += _check_page(file, content_pages, sources)
        for question in file.questions:
            problems += [Problem(file.path, line, what, fix) for line, what, fix in _question_issues(question)]
            problems += _check_citations(file, question, sources if file.page in content_pages else {})
            if question.id in first_seen:
                problems.append(Problem(file.path, question.line_of("id"), f"question id `{question.id}` is already used at {first_seen[question.id]}",
                                        "give every question its own id (and never rename a published one)"))
            elif question.id:
                first_seen[question.id] = f"{file.path}:{question.line_of('id')}"
    return problems


def _check_page(file: QuestionFile, content_pages: Collection[str], sources: Mapping[str, Source]) -> list[Problem]:
    if file.page not in content_pages:
        exists = any(f"docs/{file.page}.{lang}.md" in sources for lang in LANGUAGES)
        if exists:
            return [Problem(file.path, 1, f"docs/{file.page}.{{zh,en}}.md is not a content page",
                            "questions belong to the pages of the course sections (intro, drugs, mechanisms, …): move or remove this file")]
        near = difflib.get_close_matches(file.page, list(content_pages), n=1)
        fix = f"rename it to {QUESTIONS_DIR}/{near[0]}.yml" if near else f"name the file after its page: {QUESTIONS_DIR}/<section>/<name>.yml"
        return [Problem(file.path, 1, f"questions file for docs/{file.page}.{{zh,en}}.md, which does not exist", fix)]
    if len(file.questions) < MIN_QUESTIONS:
        return [Problem(file.path, 1, f"{len(file.questions)} question(s) for docs/{file.page}.{{zh,en}}.md",
                        f"write at least {MIN_QUESTIONS} questions for every content page")]
    return []


def _question_issues(question: Question) -> Iterator[tuple[int, str, str]]:
    name = f"question `{question.id}`" if question.id else "question"
    if not question.id:
        yield question.line, "question has no `id`", "start it with `- id: <page name>-<short topic>` (ASCII kebab-case)"
    elif not ID.match(question.id):
        yield question.line_of("id"), f"question id `{question.id}` is not ASCII kebab-case", "use lowercase letters, digits and `-` only"
    for unknown in (f for f in question.fields if f not in FIELDS):
        yield question.line_of(unknown), f"unknown field `{unknown}` in {name}", f"use only {', '.join(FIELDS)}"
    for part in ("stem", "explanation"):
        for lang in LANGUAGES:
            if not getattr(question, part).get(lang):
                yield question.line_of(part), f"{name} has no {lang} {part}", f"write the {part} in both zh and en"
    count = len(question.options)
    if not MIN_OPTIONS <= count <= MAX_OPTIONS:
        yield question.line_of("options"), f"{name} has {count} option(s)", f"give {MIN_OPTIONS} or {MAX_OPTIONS} options"
    keys = [option for option in question.options if option.correct]
    if not keys and count:
        yield question.line_of("options"), f"{name} has no correct option", "mark the single best answer with `correct: true`"
    for extra in keys[1:]:
        yield extra.line, f"{name} has a second correct option", "keep `correct: true` on the single best answer only"
    for number, option in enumerate(question.options, start=1):
        for lang in LANGUAGES:
            if not option.text.get(lang):
                yield option.line, f"option {number} of {name} has no {lang} text", "write every option in both zh and en"
        for unknown in (f for f in option.fields if f not in OPTION_FIELDS):
            yield option.line, f"unknown field `{unknown}` in option {number} of {name}", f"use only {', '.join(OPTION_FIELDS)}"


def _check_citations(file: QuestionFile, question: Question, sources: Mapping[str, Source]) -> list[Problem]:
    name = f"question `{question.id}`" if question.id else "question"
    problems = []
    keys: dict[str, dict[str, int]] = {}  # language -> cited key -> first line citing it
    for lang in LANGUAGES:
        keys[lang] = {}
        for line, text in _texts(question, lang):
            for bracket in CITATION_BRACKET.finditer(text):
                if not PLAIN_BRACKET.match(bracket.group(1)):
                    problems.append(Problem(file.path, line, f"citation `{bracket.group(0)}` in {name} holds more than keys",
                                            "cite as `[@key]` or `[@a; @b]`: keys only, separated by an ASCII `; `"))
                for part in re.split("[;；]", bracket.group(1)):
                    if (match := PART.match(part)) and match.group("key"):
                        keys[lang].setdefault(match.group("key"), line)
        explanation = question.explanation.get(lang, "")
        if explanation and not CITATION_BRACKET.search(explanation):
            problems.append(Problem(file.path, question.line_of(f"explanation.{lang}"), f"the {lang} explanation of {name} cites no source",
                                    "cite the page's source for the answer: `[@key]`"))
    zh_only, en_only = sorted(keys["zh"].keys() - keys["en"].keys()), sorted(keys["en"].keys() - keys["zh"].keys())
    if (zh_only or en_only) and all(question.explanation.get(lang) for lang in LANGUAGES):  # else reported as missing
        differences = "; ".join(f"{lang} only: {', '.join(only)}" for lang, only in (("zh", zh_only), ("en", en_only)) if only)
        problems.append(Problem(file.path, question.line_of("explanation"), f"{name} cites different sources in zh and en ({differences})",
                                "cite the same keys in both languages"))
    reported: set[str] = set()
    for lang in LANGUAGES:
        page = sources.get(f"docs/{file.page}.{lang}.md")
        if page is None:
            continue
        for key in sorted(keys[lang].keys() - cited_keys(page) - reported):
            reported.add(key)
            problems.append(Problem(file.path, keys[lang][key], f"{name} cites `{key}`, which {page.path} does not cite",
                                    "cite a source of the page, so that it appears in the page's reference list"))
    return problems


def _texts(question: Question, lang: str) -> Iterator[tuple[int, str]]:
    yield question.line_of(f"stem.{lang}"), question.stem.get(lang, "")
    for option in question.options:
        yield option.line, option.text.get(lang, "")
    yield question.line_of(f"explanation.{lang}"), question.explanation.get(lang, "")
