"""Guards the glossary: every abbreviation a page uses must be defined in data/glossary.yml."""

from __future__ import annotations

import re

from course.glossary import abbreviations_used

from .markdown_source import Source
from .problem import Problem

# Link targets, citation brackets and HTML attributes are not prose.
NOT_PROSE = re.compile(r"\]\([^)]*\)|\[@[^\]]*\]|<[^>]+>|https?://\S+|\{#[^}]*\}")


def undefined_abbreviations(source: Source, glossary: set[str]) -> list[Problem]:
    problems = []
    reported: set[str] = set()
    for number, line in source.body_lines():
        for abbr in sorted(abbreviations_used(NOT_PROSE.sub(" ", line)) - glossary - reported):
            reported.add(abbr)
            problems.append(Problem(source.path, number, f"abbreviation {abbr} is not in the glossary",
                                    "add it to data/glossary.yml (abbr, zh, en, def_zh, def_en)"))
    return problems
