"""Translation parity (10–12): each page exists in both languages, with the same sections in the same order, the
same citations and the same shared front matter.
"""

from __future__ import annotations

from collections.abc import Collection
import re
from typing import Any

from .citations import citations
from .headings import heading_ids
from .locate import line_of
from .markdown_source import Source, counterpart_path
from .problem import Problem

SHARED_META = ("source", "related", "reviewed", "evidence", "key_refs")
HAN = re.compile(r"[\u3400-\u9fff]")


def check_counterparts(paths: Collection[str]) -> list[Problem]:
    """paths: every page file, e.g. "docs/drugs/ssris.zh.md"."""
    return [
        Problem(path, 1, f"page has no counterpart {counterpart_path(path)}",
                "write the translation (the build never fills it in from the other language)")
        for path in sorted(paths)
        if counterpart_path(path) not in paths
    ]


def check_pair(zh: Source, en: Source) -> list[Problem]:
    return _check_heading_ids(zh, en) + _check_cited_keys(zh, en) + _check_shared_meta(zh, en)


def _check_heading_ids(zh: Source, en: Source) -> list[Problem]:
    zh_ids, en_ids = heading_ids(zh), heading_ids(en)
    problems = _only_in_one("heading id", zh, zh_ids, en, en_ids) + _only_in_one("heading id", en, en_ids, zh, zh_ids)
    if problems:
        return problems
    for (line, en_id), (_, zh_id) in zip(en_ids, zh_ids):
        if en_id != zh_id:
            return [Problem(en.path, line, f"heading `#{en_id}` stands where {zh.path} has `#{zh_id}`",
                            f"order the sections as in {zh.path}")]
    return []


def _check_cited_keys(zh: Source, en: Source) -> list[Problem]:
    zh_keys = [(citation.line, citation.key) for citation in citations(zh) if citation.key]
    en_keys = [(citation.line, citation.key) for citation in citations(en) if citation.key]
    return _only_in_one("citation", zh, zh_keys, en, en_keys) + _only_in_one("citation", en, en_keys, zh, zh_keys)


def _only_in_one(kind: str, source: Source, items: list[tuple[int, str]], other: Source,
                 other_items: list[tuple[int, str]]) -> list[Problem]:
    """A problem at each item of source that other lacks (reported once per item)."""
    others = {item for _, item in other_items}
    problems, reported = [], set()
    for line, item in items:
        if item not in others and item not in reported:
            reported.add(item)
            problems.append(Problem(source.path, line, f"{kind} `{item}` is not in {other.path}",
                                    f"add it to {other.path} too, or remove it here"))
    return problems


def _check_shared_meta(zh: Source, en: Source) -> list[Problem]:
    zh_meta, en_meta = zh.meta, en.meta
    return [
        Problem(en.path, line_of(en.text, f"{name}:"),
                f"front-matter `{name}` differs from {zh.path} ({_show(en_meta.get(name))} vs {_show(zh_meta.get(name))})",
                "use the same value in both languages; only names may be translated")
        for name in SHARED_META
        if not _same_apart_from_names(zh_meta.get(name), en_meta.get(name))
    ]


def _same_apart_from_names(zh: Any, en: Any) -> bool:
    """Equal, except that a Chinese string may stand where the English page has its translation (a drug's name)."""
    if isinstance(zh, dict) and isinstance(en, dict):
        return zh.keys() == en.keys() and all(_same_apart_from_names(zh[key], en[key]) for key in zh)
    if isinstance(zh, list) and isinstance(en, list):
        return len(zh) == len(en) and all(map(_same_apart_from_names, zh, en))
    if isinstance(zh, str) and isinstance(en, str) and HAN.search(zh):
        return True
    return zh == en


def _show(value: Any) -> str:
    return "missing" if value is None else f"`{value}`"
