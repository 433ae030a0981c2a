"""Front-matter `related` (14): every related page (mechanisms, targets, drugs, …) exists in both languages."""

from __future__ import annotations

from collections.abc import Collection

from .locate import line_of
from .markdown_source import LANGUAGES, Source
from .problem import Problem

def check_related(source: Source, existing_paths: Collection[str]) -> list[Problem]:
    """existing_paths: every page file, e.g. "docs/drugs/ssris.zh.md"."""
    related = source.meta.get("related")
    if related is None:
        return []
    if not isinstance(related, dict):
        return [Problem(source.path, line_of(source.text, "related:"), "front-matter `related` is not a mapping",
                        "write `related: {mechanisms: [...], targets: [...], drugs: [...]}`")]
    problems = []
    for kind, pages in related.items():
        if not isinstance(pages, list) or not all(isinstance(page, str) for page in pages):
            problems.append(Problem(source.path, line_of(source.text, f"{kind}:"),
                                    f"front-matter `related.{kind}` is not a list of page paths",
                                    f"write `{kind}: [{kind}/page-name]`"))
            continue
        for page in pages:
            missing = [f"docs/{page}.{language}.md" for language in LANGUAGES
                       if f"docs/{page}.{language}.md" not in existing_paths]
            if missing:
                problems.append(Problem(source.path, line_of(source.text, page),
                                        f"related page `{page}` does not exist ({', '.join(missing)} missing)",
                                        "use a page path under docs/ without language suffix, e.g. `drugs/ssris`"))
    return problems
