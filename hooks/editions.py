"""Editions: frozen copies of each release published with mike (scripts/editions.py), and what keeps them usable.

- Version selector: Material's (extra.version.provider: mike) on the default language; its JavaScript looks for
  versions.json one level above the language root (`/course/1.1/versions.json` from an English page, where mike
  writes `/course/versions.json`), so other languages get the same selector from docs/assets/js/editions.js.
  A plain build (no mike) shows no selector: there are no editions to list.
- Redirects: mkdocs-redirects' `redirect_maps` name language-neutral pages ("old.md": "new.md"); with i18n's
  `x.zh.md`/`x.en.md` files it would find no target, so each language build gets the map with its own prefix.
- Id aliases: front matter `id_aliases: {old-id: new-id}` keeps an old section address working.
- Changes: the changelog page (`<!-- changelog -->`) and each page's note come from data/changes.yml.
- Check: every address and id of a published edition (data/editions/*.yml) still answers (hooks/checks/editions.py).
"""

from __future__ import annotations

import html
import logging
import os
import re
from functools import lru_cache
from pathlib import Path

from checks.editions import (Change, Snapshot, check_changes, check_edition, parse_changes, parse_snapshot,
                             redirect_urls)
from checks.locate import line_of
from checks.problem import Problem
from course.changes import changelog_markdown, page_note
from course.citation_text import read_edition
from course.sources import all_languages_built, page_path, read_sources
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from shared.languages import language_root

log = logging.getLogger("mkdocs.plugins.editions")
CHANGES_FILE = "data/changes.yml"
EDITIONS_DIR = "data/editions"
CHANGELOG_MARKER = re.compile(r"^<!-- changelog -->$", re.M)
ID = re.compile(r'\sid="([^"]+)"')
HEADING = re.compile(r'<h[2-6] id="([a-z0-9-]+)">(.*?)<a class="headerlink"', re.S)
NOTE_AFTER = (re.compile(r'<p class="page-dates">.*?</p>', re.S), re.compile("</h1>"))  # the first found
# What other-language pages tell Material: not its mike selector (it would ask the wrong URL), ours instead.
OWN_SELECTOR = "course-editions"


