"""A page's references for reference managers: BibTeX (the entries as written in references.bib) and RIS
(Zotero, EndNote and NoteExpress all import it: TY/AU/TI/JO/VL/IS/SP/EP/PY/DO/ER)."""

from __future__ import annotations

import re

from shared.bibtex import Entry, names, plain, split_names

RIS_TYPES = {"article": "JOUR", "book": "BOOK", "incollection": "CHAP", "inproceedings": "CONF",
             "phdthesis": "THES", "mastersthesis": "THES", "techreport": "RPRT", "online": "ELEC", "misc": "GEN"}
RIS_LANGUAGES = {"en": "English", "zh": "Chinese"}


def to_bibtex(entries: list[Entry]) -> str:
    return "".join(f"{entry.source}\n\n" for entry in entries)


def institutions(entry: Entry) -> list[str]:
    """Authors written as one braced name: organisations, not persons."""
    return [plain(name) for name in split_names(entry.fields.get("author", "")) if name.startswith("{")]


def cited_work(entry: Entry) -> dict[str, str]:
    """What a page's JSON-LD says of a work it cites (schema.org CreativeWork)."""
    fields = entry.fields
    work = {"@type": "ScholarlyArticle" if entry.type == "article" else "CreativeWork",
            "name": plain(fields.get("title", "")), "datePublished": plain(fields.get("year", ""))}
    if authors := names(fields.get("author", "")):
        work["author"] = "; ".join(authors)
    if fields.get("journal"):
        work["isPartOf"] = plain(fields["journal"])
    if fields.get("doi"):
        work["@id"] = work["sameAs"] = f"https://doi.org/{fields['doi']}"
    elif fields.get("url"):
        work["url"] = fields["url"]
    return work


def ris_record(entry: Entry) -> list[tuple[str, str]]:
    fields = entry.fields
    tags = [("TY", RIS_TYPES.get(entry.type, "GEN")), ("ID", entry.key)]
    tags += [("AU", name) for name in names(fields.get("author", ""))]
    tags += [("A2", name) for name in names(fields.get("editor", ""))]
    tags.append(("TI", plain(fields.get("title", ""))))
    container = fields.get("journal") or fields.get("booktitle")
    if container:
        tags.append(("JO" if entry.type == "article" else "T2", plain(container)))
    for tag, name in (("VL", "volume"), ("IS", "number"), ("ET", "edition"), ("PB", "publisher"),
                      ("PB", "institution"), ("PB", "school"), ("CY", "address")):
        if fields.get(name):
            tags.append((tag, plain(fields[name])))
    pages = plain(fields.get("pages", "") or fields.get("eid", ""))
    if pages:
        start, _, end = re.sub(r"\s*[-–]+\s*", "-", pages).partition("-")
        tags.append(("SP", start))
        if end:
            tags.append(("EP", end))
    if fields.get("year"):
        tags.append(("PY", plain(fields["year"])))
    for tag, name in (("DO", "doi"), ("UR", "url"), ("SN", "isbn"), ("AN", "pmid"), ("N1", "note")):
        if fields.get(name):
            tags.append((tag, plain(fields[name])))
    if entry.language:
        tags.append(("LA", RIS_LANGUAGES[entry.language]))
    tags.append(("ER", ""))
    return tags


def to_ris(entries: list[Entry]) -> str:
    # RIS lines are `XX  - value`; the end tag is written `ER  - ` with nothing after it.
    return "".join(f"{tag}  - {value}\n" for entry in entries for tag, value in ris_record(entry) if value or tag == "ER")
