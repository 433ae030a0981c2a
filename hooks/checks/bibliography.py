"""references.bib (4): entries that parse, unique keys and DOIs, the fields each type needs, and no unused entry.

A small parser of our own, because pybtex keeps no line numbers and problems must point at the .bib line.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from .problem import Problem

ENTRY_START = re.compile(r"^[ \t]*@(\w+)[ \t]*[{(]", re.M)
NOT_ENTRIES = {"comment", "preamble", "string"}
KEY = re.compile(r"\s*([^\s,{}()]+)\s*,")
FIELD_NAME = re.compile(r"\s*([A-Za-z][\w-]*)\s*=\s*")
BARE_VALUE = re.compile(r"[\w.:/+-]+")
DOI = re.compile(r"^10\.\d{4,9}/\S+$")
# Fields GB/T 7714 needs to print each type. An article also needs its place in the journal (volume or issue, and
# pages) unless a DOI or PMID pins it down.
REQUIRED = {
    "article": ("author", "title", "journal", "year"),
    "book": ("author", "title", "publisher", "year"),
    "incollection": ("author", "title", "booktitle", "publisher", "year"),
    "inproceedings": ("author", "title", "booktitle", "year"),
    "phdthesis": ("author", "title", "school", "year"),
    "mastersthesis": ("author", "title", "school", "year"),
    "techreport": ("author", "title", "institution", "year"),
    "online": ("title", "year", "url"),
    "misc": ("title", "year"),
}
IDENTIFIERS = ("doi", "pmid", "url", "isbn")


@dataclass(frozen=True)
class Entry:
    type: str  # lower case, e.g. "article"
    key: str
    line: int
    fields: dict[str, str] = field(default_factory=dict)  # lower-case name -> value without braces
    field_lines: dict[str, int] = field(default_factory=dict)


class _Unparseable(ValueError):
    pass


def parse_bibliography(text: str, path: str) -> tuple[list[Entry], list[Problem]]:
    """Entries, and a problem for each entry that does not parse (the others are still read)."""
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
            problems.append(Problem(path, line, f"entry `@{match.group(1)}` cannot be parsed: {error}",
                                    "write it as `@type{key, name = {value}, ...}` with balanced braces"))
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
            return entry
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


def check_bibliography(entries: list[Entry], cited: Collection[str], path: str) -> list[Problem]:
    problems = []
    first_key: dict[str, Entry] = {}
    first_doi: dict[str, Entry] = {}
    for entry in entries:
        if entry.key.lower() in first_key:
            problems.append(Problem(path, entry.line, f"key `{entry.key}` repeats `{first_key[entry.key.lower()].key}` "
                                    f"(line {first_key[entry.key.lower()].line}); keys ignore case",
                                    "merge the two entries or give this one another key"))
        first_key.setdefault(entry.key.lower(), entry)
        problems += [Problem(path, entry.line, what, fix) for what, fix in _missing_fields(entry)]
        doi = entry.fields.get("doi")
        if doi is not None:
            doi_line = entry.field_lines["doi"]
            if not DOI.match(doi):
                problems.append(Problem(path, doi_line, f"DOI `{doi}` of `{entry.key}` is malformed",
                                        "write the bare DOI, e.g. `10.1016/S0140-6736(17)32802-7`, without https://doi.org/"))
            elif doi.lower() in first_doi:
                problems.append(Problem(path, doi_line, f"DOI `{doi}` of `{entry.key}` is also used by "
                                        f"`{first_doi[doi.lower()].key}`", "keep one entry per work"))
            first_doi.setdefault(doi.lower(), entry)
        if entry.key not in cited:
            problems.append(Problem(path, entry.line, f"entry `{entry.key}` is cited by no page",
                                    "cite it as `[@" + entry.key + "]` where it supports a claim, or remove it"))
    return problems


def _missing_fields(entry: Entry) -> list[tuple[str, str]]:
    if entry.type not in REQUIRED:
        return [(f"entry type `@{entry.type}` of `{entry.key}` is not supported",
                 f"use one of {', '.join('@' + name for name in REQUIRED)}")]
    missing = [name for name in REQUIRED[entry.type] if not entry.fields.get(name)]
    if entry.type == "article" and not (entry.fields.get("doi") or entry.fields.get("pmid")):
        if not (entry.fields.get("volume") or entry.fields.get("number")):
            missing.append("volume")
        if not entry.fields.get("pages"):
            missing.append("pages")
    problems = []
    if missing:
        problems.append((f"entry `{entry.key}` (@{entry.type}) lacks {', '.join(missing)}",
                         "add the missing fields" + (" (or a doi or pmid)" if entry.type == "article" else "")))
    if not any(entry.fields.get(name) for name in IDENTIFIERS):
        problems.append((f"entry `{entry.key}` has no doi, pmid, url or isbn",
                         "add one so readers can find the work"))
    return problems
