"""One search index per language, holding only that language's pages, written as UTF-8.

i18n builds every language into one combined index (site/search/search_index.json) with Chinese written as
\\uXXXX escapes, and every page downloads all of it. After the last language build, split it: site/search holds the
default language, site/<lang>/search each other language; pages of <lang> get <lang>/ as their search base.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from course.sources import DEFAULT_LANGUAGE, all_languages_built
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

OTHER_LANGUAGES = ("en",)
CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">\{"annotate": null, "base": ")([^"]*)(")')


def split_index(index: dict, lang: str) -> dict:
    """The part of a combined index that belongs to lang, with locations relative to that language's root."""
    prefix = f"{lang}/"
    if lang == DEFAULT_LANGUAGE:
        docs = [doc for doc in index["docs"] if not doc["location"].startswith(tuple(f"{o}/" for o in OTHER_LANGUAGES))]
    else:
        docs = [dict(doc, location=doc["location"][len(prefix):]) for doc in index["docs"] if doc["location"].startswith(prefix)]
    return {"config": index["config"], "docs": docs}


def write_index(index: dict, path: Path, offline: bool) -> None:
    """search_index.json; in the offline copy also search_index.js, which file:// pages load as a script."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    path.write_text(data, encoding="utf-8")
    if offline:
        path.with_suffix(".js").write_text(f"var __index = {data}", encoding="utf-8")


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    lang = config.theme["language"]
    if lang == DEFAULT_LANGUAGE:
        return output
    # The page's base points at the site root; its own language root is one level down.
    # The trailing slash matters: the bundle resolves search/search_index.json and result locations against it.
    output, count = CONFIG_BASE.subn(lambda m: f"{m.group(1)}{m.group(2)}/{lang}/{m.group(3)}", output, count=1)
    if count != 1:
        raise ValueError(f"{page.file.src_uri}: Material's __config block changed shape — update search_per_language.py")
    return output


@event_priority(-150)  # after i18n (-100) has built every language and rewritten the combined index
def on_post_build(config: MkDocsConfig) -> None:
    if not all_languages_built(config):  # a nested language build: the combined index is not final yet
        return
    root = Path(config.site_dir)
    combined_path = root / "search" / "search_index.json"
    combined = json.loads(combined_path.read_text(encoding="utf-8"))
    offline = bool(config.extra.get("offline"))
    for lang in OTHER_LANGUAGES:
        write_index(split_index(combined, lang), root / lang / "search" / "search_index.json", offline)
    write_index(split_index(combined, DEFAULT_LANGUAGE), combined_path, offline)
