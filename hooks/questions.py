"""Wire the question bank (data/questions/) to the site: a quiz section at the end of every content page, and
the bank's exports for learning platforms in downloads/questions/ of each language's site.

hooks/integrity.py runs the bank's own check (hooks/checks/questions.py); abbreviations in the questions are
checked here against the glossary, as hooks/glossary_terms.py does for page sources.
"""

from __future__ import annotations

import logging
import posixpath
from collections.abc import Iterable
from pathlib import Path

from checks.abbreviations import undefined_abbreviations
from checks.markdown_source import Source
from course.glossary import load_terms
from course.questions import (EXPORTS_DIR, FORMATS, SCRIPT_STRINGS, STRINGS, Category, author_year_labels,
                              export_files, export_name, quiz_view)
from course.sources import DEFAULT_LANGUAGE, SECTIONS, content_pages, page_path, read_sources, section_of, title_of
from jinja2 import Template
from shared.bibtex import BIB_FILE
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from shared.question_bank import QuestionFile, load_bank

TEMPLATE = "partials/quiz.html"
GLOSSARY_FILE = Path("data/glossary.yml")
log = logging.getLogger("mkdocs.plugins.questions")
bank: dict[str, QuestionFile] = {}  # content page -> its questions, for the language being built
template: Template | None = None


@event_priority(-150)  # after i18n (-100) has chosen this language's files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    global template
    lang = config.theme["language"]
    root = Path(config.config_file_path).parent
    sources = read_sources(Path(config.docs_dir))
    by_page = {file.page: file for file in load_bank(root)}
    if lang == DEFAULT_LANGUAGE:
        _check_abbreviations(root, by_page.values())
    bank.clear()
    bank.update({page: by_page[page] for page in content_pages(sources, lang) if page in by_page})
    template = config.theme.get_env().get_template(TEMPLATE)  # pages are read before on_env
    categories = [(Category((config.site_name, SECTIONS[section_of(page) or ""][lang], title_of(sources, page, lang))), file)
                  for page, file in bank.items()]
    labels = author_year_labels(root / BIB_FILE)
    # i18n keeps one site_dir and puts the other languages' files under <lang>/; links resolve on src_uri.
    language_root = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    for name, content in export_files(categories, lang, labels).items():
        file = File.generated(config, f"{EXPORTS_DIR}/{name}", content=content)
        file.dest_uri = f"{language_root}{file.src_uri}"
        files.append(file)
    return files


@event_priority(60)  # before page_end.py's related block and before mkdocs-bibtex numbers the [@key] citations
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    file = bank.get(page_path(page))
    if file is None or not file.questions or template is None:
        return markdown
    lang = config.theme["language"]
    here = posixpath.dirname(page.file.src_uri) or "."
    downloads = {name: posixpath.relpath(f"{EXPORTS_DIR}/{export_name(file.page)}.{ending}", here)
                 for name, ending in FORMATS.items()}
    section = template.render(questions=quiz_view(file, lang), strings=STRINGS[lang],
                              script_strings=SCRIPT_STRINGS[lang], downloads=downloads)
    return f"{markdown.rstrip()}\n\n{section}\n"


def _check_abbreviations(root: Path, files: Iterable[QuestionFile]) -> None:
    glossary = {term.abbr for term in load_terms(root / GLOSSARY_FILE) if term.abbr}
    for file in files:
        source = Source(file.path, (root / file.path).read_text(encoding="utf-8-sig"))
        for problem in undefined_abbreviations(source, glossary):
            log.warning(str(problem))
