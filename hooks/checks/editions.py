"""A cited address never dies, and the change records name what exists.

Every published edition leaves a list of its page addresses and the ids on each page in
data/editions/<edition>.yml (`scripts/course snapshot`). A later build must still serve each address — or redirect
it (mkdocs-redirects `redirect_maps`, language-neutral paths `"old.md": "new.md"`) — and keep each id on the page
(or on the redirect's target), or keep the old id as an alias (front matter `id_aliases: {old-id: new-id}`).

Addresses are relative to an edition's root, language prefix included: "/", "/en/", "/targets/x/", "/en/targets/x/".
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import yaml

from .problem import Problem

KINDS = ("correction", "new-study", "translation-fix", "new-content")
LANGUAGES = ("zh", "en")


@dataclass(frozen=True)
class PublishedPage:
    url: str  # "/en/targets/x/"
    line: int
    ids: tuple[tuple[str, int], ...]  # (id, line in the snapshot file)


@dataclass(frozen=True)
class Snapshot:
    path: str  # "data/editions/1.0.yml"
    edition: str  # "1.0"
    version: str  # "1.0.0"
    released: str
    commit: str | None  # the commit the edition was built from
    unversioned: bool  # published at the site root before editions existed (its citations carry no edition)
    pages: tuple[PublishedPage, ...]


@dataclass(frozen=True)
class Change:
    line: int
    edition: str
    page: str  # language-neutral page path, or a glob over them: "targets/glutamate-nmda", "*/*" (content pages)
    ids: tuple[str, ...]
    kind: str
    why: Mapping[str, str]  # per language


def dump_snapshot(edition: str, version: str, released: str, commit: str | None, unversioned: bool,
                  pages: Mapping[str, Iterable[str]]) -> str:
    """One id per line, so that a problem can name the line of the id that went missing."""
    lines = [f"# Edition {edition}: every page address and section id it published, relative to the edition's root.",
             "# Written by `scripts/course snapshot` when the edition was released; do not edit. The build fails when",
             "# a later edition loses one of them without a redirect or an id alias (hooks/checks/editions.py).",
             f'edition: "{edition}"', f'version: "{version}"', f'released: "{released}"']
    if commit:
        lines.append(f"commit: {commit}")
    if unversioned:
        lines.append("unversioned: true  # published at the site root: its citations' addresses carry no edition")
    lines.append("pages:")
    for url in sorted(pages):
        ids = sorted(set(pages[url]))
        lines.append(f'  "{url}":' + ("" if ids else " []"))
        lines.extend(f"    - {section}" for section in ids)
    return "\n".join(lines) + "\n"


def parse_snapshot(text: str, path: str) -> tuple[Snapshot | None, list[Problem]]:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        line = getattr(getattr(error, "problem_mark", None), "line", 0) + 1
        return None, [Problem(path, line, f"not valid YAML ({error})", "regenerate it with `scripts/course snapshot`")]
    fields = _mapping(root)
    pages_node = fields.get("pages")
    if "edition" not in fields or not isinstance(pages_node, yaml.MappingNode):
        return None, [Problem(path, 1, "no `edition` or no `pages` mapping",
                              "regenerate it with `scripts/course snapshot`")]
    pages = []
    for key, value in pages_node.value:
        ids = tuple((item.value, item.start_mark.line + 1) for item in getattr(value, "value", [])
                    if isinstance(item, yaml.ScalarNode))
        pages.append(PublishedPage(key.value, key.start_mark.line + 1, ids))
    scalar = {name: node.value for name, node in fields.items() if isinstance(node, yaml.ScalarNode)}
    return Snapshot(path=path, edition=scalar["edition"], version=scalar.get("version", ""),
                    released=scalar.get("released", ""), commit=scalar.get("commit"),
                    unversioned=scalar.get("unversioned") == "true", pages=tuple(pages)), []


def url_of(neutral_md: str, prefix: str = "") -> str:
    """"targets/x.md" -> "/targets/x/"; "targets/index.md" and "index.md" -> "/targets/", "/"; prefix "en/"."""
    stem = neutral_md.removesuffix(".md")
    stem = "" if stem == "index" else stem.removesuffix("/index")
    return "/" + prefix + (f"{stem}/" if stem else "")


def redirect_urls(redirect_maps: Mapping[str, str], prefixes: Iterable[str]) -> dict[str, str]:
    """mkdocs-redirects' language-neutral map as addresses in every language: {"/en/old/": "/en/new/#id"}."""
    urls = {}
    for prefix in prefixes:
        for old, new in redirect_maps.items():
            target, _, fragment = str(new).partition("#")
            if target.startswith(("http://", "https://")):
                urls[url_of(old, prefix)] = str(new)
            else:
                urls[url_of(old, prefix)] = url_of(target, prefix) + (f"#{fragment}" if fragment else "")
    return urls


