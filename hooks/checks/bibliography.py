"""references.bib (4): entries that parse, unique keys and DOIs, the fields each type needs, complete journal
articles, UTF-8 rather than TeX, a language per entry, and no unused entry."""

from __future__ import annotations

import re
from collections.abc import Collection

from shared.bibtex import LANGIDS, Entry, read_entries, split_names

from .problem import Problem

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
# What a reader would see as a leak once citeproc has printed the field: TeX commands, math, `--`.
TEX = re.compile(r"""\\[A-Za-z]+|\\['"`^~=.]|\$""")
DOUBLE_HYPHEN = re.compile(r"(?<!-)--(?!-)")
CUT_RANGE = re.compile(r"^\s*\w*\d+\s*-+\s*$|^\s*-")
NAME_FIELDS = ("author", "editor", "translator")


def parse_bibliography(text: str, path: str) -> tuple[list[Entry], list[Problem]]:
    """Entries, and a problem for each entry that does not parse (the others are still read)."""
    entries, errors = read_entries(text)
    return entries, [Problem(path, error.line, error.what,
                             "write it as `@type{key, name = {value}, ...}` with balanced braces") for error in errors]


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
        problems += _leaks(entry, path) + _language(entry, path) + _article_completeness(entry, path)
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


def _leaks(entry: Entry, path: str) -> list[Problem]:
    """Fields citeproc would print with TeX leftovers (`TEXTASCIITILDE`, `$\\beta$`, `1990--2019`) or `{.nocase}`."""
    problems = []
    for name, value in entry.fields.items():
        line = entry.field_lines[name]
        if name in ("url", "doi", "note", "file"):
            continue
        if match := TEX.search(value):
            problems.append(Problem(path, line, f"`{name}` of `{entry.key}` holds TeX `{match.group(0)}`",
                                    "write the character itself in UTF-8 (ñ, ö, β, &)"))
        if name != "pages" and DOUBLE_HYPHEN.search(value):
            problems.append(Problem(path, line, f"`{name}` of `{entry.key}` holds `--`", "write an en dash `–`"))
        if name in NAME_FIELDS and _braced_name_part(value):
            problems.append(Problem(path, line, f"`{name}` of `{entry.key}` braces part of a name",
                                    "unbrace it (`Zarate, Jr., Carlos A.`); only a whole institutional name is "
                                    "braced: `{{World Health Organization}}`"))
    return problems


def _braced_name_part(names: str) -> bool:
    return any("{" in name and not (name.startswith("{") and name.endswith("}") and name.count("{") == 1)
               for name in split_names(names))


def _language(entry: Entry, path: str) -> list[Problem]:
    if entry.language:
        return []
    line = entry.field_lines.get("langid", entry.line)
    return [Problem(path, line, f"entry `{entry.key}` has no known language (`langid`)",
                    f"add `langid = {{english}}` or `langid = {{chinese}}` (one of {', '.join(sorted(LANGIDS))}): "
                    "it decides 等 or et al. in every reference list")]


def _article_completeness(entry: Entry, path: str) -> list[Problem]:
    """GB/T 7714 prints an article's place in its journal: volume, full page range or article number, and an
    identifier a reader can resolve."""
    if entry.type != "article":
        return []
    fields = entry.fields
    missing = [name for name in ("journal", "year", "volume") if not fields.get(name)]
    if not (fields.get("pages") or fields.get("eid")):
        missing.append("pages")
    if not (fields.get("doi") or fields.get("pmid")):
        missing.append("doi or pmid")
    # A field no stored record shows is left out, and the entry's note says so ("no record shows the volume").
    note = fields.get("note", "").lower()
    missing = [name for name in missing if not any(word in note for word in name.lower().split(" or "))]
    problems = []
    if missing:
        problems.append(Problem(path, entry.line, f"article `{entry.key}` lacks {', '.join(missing)}",
                                "add each field from a stored public record of the paper; if no record shows it, "
                                "say so in `note`"))
    if (pages := fields.get("pages")) and CUT_RANGE.search(pages):
        problems.append(Problem(path, entry.field_lines["pages"], f"page range `{pages}` of `{entry.key}` is cut",
                                "write the whole range, e.g. `536--545`"))
    return problems
