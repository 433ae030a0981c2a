"""Citations in page Markdown (1, 2): every key must be in references.bib, and every bracket must survive
mkdocs-bibtex unchanged.

mkdocs-bibtex splits a bracket on ASCII `;` only, reads a key as `[\\w-]+` (so `smith:2020` becomes `smith`), and a
numeric style (GB/T 7714) drops every prefix and locator: all silently. So only `[@a]` and `[@a; @b]` are allowed.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from .markdown_source import Source
from .problem import Problem

# A bracket holding an `@` that does not belong to an e-mail address or URL (those have ASCII text before the `@`).
CITATION_BRACKET = re.compile(r"\[([^\[\]]*(?<![A-Za-z0-9._%+/:-])@[^\[\]]*)\]")
FULL_WIDTH_SEPARATOR = re.compile(r"[；，：]")
PART = re.compile(r"^\s*(?P<prefix>[^@]*?)@(?P<key>[A-Za-z0-9_:.\-]*)(?P<rest>.*?)\s*$", re.S)
KEY_CUT_SHORT = re.compile(r"[:.]")


@dataclass(frozen=True)
class Citation:
    line: int
    bracket: str  # the whole bracket, e.g. "[@a; @b]"
    key: str
    prefix: str  # text before the `@`
    rest: str  # text after the key


def citations(source: Source) -> list[Citation]:
    """Every cited key, in order, outside code. A bracket splits on ASCII and full-width semicolons alike."""
    found = []
    for number, line in source.body_lines():
        for bracket in CITATION_BRACKET.finditer(line):
            for part in re.split("[;；]", bracket.group(1)):
                match = PART.match(part)
                if match:
                    found.append(Citation(number, bracket.group(0), *match.group("key", "prefix", "rest")))
    return found


def cited_keys(source: Source) -> set[str]:
    return {citation.key for citation in citations(source) if citation.key}


def check_citations(source: Source, bib_keys: Collection[str]) -> list[Problem]:
    problems = []
    reported_brackets: set[tuple[int, str]] = set()
    for citation in citations(source):
        mangled = _mangling(citation)
        if mangled and (citation.line, citation.bracket) not in reported_brackets:
            reported_brackets.add((citation.line, citation.bracket))
            problems.append(Problem(source.path, citation.line, *mangled))
        if citation.key:
            problems += [Problem(source.path, citation.line, *issue) for issue in _key_issues(citation.key, bib_keys)]
    return problems


def _mangling(citation: Citation) -> tuple[str, str] | None:
    """How mkdocs-bibtex would silently change this citation, if it would."""
    bracket, rest = citation.bracket, citation.rest
    if separator := FULL_WIDTH_SEPARATOR.search(bracket):
        return (
            f"full-width `{separator.group(0)}` in citation `{bracket}`: mkdocs-bibtex drops what follows it",
            "separate keys with an ASCII semicolon and a space: `[@a; @b]`",
        )
    if not citation.key:
        return (f"`@` in `{bracket}` is not followed by a citation key", "write the key right after `@`: `[@key]`")
    if rest and not rest[0].isspace() and rest[0] != ",":
        return (
            f"citation key in `{bracket}` is glued to `{rest}`: mkdocs-bibtex reads `{citation.key}{rest}` as the key",
            "close the bracket right after the key and write the text outside it: `[@key]文字`",
        )
    if citation.prefix.strip():
        return (
            f"prefix `{citation.prefix.strip()}` in `{bracket}` is dropped by the numeric citation style",
            "move the words before the bracket: `见[@key]`",
        )
    if rest:
        return (
            f"locator `{rest.strip()}` in `{bracket}` is dropped by the numeric citation style",
            "write the page or chapter in the sentence, and keep the bracket to keys only",
        )
    return None


def _key_issues(key: str, bib_keys: Collection[str]) -> list[tuple[str, str]]:
    issues = []
    if KEY_CUT_SHORT.search(key):
        issues.append((
            f"citation key `{key}` contains `:` or `.`: mkdocs-bibtex reads only `{KEY_CUT_SHORT.split(key)[0]}`",
            "rename the key in references.bib and here to letters, digits, `_` and `-` only",
        ))
    if key not in bib_keys:
        same_but_case = [bib_key for bib_key in bib_keys if bib_key.lower() == key.lower()]
        fix = f"write it as `{same_but_case[0]}`" if same_but_case else "add the entry to references.bib or correct the key"
        issues.append((f"citation key `{key}` is not in references.bib", fix))
    return issues