class State:
    """Collected over the language builds of one site build."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[str, str, str]] = {}  # "/en/targets/x/" -> ("targets/x", "en", built file)
        self.version: dict | None = None  # extra.version from mkdocs.yml


state = State()


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


def _languages(config: MkDocsConfig) -> tuple[str, str, list[str]]:
    """(current language, default language, all languages)."""
    i18n = config.plugins["i18n"]
    return i18n.current_language or i18n.default_language, i18n.default_language, list(i18n.all_languages)


def deployed_as() -> str | None:
    """The version mike is deploying (it builds with MIKE_DOCS_VERSION set); None in a plain build."""
    return os.environ.get("MIKE_DOCS_VERSION")


def edition_name(config: MkDocsConfig) -> str:
    return deployed_as() or read_edition(_root(config) / "CITATION.cff").name


@event_priority(-200)  # after i18n (−100) has set the language of this build and mike (0) has versioned site_url
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    lang, default, _ = _languages(config)
    if lang == default:
        global state
        version, state = state.version, State()
        state.version = version or config.extra.get("version")  # the config object is reused across languages
    if not deployed_as() or not state.version:
        config.extra.pop("version", None)
    elif lang == default:
        config.extra["version"] = dict(state.version)
    else:
        config.extra["version"] = {**state.version, "provider": OWN_SELECTOR}
    # For overrides/main.html: the edition's name, and how many levels the language root sits below the edition root.
    config.extra["edition"] = {"name": edition_name(config), "depth": 0 if lang == default else 1}
    return config


@event_priority(-200)  # after i18n has chosen this language's files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    redirects = config.plugins.get("redirects")
    if redirects is None:
        return files
    lang = _languages(config)[0]
    suffix = f".{lang}.md"
    redirects.doc_pages = {file.src_uri.removesuffix(suffix) + ".md": file for file in files.documentation_pages()
                           if file.src_uri.endswith(suffix)}
    redirects.redirects = {language_root(lang) + old: new for old, new in redirects.config["redirect_maps"].items()}
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not CHANGELOG_MARKER.search(markdown):
        return markdown
    lang = config.theme["language"]
    changes, _ = _changes(config)
    released = {snapshot.edition: snapshot.released for snapshot in _snapshots(config)[0]}
    released[edition_name(config)] = read_edition(_root(config) / "CITATION.cff").date
    text = changelog_markdown(changes, lang, read_sources(Path(config.docs_dir)), released)
    return CHANGELOG_MARKER.sub(lambda _: text, markdown)


@event_priority(-10)  # after the hooks that add the dates line under the title, which the note follows
def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    content = _add_id_aliases(content, page)
    lang = _languages(config)[0]
    sections = {section: html.unescape(re.sub(r"<[^>]+>", "", text)).strip()
                for section, text in HEADING.findall(content)}
    changelog_url = "changelog/" if config.use_directory_urls else "changelog.html"  # the offline copy has no directory URLs
    changelog = get_relative_url(f"{language_root(lang)}{changelog_url}", page.url)
    note = page_note(_changes(config)[0], page_path(page), lang, edition_name(config), sections, changelog)
    if not note:
        return content
    match = NOTE_AFTER[0].search(content) or NOTE_AFTER[1].search(content)
    return content[: match.end()] + note + content[match.end():] if match else note + content


def _add_id_aliases(content: str, page: Page) -> str:
    aliases = page.meta.get("id_aliases") or {}
    source = f"docs/{page.file.src_uri}"
    if not isinstance(aliases, dict):
        _report([Problem(source, line_of(page.file.content_string, "id_aliases:"), "`id_aliases` is not a mapping",
                         "write `id_aliases: {old-id: current-id}`")])
        return content
    for old, new in aliases.items():
        heading = re.search(rf'<h[1-6] id="{re.escape(str(new))}"', content)
        if heading is None:
            _report([Problem(source, line_of(page.file.content_string, f"{old}:"),
                             f"id alias `{old}` points at `{new}`, which the page does not have",
                             "point it at a heading id of this page")])
            continue
        # An empty element just above the heading: a link to #old lands where #new does.
        anchor = f'<span id="{html.escape(str(old))}" class="id-alias"></span>'
        content = content[: heading.start()] + anchor + content[heading.start():]
    return content


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    lang, _, _ = _languages(config)
    state.pages["/" + page.url] = (page_path(page), lang, page.file.abs_dest_path)
    return output


@event_priority(-150)  # once, after i18n (−100) has built every language
def on_post_build(config: MkDocsConfig) -> None:
    # The offline classroom copy (no directory URLs) is not a published edition: its addresses are files on disk.
    if not all_languages_built(config) or not config.use_directory_urls:
        return
    languages = _languages(config)[2]
    snapshots, problems = _snapshots(config)
    redirects = config.plugins.get("redirects")
    redirect_maps = redirects.config["redirect_maps"] if redirects else {}
    urls = redirect_urls(redirect_maps, [language_root(lang) for lang in languages])
    current = edition_name(config)
    # The files as written, not the pages as rendered: some hooks finish a page after on_post_page (the handout).
    ids, page_ids = {}, {}
    for url, (page, lang, path) in state.pages.items():
        ids[url] = frozenset(ID.findall(Path(path).read_text(encoding="utf-8")))
        page_ids.setdefault(page, {})[lang] = ids[url]
    for snapshot in snapshots:
        if snapshot.edition != current:
            problems += check_edition(snapshot, ids, urls)
    changes, change_problems = _changes(config)
    problems += change_problems
    problems += check_changes(changes, CHANGES_FILE, {s.edition for s in snapshots} | {current}, page_ids)
    _report(problems)


def _snapshots(config: MkDocsConfig) -> tuple[list[Snapshot], list[Problem]]:
    snapshots, problems = [], []
    for path in sorted((_root(config) / EDITIONS_DIR).glob("*.yml")):
        snapshot, found = parse_snapshot(path.read_text(encoding="utf-8"), f"{EDITIONS_DIR}/{path.name}")
        problems += found
        if snapshot:
            snapshots.append(snapshot)
    return snapshots, problems


def _changes(config: MkDocsConfig) -> tuple[list[Change], list[Problem]]:
    path = _root(config) / CHANGES_FILE
    return _parsed_changes(path, path.stat().st_mtime_ns) if path.exists() else ([], [])


@lru_cache(maxsize=2)  # every page asks; read the file once per change
def _parsed_changes(path: Path, mtime: int) -> tuple[list[Change], list[Problem]]:
    return parse_changes(path.read_text(encoding="utf-8"), CHANGES_FILE)


def _report(problems: list[Problem]) -> None:
    for problem in sorted(problems):
        log.warning(str(problem))
