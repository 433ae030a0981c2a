"""Reference lists as the reader sees them (12): no markup or TeX leaking into an entry, GB/T 7714's terms in
the entry's own language, nothing of the site's apparatus inside an entry, one back-link group per entry, and
exports that hold exactly the page's list."""

from __future__ import annotations

import re

from shared.bibtex import read_entries

from .locate import line_of
from .markdown_source import Source
from .problem import Problem
from .rendered_page import RenderedPage

LEAKS = (
    (re.compile(r"\]\{\.|\{\.\w+\}"), "pandoc attribute markup"),
    (re.compile(r"TEXTASCII\w*|\\[A-Za-z]+"), "a TeX command"),
    (re.compile(r"\$"), "TeX math"),
    (re.compile(r"(?<!-)--(?!-)"), "`--` instead of a dash"),
    (re.compile(r"[{}]"), "a BibTeX brace"),
)
# GB/T 7714-2015: 等 after Chinese names, et al. after Latin-script names — decided by the entry, not the page.
WRONG_TERM = {"en": re.compile(r"等"), "zh-Hans": re.compile(r"\bet al\b")}
RIS_ID = re.compile(r"^ID  - (.+?)\r?$", re.M)


def check_reference_lists(page: RenderedPage, source: Source, bib_lines: dict[str, int], bib_path: str) -> list[Problem]:
    problems = []
    for item in page.references:
        where = (bib_path, bib_lines[item.key]) if item.key in bib_lines else (source.path, 1)
        for pattern, what in LEAKS:
            if match := pattern.search(item.text):
                problems.append(Problem(*where, f"entry `{item.key}` shows {what} (`{match.group(0)}`) on {page.url or 'the home page'}",
                                        "write the field in plain UTF-8 in references.bib (no TeX, no braces around "
                                        "name parts)"))
        if (wrong := WRONG_TERM.get(item.lang)) and (match := wrong.search(item.text)):
            problems.append(Problem(*where, f"entry `{item.key}` ({item.lang}) shows `{match.group(0)}`, a term of the "
                                    "other language", "set the entry's `langid` to the language of the work itself"))
        if item.apparatus:
            problems.append(Problem(source.path, 1, f"entry `{item.key}` holds the site's own markup "
                                    f"({', '.join(sorted(set(item.apparatus)))})",
                                    "insert reference lists after Markdown rendering (hooks/references.py)"))
        if item.backlink_groups > 1:
            problems.append(Problem(source.path, 1, f"entry `{item.key}` has {item.backlink_groups} back-link groups",
                                    "give each entry one ↩, with a, b, c jumps when it is cited more than once"))
    for text in page.misplaced_abbreviations:
        problems.append(Problem(source.path, line_of(source.text, text), f"glossary tooltip `{text}` inside code, a URL, "
                                "a cite block or a reference list", "keep tooltips to running text"))
    return problems


def check_exports(page: RenderedPage, source: Source, exports: dict[str, str]) -> list[Problem]:
    """exports: {href as linked from the page: file text, "" when missing}."""
    listed = [item.key for item in page.references]
    problems = []
    for href, text in exports.items():
        if href.endswith(".bib"):
            exported = [entry.key for entry in read_entries(text)[0]]
        elif href.endswith(".ris"):
            exported = RIS_ID.findall(text)
        else:
            continue
        if exported != listed:
            problems.append(Problem(source.path, 1, f"export `{href}` holds {len(exported)} entries in another order or "
                                    f"set than the page's list of {len(listed)}",
                                    "generate exports from the page's citations (hooks/references.py)"))
    return problems
