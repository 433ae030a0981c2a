"""All page sources of the course, read once per build and shared by every language build."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from checks.markdown_source import LANGUAGES, Source
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from shared.languages import default_language

DEFAULT_LANGUAGE = default_language()
# Punctuation that differs between the languages in generated text.
COLON = {"zh": "：", "en": ": "}
LIST_SEPARATOR = {"zh": "、", "en": ", "}


def page_path(page: Page) -> str:
    """Language-neutral page path of a page being built: "drugs/ssris.en.md" -> "drugs/ssris"."""
    return page.file.src_uri.rsplit(".", 2)[0]


def all_languages_built(config: MkDocsConfig) -> bool:
    """True in the outermost on_post_build, once i18n has built every language (site-wide files are final)."""
    return not config.plugins["i18n"].building

# Section of the course each top-level folder belongs to, in reading order, with its name in each language.
SECTIONS: dict[str, dict[str, str]] = {
    "intro": {"zh": "导论", "en": "Introduction"},
    "drugs": {"zh": "药物类别", "en": "Drug classes"},
    "mechanisms": {"zh": "作用机制", "en": "Mechanisms"},
    "targets": {"zh": "新型靶点", "en": "Novel targets"},
    "clinical": {"zh": "临床应用", "en": "Clinical use"},
    "future": {"zh": "未来方向", "en": "Future directions"},
}


def read_sources(docs_dir: Path) -> dict[tuple[str, str], Source]:
    """{(page, lang): Source} for every .zh.md / .en.md page under docs_dir."""
    stamp = tuple(sorted((p.as_posix(), p.stat().st_mtime_ns) for p in docs_dir.rglob("*.md")))
    return _read_sources(docs_dir.as_posix(), stamp)


@lru_cache(maxsize=2)
def _read_sources(docs_dir: str, stamp: tuple) -> dict[tuple[str, str], Source]:
    root = Path(docs_dir)
    repo = root.parent
    sources: dict[tuple[str, str], Source] = {}
    for file, _ in stamp:
        path = Path(file)
        if not path.name.endswith((".zh.md", ".en.md")) or "includes" in path.relative_to(root).parts:
            continue
        source = Source(path.relative_to(repo).as_posix(), path.read_text(encoding="utf-8"))
        sources[(source.page, source.lang)] = source
    return sources


def title_of(sources: dict[tuple[str, str], Source], page: str, lang: str) -> str:
    meta = sources[(page, lang)].meta
    if "title" not in meta:
        raise KeyError(f"docs/{page}.{lang}.md: no title in front matter — add `title:`")
    return str(meta["title"])


def section_of(page: str) -> str | None:
    head = page.split("/", 1)[0]
    return head if head in SECTIONS and "/" in page else None


def content_pages(sources: dict[tuple[str, str], Source], lang: str) -> list[str]:
    """Pages of the course proper (inside a section folder), in section order then path order."""
    order = list(SECTIONS)
    pages = [page for (page, page_lang) in sources if page_lang == lang and section_of(page)]
    return sorted(pages, key=lambda page: (order.index(section_of(page) or ""), page != f"{section_of(page)}/index", page))


__all__ = ["LANGUAGES", "DEFAULT_LANGUAGE", "COLON", "LIST_SEPARATOR", "SECTIONS", "page_path", "all_languages_built",
           "read_sources", "title_of", "section_of", "content_pages"]
