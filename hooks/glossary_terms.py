"""Abbreviation tooltips on every page from the one glossary file, and a loud failure for undefined ones."""

from __future__ import annotations

import logging
from pathlib import Path

from checks.abbreviations import undefined_abbreviations
from checks.markdown_source import Source
from course.glossary import abbreviation_definitions, abbreviations_used, load_terms
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

GLOSSARY_FILE = Path("data/glossary.yml")
log = logging.getLogger("mkdocs.plugins.glossary")


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    terms = load_terms(Path(config.config_file_path).parent / GLOSSARY_FILE)
    source = Source(f"docs/{page.file.src_uri}", Path(page.file.abs_src_path).read_text(encoding="utf-8"))
    for problem in undefined_abbreviations(source, {t.abbr for t in terms if t.abbr}):
        log.warning(str(problem))
    used = abbreviations_used(markdown)
    return f"{markdown}\n\n{abbreviation_definitions(terms, config.theme['language'], used)}\n"
