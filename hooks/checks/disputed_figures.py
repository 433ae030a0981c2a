"""Disputed figures: a contested or denominator-dependent number never stands alone.

data/disputed_figures.yml declares each such figure once: the ways it is written in each language, the qualifier
that must stand beside it and the citation keys that must be cited in the same paragraph. A page that quotes the
figure without them tells a teacher less than the course knows, so the build fails.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from .citations import CITATION_BRACKET, PART
from .markdown_source import LANGUAGES, YAML_LOADER, Source
from .problem import Problem

FIGURES_FILE = "data/disputed_figures.yml"
HEADING = re.compile(r"^\s{0,3}#{1,6}\s")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")
TITLE = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s")  # admonition or collapsible question: its body follows
TABLE_ROW = re.compile(r"^\s*\|")


@dataclass(frozen=True)
class Writing:
    pattern: re.Pattern[str]
    within: re.Pattern[str] | None  # the number alone is ambiguous: it counts only where this also occurs


@dataclass(frozen=True)
class DisputedFigure:
    id: str
    figure: str
    written: dict[str, tuple[Writing, ...]]  # language -> ways of writing it
    qualifier: dict[str, re.Pattern[str]]  # language -> what must stand beside it
    keys: tuple[str, ...]
    fix: str


@dataclass(frozen=True)
class Paragraph:
    line: int  # first line
    lines: tuple[tuple[int, str], ...]

    @property
    def text(self) -> str:
        return "\n".join(line for _, line in self.lines)


def parse_disputed_figures(text: str, path: str = FIGURES_FILE) -> tuple[list[DisputedFigure], list[Problem]]:
    """The declared figures, and a problem for each declaration that cannot be used."""
    try:
        data = yaml.load(text, Loader=YAML_LOADER) or []
    except yaml.YAMLError as error:
        return [], [Problem(path, 1, f"not valid YAML ({error})", "fix the syntax; quote patterns in single quotes")]
    if not isinstance(data, list):
        return [], [Problem(path, 1, "the file is not a list of figures", "write one `- id: …` entry per figure")]
    figures, problems = [], []
    for number, entry in enumerate(data, start=1):
        try:
            figures.append(_figure(entry))
        except (KeyError, TypeError, ValueError, re.error) as error:
            name = entry.get("id", f"entry {number}") if isinstance(entry, dict) else f"entry {number}"
            problems.append(Problem(path, 1, f"figure `{name}` cannot be read: {error}",
                                    "give id, figure, written (zh and en), qualifier (zh and en), keys and fix"))
    return figures, problems


def _figure(entry: dict) -> DisputedFigure:
    written = {lang: tuple(Writing(re.compile(way["pattern"]), re.compile(way["within"]) if way.get("within") else None)
                           for way in entry["written"][lang]) for lang in LANGUAGES}
    qualifier = {lang: re.compile(entry["qualifier"][lang]) for lang in LANGUAGES}
    if not all(written.values()) or not entry["keys"]:
        raise ValueError("every language needs a way of writing it, and at least one key is required")
    return DisputedFigure(str(entry["id"]), str(entry["figure"]), written, qualifier,
                          tuple(entry["keys"]), " ".join(str(entry["fix"]).split()))


def paragraphs(source: Source) -> list[Paragraph]:
    """The page body cut into paragraphs, code blanked (see the head of data/disputed_figures.yml)."""
    found: list[Paragraph] = []
    current: list[tuple[int, str]] = []
    mode = "text"  # text | title (waiting for its body) | table | note (a table waiting for the note below it)

    def close() -> None:
        if current:
            found.append(Paragraph(current[0][0], tuple(current)))
            current.clear()

    for number, line in source.body_lines():
        if not line.strip():
            if mode == "table":
                mode = "note"
            elif mode == "text":
                close()
            continue
        kind = _kind(line)
        if current and mode in ("title", "note") and kind == "text" or mode == "title" and kind == "item":
            current.append((number, line))
            mode = "text"
            continue
        if current and (mode == "table" and kind == "table" or mode == "text" and kind == "text"):
            current.append((number, line))
            continue
        close()
        current.append((number, line))
        mode = kind if kind in ("title", "table") else "text"
        if kind == "heading":
            close()
    close()
    return found


def _kind(line: str) -> str:
    for kind, pattern in (("heading", HEADING), ("title", TITLE), ("table", TABLE_ROW), ("item", LIST_ITEM)):
        if pattern.match(line):
            return kind
    return "text"


def cited(text: str) -> set[str]:
    keys = set()
    for bracket in CITATION_BRACKET.finditer(text):
        for part in re.split("[;；]", bracket.group(1)):
            match = PART.match(part)
            if match and match.group("key"):
                keys.add(match.group("key"))
    return keys


def check_disputed_figures(source: Source, figures: Sequence[DisputedFigure]) -> list[Problem]:
    """A problem for each paragraph that states a declared figure without its qualifier or its citations."""
    problems = []
    for paragraph in paragraphs(source):
        prose = CITATION_BRACKET.sub(" ", paragraph.text)
        keys = cited(paragraph.text)
        for figure in figures:
            written = _first_writing(prose, figure.written[source.lang])
            if written is None:
                continue
            missing = [f"[@{key}]" for key in figure.keys if key not in keys]
            unqualified = not figure.qualifier[source.lang].search(prose)
            if not missing and not unqualified:
                continue
            lacks = " and ".join(filter(None, ["its qualifier" if unqualified else "",
                                               ", ".join(missing) if missing else ""]))
            problems.append(Problem(
                source.path, _line_of(paragraph, written),
                f"disputed figure “{written}” ({figure.id}: {figure.figure}) is stated without {lacks}",
                f"in the same paragraph, {figure.fix} [@{'; @'.join(figure.keys)}] (declared in {FIGURES_FILE})"))
    return problems


def _first_writing(prose: str, ways: Iterable[Writing]) -> str | None:
    for way in ways:
        if way.within is not None and not way.within.search(prose):
            continue
        if match := way.pattern.search(prose):
            return match.group(0)
    return None


def _line_of(paragraph: Paragraph, written: str) -> int:
    for number, line in paragraph.lines:
        if written in CITATION_BRACKET.sub(" ", line):
            return number
    return paragraph.line


def disputed_figure_problems(sources: Iterable[Source], root: Path) -> list[Problem]:
    """Every page checked against data/disputed_figures.yml (a missing file declares nothing)."""
    path = root / FIGURES_FILE
    if not path.exists():
        return []
    figures, problems = parse_disputed_figures(path.read_text(encoding="utf-8"))
    for source in sources:
        problems += check_disputed_figures(source, figures)
    return problems
