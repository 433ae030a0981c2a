"""references.bib, read by a small parser of our own: pybtex keeps no line numbers, and problems must point at
the .bib line. Checks judge the entries; the course renders and exports them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

BIB_FILE = "references.bib"
ENTRY_START = re.compile(r"^[ \t]*@(\w+)[ \t]*[{(]", re.M)
NOT_ENTRIES = {"comment", "preamble", "string"}
KEY = re.compile(r"\s*([^\s,{}()]+)\s*,")
FIELD_NAME = re.compile(r"\s*([A-Za-z][\w-]*)\s*=\s*")
BARE_VALUE = re.compile(r"[\w.:/+-]+")
# biblatex `langid` values -> the course's language codes.
LANGIDS = {"english": "en", "american": "en", "british": "en", "chinese": "zh", "zh": "zh", "en": "en"}


@dataclass(frozen=True)
class Entry:
    type: str  # lower case, e.g. "article"
    key: str
    line: int
    fields: dict[str, str] = field(default_factory=dict)  # lower-case name -> value without braces
    field_lines: dict[str, int] = field(default_factory=dict)
    source: str = ""  # the entry exactly as written in the .bib, for exports

    @property
    def language(self) -> str:
        """The language of the work itself (`langid`), which decides GB/T 7714's terms: 等 or et al."""
        return LANGIDS.get(self.fields.get("langid", "").lower(), "")


@dataclass(frozen=True)
class ParseError:
    line: int
    what: str


class _Unparseable(ValueError):
    pass


@lru_cache(maxsize=4)  # the references hook, integrity and the question exports read the same text
def read_entries(text: str) -> tuple[list[Entry], list[ParseError]]:
    """Entries, and an error for each entry that does not parse (the others are still read)."""
    entries, problems = [], []
    starts = list(ENTRY_START.finditer(text))
    for match, following in zip(starts, starts[1:] + [None]):
        if match.group(1).lower() in NOT_ENTRIES:
            continue
        end = following.start() if following else len(text)
        line = text.count("\n", 0, match.start()) + 1
        try:
            entries.append(_parse_entry(text, match, end, line))
        except _Unparseable as error:
            problems.append(ParseError(line, f"entry `@{match.group(1)}` cannot be parsed: {error}"))
    return entries, problems


def _parse_entry(text: str, match: re.Match[str], end: int, line: int) -> Entry:
    closer = "}" if text[match.end() - 1] == "{" else ")"
    key = KEY.match(text, match.end(), end)
    if not key:
        raise _Unparseable("no key followed by a comma")
    entry = Entry(match.group(1).lower(), key.group(1), line)
    position = key.end()
    while True:
        position = _skip_space(text, position, end)
        if position >= end:
            raise _Unparseable(f"no closing `{closer}`")
        if text[position] == closer:
            if text[position + 1 : end].strip():
                raise _Unparseable("text after the closing brace")
            return replace(entry, source=text[match.start() : position + 1])
        name = FIELD_NAME.match(text, position, end)
        if not name:
            raise _Unparseable(f"expected `name = value` or `{closer}` at line {text.count(chr(10), 0, position) + 1}")
        value, position = _parse_value(text, name.end(), end)
        field_name = name.group(1).lower()
        entry.fields[field_name] = value
        entry.field_lines[field_name] = text.count("\n", 0, name.start(1)) + 1
        position = _skip_space(text, position, end)
        if position < end and text[position] == ",":
            position += 1
        elif position < end and text[position] != closer:
            raise _Unparseable(f"missing comma after field `{field_name}`")


def _parse_value(text: str, position: int, end: int) -> tuple[str, int]:
    """A value: `{...}`, `"..."` or a bare word, possibly joined with `#`."""
    pieces = []
    while True:
        if position < end and text[position] in '{"':
            close = _matching_close(text, position, end)
            pieces.append(text[position + 1 : close])
            position = close + 1
        else:
            bare = BARE_VALUE.match(text, position, end)
            if not bare:
                raise _Unparseable(f"no value at line {text.count(chr(10), 0, position) + 1}")
            pieces.append(bare.group(0))
            position = bare.end()
        after = _skip_space(text, position, end)
        if after < end and text[after] == "#":
            position = _skip_space(text, after + 1, end)
            continue
        return "".join(pieces).strip(), position


def _matching_close(text: str, start: int, end: int) -> int:
    """The index of the brace or quote closing the value opened at start (quotes may hold braced groups)."""
    depth = 0
    for index in range(start, end):
        char = text[index]
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0 and text[start] == "{":
                return index
            if depth < 0:
                break
        elif char == '"' and index > start and text[start] == '"' and depth == 0:
            return index
    raise _Unparseable(f"unbalanced braces in the value starting at line {text.count(chr(10), 0, start) + 1}")


def _skip_space(text: str, position: int, end: int) -> int:
    while position < end and text[position].isspace():
        position += 1
    return position


def split_names(value: str) -> list[str]:
    """The names of an author/editor field, split at ` and ` outside braces ({Food and Drug Administration} is one)."""
    found, depth, start = [], 0, 0
    for match in re.finditer(r"[{}]|\s+and\s+", value):
        token = match.group(0)
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
        elif depth == 0:
            found.append(value[start : match.start()].strip())
            start = match.end()
    found.append(value[start:].strip())
    return [name for name in found if name]


def plain(value: str) -> str:
    """A field value without the braces BibTeX uses for grouping and case protection."""
    return " ".join(value.replace("{", "").replace("}", "").split())


def names(value: str) -> list[str]:
    """`Family, Given` for each person; an institution as written; `others` (et al.) dropped."""
    people = []
    for name in split_names(value):
        if name.strip() == "others":
            continue
        if name.startswith("{") or "," in name:
            people.append(plain(name))
        else:  # "Given Family"
            *given, family = plain(name).split(" ")
            people.append(f"{family}, {' '.join(given)}" if given else family)
    return people
