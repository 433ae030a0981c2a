"""Heading ids (13): every h2–h4 carries an explicit ASCII id, unique on its page.

The default slugify strips Han characters (`## 小节` becomes `#_2`), and both languages must share one id per
section so that links and the language switcher land on the same section.
"""

from __future__ import annotations

import re

from .markdown_source import Source
from .problem import Problem

HEADING = re.compile(r"^ {0,3}(#{2,4})[ \t]+(.*?)[ \t]*$")
ATTRIBUTE_ID = re.compile(r"\{:?[^{}]*?#([^\s{}]+)[^{}]*\}$")
VALID_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def heading_ids(source: Source) -> list[tuple[int, str]]:
    """(line, id) of every h2–h4 that has an explicit id, in page order."""
    found = []
    for number, line in source.body_lines():
        heading = HEADING.match(line)
        if heading and (attribute := ATTRIBUTE_ID.search(heading.group(2))):
            found.append((number, attribute.group(1)))
    return found


def check_headings(source: Source) -> list[Problem]:
    problems = []
    first_line: dict[str, int] = {}
    for number, line in source.body_lines():
        heading = HEADING.match(line)
        if not heading:
            continue
        attribute = ATTRIBUTE_ID.search(heading.group(2))
        if not attribute:
            problems.append(Problem(source.path, number, f"heading `{line.strip()}` has no explicit id",
                                    "end it with an ASCII id shared by both languages: `## 小节 {#section-name}`"))
            continue
        heading_id = attribute.group(1)
        if not VALID_ID.match(heading_id):
            problems.append(Problem(source.path, number, f"heading id `{heading_id}` is not lower-case ASCII",
                                    "use only a-z, 0-9 and single hyphens, e.g. `{#serotonin-transporter}`"))
        if heading_id in first_line:
            problems.append(Problem(source.path, number,
                                    f"heading id `{heading_id}` is already used on line {first_line[heading_id]}",
                                    "give each section its own id"))
        first_line.setdefault(heading_id, number)
    return problems
