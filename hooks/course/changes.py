"""What changed in each edition: the changelog page and each page's "changes in this edition" note, both from the
change records in data/changes.yml (never typed twice)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping

from checks.editions import KINDS, Change, pages_matching
from checks.markdown_source import Source

from course.sources import COLON, LIST_SEPARATOR, title_of

KIND_LABELS = {
    "zh": {"correction": "更正", "new-study": "新研究", "translation-fix": "译文修订", "new-content": "新内容"},
    "en": {"correction": "Correction", "new-study": "New study", "translation-fix": "Translation fix",
           "new-content": "New content"},
}
LABELS = {
    "zh": {"edition": "{} 版", "released": "发布日期：{}。", "unreleased": "尚未发布。", "note": "本版（{}）对本页的更改",
           "all": "各版本的全部更改", "every-page": "所有页面", "every-content-page": "所有内容页"},
    "en": {"edition": "Edition {}", "released": "Released {}.", "unreleased": "Not released yet.",
           "note": "Changes to this page in this edition ({})", "all": "All changes, edition by edition",
           "every-page": "Every page", "every-content-page": "Every content page"},
}
HEADING = re.compile(r"^#{2,6}\s+(.+?)\s*\{#([a-z0-9-]+)[^}]*\}\s*$", re.M)
PATTERN_NAMES = {"*": "every-page", "*/*": "every-content-page"}


def edition_id(edition: str) -> str:
    return "edition-" + edition.replace(".", "-")


def section_titles(source: Source) -> dict[str, str]:
    return {section: title for title, section in HEADING.findall(source.text)}


def _edition_order(edition: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", edition))


def changelog_markdown(changes: Iterable[Change], lang: str, sources: Mapping[tuple[str, str], Source],
                       released: Mapping[str, str | None]) -> str:
    """Newest edition first; within an edition, by kind. released: {edition: ISO date, or None if not yet}."""
    labels = LABELS[lang]
    pages = [page for page, page_lang in sources if page_lang == lang]
    by_edition: dict[str, list[Change]] = {}
    for change in changes:
        by_edition.setdefault(change.edition, []).append(change)
    out = []
    for edition in sorted(by_edition, key=_edition_order, reverse=True):
        day = released.get(edition)
        out += [f"## {labels['edition'].format(edition)} {{#{edition_id(edition)}}}", "",
                labels["released"].format(day) if day else labels["unreleased"], ""]
        for change in sorted(by_edition[edition], key=lambda c: KINDS.index(c.kind)):
            out.append(f"- **{KIND_LABELS[lang][change.kind]}** · {_where(change, lang, sources, pages)}"
                       f"{COLON[lang]}{change.why[lang]}")
        out.append("")
    return "\n".join(out)


def _where(change: Change, lang: str, sources: Mapping[tuple[str, str], Source], pages: list[str]) -> str:
    if change.page in PATTERN_NAMES:
        return LABELS[lang][PATTERN_NAMES[change.page]]
    matched = pages_matching(change, pages)
    if change.ids:
        titles = section_titles(sources[(change.page, lang)])
        sections = LIST_SEPARATOR[lang].join(f"[{titles.get(s, s)}]({change.page}.md#{s})" for s in change.ids)
        return f"{title_of(sources, change.page, lang)} › {sections}"
    return LIST_SEPARATOR[lang].join(f"[{title_of(sources, page, lang)}]({page}.md)" for page in matched)


def page_note(changes: Iterable[Change], page: str, lang: str, edition: str, section_text: Mapping[str, str],
              changelog_href: str) -> str:
    """The "changes in this edition" note for one page, or "" when this edition did not change it.

    section_text: {id: heading text} of the page as rendered, to name the sections changed.
    """
    mine = [c for c in changes if c.edition == edition and pages_matching(c, [page])]
    if not mine:
        return ""
    labels = LABELS[lang]
    items = []
    for change in sorted(mine, key=lambda c: KINDS.index(c.kind)):
        where = LIST_SEPARATOR[lang].join(f'<a href="#{s}">{html.escape(section_text.get(s, s))}</a>'
                                          for s in change.ids)
        label = KIND_LABELS[lang][change.kind] + (f"（{where}）" if where and lang == "zh" else
                                                  f" ({where})" if where else "")
        items.append(f"<li><strong>{label}</strong>{COLON[lang]}{html.escape(change.why[lang])}</li>")
    return (f'<div class="admonition info edition-changes" role="note">'
            f'<p class="admonition-title">{labels["note"].format(edition)}</p>'
            f'<ul>{"".join(items)}</ul>'
            f'<p><a href="{changelog_href}#{edition_id(edition)}">{labels["all"]}</a></p></div>')
