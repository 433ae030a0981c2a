"""Citation syntax that reached the reader unrendered (3), in any language's built page.

mkdocs-bibtex skips brackets it cannot parse, and a footnote without a definition stays literal: both leave
`[@…]` or `[^…]` in the page without a warning.
"""

from __future__ import annotations

import re

from .locate import line_of
from .markdown_source import Source
from .problem import Problem
from .rendered_page import RenderedPage

LEFTOVER = re.compile(r"\[[@^][^\]\s]*\]?|\\(?:full_)?bibliography\b")


def check_rendered_citations(page: RenderedPage, source: Source) -> list[Problem]:
    problems = []
    for match in LEFTOVER.finditer(page.prose):
        leftover = match.group(0)
        inner = leftover.strip("[]@^")
        problems.append(Problem(
            source.path,
            line_of(source.text, leftover, inner),
            f"`{leftover}` is shown to readers as literal text: the citation or footnote was not rendered",
            "cite as `[@key]` with a key from references.bib, define the footnote, or remove the command",
        ))
    return problems
