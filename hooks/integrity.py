"""Wire the integrity checks in hooks/checks/ to MkDocs events; every problem is a warning, so --strict fails.

mkdocs-static-i18n runs this hook once per language: the default language first, then each other language in a
build nested inside the default build's on_post_build. Markdown and bibliography checks read all sources once,
in the default build; checks over built HTML run in every language build on that build's own pages.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from checks.bibliography import check_bibliography, parse_bibliography
from checks.citations import check_citations, cited_keys, citations
from checks.frontmatter import check_related
from checks.headings import check_headings
from checks.links import Build, check_links
from checks.markdown_source import LANG_SUFFIX, Source, counterpart_path
from checks.parity import check_counterparts, check_pair
from checks.problem import Problem
from checks.questions import check_questions
from checks.rendered_citations import check_rendered_citations
from checks.rendered_references import check_exports, check_reference_lists
from checks.rendered_page import RenderedPage, parse_page
from checks.disputed_figures import disputed_figure_problems
from course.sources import DEFAULT_LANGUAGE, content_pages, read_sources
from shared.bibtex import BIB_FILE
from shared.languages import language_root
from shared.question_bank import load_bank

log = logging.getLogger("mkdocs.plugins.integrity")


@dataclass
class Tally:
    pages: int = 0
    links: int = 0
    anchors: int = 0
    citations: int = 0
    entries: int = 0
    problems: int = 0


tally = Tally()
build_files: frozenset[str] = frozenset()
rendered: list[tuple[RenderedPage, Source]] = []
bib_lines: dict[str, int] = {}  # entry key -> its line in references.bib, for problems seen in reference lists


@event_priority(100)  # before hooks/references.py renders references.bib, so its problems come first
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if _is_default_language_build(config):
        global tally
        tally = Tally()
        _report(_check_sources(config))
    return config


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    global build_files, rendered
    build_files = frozenset(unquote(file.url).removeprefix("./").removesuffix("index.html") for file in files)
    rendered = []
    return env


@event_priority(-50)  # after other hooks have added their content to the page
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # content_string also serves pages that other plugins generate without a file on disk.
    source = Source(_relative(os.path.join(config.docs_dir, page.file.src_uri), config), page.file.content_string)
    rendered.append((parse_page(page.url.removeprefix("./"), output), source))
    return output


def on_post_build(config: MkDocsConfig) -> None:
    # Priority 0 runs before i18n's nested build of the other languages (−100): these are this language's pages.
    build = Build(
        language=_current_language(config),
        language_roots=_language_roots(config),
        files=build_files,
        page_ids={page.url: page.ids for page, _ in rendered},
    )
    problems = check_links(rendered, build)
    for page, source in rendered:
        problems += check_rendered_citations(page, source)
        problems += check_reference_lists(page, source, bib_lines, BIB_FILE)
        problems += check_exports(page, source, _exports(page, config))
    tally.pages += len(rendered)
    tally.links += sum(len(page.links) for page, _ in rendered)
    tally.anchors += sum("#" in link.url for page, _ in rendered for link in page.links)
    _report(problems)
    if _is_last_language_build(config):
        log.info(
            "integrity: checked %d pages, %d links, %d anchors, %d citations, %d entries — %d problems",
            tally.pages, tally.links, tally.anchors, tally.citations, tally.entries, tally.problems,
        )


def _check_sources(config: MkDocsConfig) -> list[Problem]:
    """Markdown-level checks (1, 2, 10–14) and the bibliography (4), over every page of every language."""
    sources = [Source(_relative(str(path), config), path.read_text(encoding="utf-8-sig"))
               for path in sorted(Path(config.docs_dir).rglob("*.md")) if LANG_SUFFIX.search(path.name)]
    by_path = {source.path: source for source in sources}
    bib_path = os.path.join(_root(config), BIB_FILE)
    with open(bib_path, encoding="utf-8") as bib:
        entries, problems = parse_bibliography(bib.read(), _relative(bib_path, config))
    bib_keys = {entry.key for entry in entries}
    bib_lines.clear()
    bib_lines.update({entry.key: entry.line for entry in entries})
    problems += check_counterparts(by_path)
    problems += disputed_figure_problems(sources, Path(_root(config)))
    problems += check_questions(load_bank(Path(_root(config))), content_pages(read_sources(Path(config.docs_dir)), DEFAULT_LANGUAGE), by_path)
    for source in sources:
        problems += check_headings(source) + check_related(source, by_path) + check_citations(source, bib_keys)
        if source.lang == "zh" and (en := by_path.get(counterpart_path(source.path))):
            problems += check_pair(source, en)
    cited = set().union(*(cited_keys(source) for source in sources))
    problems += check_bibliography(entries, cited, _relative(bib_path, config))
    tally.citations += sum(len(citations(source)) for source in sources)
    tally.entries += len(entries)
    return problems


def _exports(page: RenderedPage, config: MkDocsConfig) -> dict[str, str]:
    """The reference exports a page links to, as written into the site ("" when the file is missing)."""
    exports = {}
    for href in page.downloads:
        path = Path(config.site_dir, os.path.normpath(os.path.join(os.path.dirname(page.url + "x"), href)))
        exports[href] = path.read_text(encoding="utf-8") if path.is_file() else ""
    return exports


def _report(problems: list[Problem]) -> None:
    for problem in sorted(problems):
        log.warning(str(problem))
    tally.problems += len(problems)


def _root(config: MkDocsConfig) -> str:
    return os.path.dirname(os.path.abspath(config.config_file_path))


def _relative(path: str, config: MkDocsConfig) -> str:
    """Paths in messages are relative to the directory of mkdocs.yml: `docs/…` and `references.bib`."""
    return os.path.relpath(path, _root(config)).replace(os.sep, "/")


def _current_language(config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    return i18n.current_language if i18n else config.theme.language


def _is_default_language_build(config: MkDocsConfig) -> bool:
    """Before i18n's own on_config (−100) has run for the first time, its current language is still None."""
    i18n = config.plugins.get("i18n")
    return i18n is None or i18n.current_language in (None, i18n.default_language)


def _is_last_language_build(config: MkDocsConfig) -> bool:
    """i18n builds the default language first, then the others in their configured order."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return True
    others = [language for language in i18n.build_languages if language != i18n.default_language]
    return i18n.current_language == (others[-1] if others else i18n.default_language)


def _language_roots(config: MkDocsConfig) -> dict[str, str]:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return {config.theme.language: ""}
    return {language: language_root(language) for language in i18n.all_languages}