def check_edition(snapshot: Snapshot, current: Mapping[str, frozenset[str]],
                  redirects: Mapping[str, str]) -> list[Problem]:
    """current: {address: ids} of this build (all languages); redirects: from redirect_urls."""
    problems = []
    for page in snapshot.pages:
        ids, where = current.get(page.url), page.url
        if ids is None and page.url in redirects:
            target = redirects[page.url]
            if target.startswith(("http://", "https://")):
                continue
            where, fragment = target.split("#")[0], "#" in target
            ids = current.get(where)
            if ids is None:
                problems.append(Problem(snapshot.path, page.line,
                                        f"`{page.url}` (edition {snapshot.edition}) redirects to `{where}`, which this "
                                        "build does not have", "redirect it to a page that exists"))
                continue
            if fragment:  # mkdocs-redirects appends the reader's #id to the target's own: the id cannot survive
                continue
        if ids is None:
            problems.append(Problem(
                snapshot.path, page.line, f"`{page.url}` of edition {snapshot.edition} is gone from this build",
                f'restore the page, or redirect its address: mkdocs.yml `redirects: redirect_maps:` '
                f'`"{_neutral_md(page.url)}": "<new page>.md"`'))
            continue
        for section, line in page.ids:
            if section in ids:
                continue
            on = f"`{where}`" + (f" (where `{page.url}` now redirects)" if where != page.url else "")
            problems.append(Problem(
                snapshot.path, line, f"`{page.url}#{section}` (edition {snapshot.edition}): {on} has no id `{section}`",
                f"keep the id, or add `id_aliases: {{{section}: <new-id>}}` to the front matter of "
                f"docs/{_neutral_md(where).removesuffix('.md')}.<zh|en>.md"))
    return problems


def parse_changes(text: str, path: str) -> tuple[list[Change], list[Problem]]:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        line = getattr(getattr(error, "problem_mark", None), "line", 0) + 1
        return [], [Problem(path, line, f"not valid YAML ({error})", "fix the YAML syntax")]
    records = _mapping(root).get("changes")
    if not isinstance(records, yaml.SequenceNode):
        return [], [Problem(path, 1, "no `changes:` list", "write `changes:` followed by one record per change")]
    changes, problems = [], []
    for node in records.value:
        line = node.start_mark.line + 1
        data = yaml.safe_load(yaml.serialize(node)) if isinstance(node, yaml.MappingNode) else None
        if not isinstance(data, dict):
            problems.append(Problem(path, line, "a change record is not a mapping", "write edition, page, kind, why"))
            continue
        why = data.get("why") if isinstance(data.get("why"), dict) else {}
        missing = [name for name in ("edition", "page", "kind") if not data.get(name)]
        missing += [f"why.{lang}" for lang in LANGUAGES if not str(why.get(lang) or "").strip()]
        if missing:
            problems.append(Problem(path, line, f"change record without {', '.join(missing)}",
                                    "give edition, page, kind and why in both languages (why: {zh: …, en: …})"))
            continue
        if data["kind"] not in KINDS:
            problems.append(Problem(path, line, f"unknown kind `{data['kind']}`", f"use one of {', '.join(KINDS)}"))
            continue
        ids = data.get("ids") or []
        if not isinstance(ids, list):
            problems.append(Problem(path, line, "`ids` is not a list", "write `ids: [section-id, …]`"))
            continue
        changes.append(Change(line, str(data["edition"]), str(data["page"]), tuple(map(str, ids)), data["kind"],
                              {lang: str(why[lang]).strip() for lang in LANGUAGES}))
    return changes, problems


def pages_matching(change: Change, pages: Iterable[str]) -> list[str]:
    return sorted(page for page in pages if fnmatch.fnmatchcase(page, change.page))


def check_changes(changes: Iterable[Change], path: str, editions: Iterable[str],
                  page_ids: Mapping[str, Mapping[str, frozenset[str]]]) -> list[Problem]:
    """page_ids: {language-neutral page: {language: ids}} of this build; editions: the ones that exist."""
    known = set(editions)
    problems = []
    for change in changes:
        if change.edition not in known:
            problems.append(Problem(path, change.line, f"edition `{change.edition}` is neither published nor this one",
                                    f"use one of {', '.join(sorted(known))}"))
        matched = pages_matching(change, page_ids)
        if not matched:
            problems.append(Problem(path, change.line, f"page `{change.page}` matches no page of this build",
                                    "use a page path under docs/ without language suffix, e.g. `drugs/ssris`"))
            continue
        if change.ids and matched != [change.page]:
            problems.append(Problem(path, change.line, f"`ids` given for the pattern `{change.page}`",
                                    "name one page to list section ids"))
            continue
        for section in change.ids:
            missing = [lang for lang, ids in page_ids[change.page].items() if section not in ids]
            if missing:
                problems.append(Problem(path, change.line,
                                        f"`{change.page}` has no section `{section}` ({', '.join(missing)})",
                                        "use an id from the page's headings, e.g. `## … {#section-id}`"))
    return problems


def _mapping(node: yaml.Node | None) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {key.value: value for key, value in node.value if isinstance(key, yaml.ScalarNode)}


def _neutral_md(url: str) -> str:
    """"/en/targets/x/" -> "targets/x.md" (the language prefix is dropped: redirect_maps are language-neutral)."""
    path = url.strip("/")
    for lang in LANGUAGES:
        if path == lang or path.startswith(f"{lang}/"):
            path = path[len(lang):].lstrip("/")
            break
    return f"{path}.md" if path else "index.md"
