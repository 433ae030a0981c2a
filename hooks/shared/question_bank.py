"""The question bank: `data/questions/<page>.yml`, one file per content page, both languages side by side.

Read into dataclasses that keep the YAML line of every question, option and field, so that checks can point at
them; nothing here judges the content (hooks/checks/questions.py does). A file that cannot be read as the format
expects keeps what could be read, and says what could not in `errors`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, SequenceNode

QUESTIONS_DIR = "data/questions"  # relative to the directory of mkdocs.yml
LANGUAGES = ("zh", "en")
FIELDS = ("id", "stem", "options", "explanation")
OPTION_FIELDS = (*LANGUAGES, "correct")
LETTERS = "ABCDEFGHIJ"
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Option:
    text: dict[str, str]  # language -> text
    correct: bool
    line: int
    fields: tuple[str, ...] = ()  # keys as written, to report unknown ones


@dataclass(frozen=True)
class Question:
    id: str
    stem: dict[str, str]
    options: tuple[Option, ...]
    explanation: dict[str, str]
    line: int  # the line of `- id:`
    lines: dict[str, int] = field(default_factory=dict)  # "stem", "stem.zh", … -> line of that key
    fields: tuple[str, ...] = ()

    @property
    def key(self) -> int | None:
        """Index of the correct option, None unless exactly one option is correct."""
        correct = [index for index, option in enumerate(self.options) if option.correct]
        return correct[0] if len(correct) == 1 else None

    def line_of(self, name: str) -> int:
        """Line of a field ("explanation") or of one language of it ("explanation.en"), else of the nearest parent."""
        return self.lines.get(name) or self.lines.get(name.split(".")[0], self.line)


@dataclass(frozen=True)
class QuestionFile:
    path: str  # relative to the directory of mkdocs.yml, e.g. "data/questions/drugs/ssris.yml"
    page: str  # language-neutral page path, e.g. "drugs/ssris"
    questions: tuple[Question, ...]
    errors: tuple[tuple[int, str, str], ...] = ()  # (line, what is wrong, how to fix it)


def page_of(path: str) -> str:
    """data/questions/drugs/ssris.yml -> drugs/ssris"""
    return path.removeprefix(f"{QUESTIONS_DIR}/").removesuffix(".yml")


def parse_questions(text: str, path: str) -> QuestionFile:
    """One questions file; `path` is relative to the directory of mkdocs.yml."""
    errors: list[tuple[int, str, str]] = []
    try:
        root = yaml.compose(text, Loader=YAML_LOADER)
    except yaml.YAMLError as error:
        line = getattr(getattr(error, "problem_mark", None), "line", 0) + 1
        problem = getattr(error, "problem", None) or str(error)
        return QuestionFile(path, page_of(path), (), ((line, f"not valid YAML ({problem})",
                                                       "quote texts that contain `: ` or start with a special character"),))
    if root is None:
        return QuestionFile(path, page_of(path), ())
    if not isinstance(root, SequenceNode):
        return QuestionFile(path, page_of(path), (), ((_line(root), "the file is not a list of questions",
                                                       "start every question with `- id: …`"),))
    questions = []
    for item in root.value:
        if isinstance(item, MappingNode):
            questions.append(_question(item, errors))
        else:
            errors.append((_line(item), "list item is not a question", "write each question as `- id: …` with stem, options and explanation"))
    return QuestionFile(path, page_of(path), tuple(questions), tuple(errors))


def load_bank(root: Path) -> tuple[QuestionFile, ...]:
    """Every questions file under root/data/questions, in path order; re-read only when a file changes."""
    directory = root / QUESTIONS_DIR
    stamp = tuple(sorted((p.as_posix(), p.stat().st_mtime_ns) for p in directory.rglob("*.yml"))) if directory.is_dir() else ()
    return _load_bank(root.as_posix(), stamp)


@lru_cache(maxsize=2)
def _load_bank(root: str, stamp: tuple[tuple[str, int], ...]) -> tuple[QuestionFile, ...]:
    return tuple(parse_questions(Path(file).read_text(encoding="utf-8-sig"), Path(file).relative_to(root).as_posix())
                 for file, _ in stamp)


def _question(node: MappingNode, errors: list[tuple[int, str, str]]) -> Question:
    pairs = _pairs(node)
    lines = {name: _line(key) for name, (key, _) in pairs.items()}
    options = []
    if "options" in pairs:
        value = pairs["options"][1]
        if isinstance(value, SequenceNode):
            for item in value.value:
                if isinstance(item, MappingNode):
                    options.append(_option(item, errors))
                else:
                    errors.append((_line(item), "option is not a `zh:`/`en:` pair", "write each option as `- zh: …` / `en: …`"))
        else:
            errors.append((_line(value), "`options` is not a list", "list the options, each as `- zh: …` / `en: …`"))
    identifier = pairs.get("id")
    return Question(
        id=str(_scalar(identifier[1]) or "") if identifier else "",
        stem=_texts(pairs.get("stem"), "stem", errors, lines),
        options=tuple(options),
        explanation=_texts(pairs.get("explanation"), "explanation", errors, lines),
        line=_line(node),
        lines=lines,
        fields=tuple(pairs),
    )


def _option(node: MappingNode, errors: list[tuple[int, str, str]]) -> Option:
    pairs = _pairs(node)
    correct = _scalar(pairs["correct"][1]) if "correct" in pairs else False
    if correct not in (True, False):
        errors.append((_line(pairs["correct"][0]), f"`correct: {correct}` is not true or false", "write `correct: true` on the key only"))
    text = {lang: _string(pairs[lang][1]) for lang in LANGUAGES if lang in pairs}
    return Option(text=text, correct=correct is True, line=_line(node), fields=tuple(pairs))


def _texts(pair: tuple[Node, Node] | None, name: str, errors: list[tuple[int, str, str]],
           lines: dict[str, int]) -> dict[str, str]:
    """A `zh:`/`en:` mapping; missing languages are left out (the check reports them). Adds "stem.zh" etc. to lines."""
    if pair is None:
        return {}
    key, value = pair
    if not isinstance(value, MappingNode):
        errors.append((_line(key), f"`{name}` is not a `zh:`/`en:` pair", f"write `{name}:` with `zh: …` and `en: …` below it"))
        return {}
    texts = {}
    for lang, (lang_key, text) in _pairs(value).items():
        if lang in LANGUAGES:
            texts[lang] = _string(text)
            lines[f"{name}.{lang}"] = _line(lang_key)
    return texts


def _pairs(node: MappingNode) -> dict[str, tuple[Node, Node]]:
    return {str(_scalar(key)): (key, value) for key, value in node.value}


def _string(node: Node) -> str:
    value = _scalar(node)
    return "" if value is None or isinstance(value, (list, dict)) else " ".join(str(value).split())


def _scalar(node: Node) -> Any:
    return SafeConstructor().construct_object(node, deep=True)


def _line(node: Node) -> int:
    return node.start_mark.line + 1
