"""Show under each page title when its content was last reviewed (front matter) and last updated (git)."""

from __future__ import annotations

import subprocess
from datetime import date
from functools import lru_cache
from pathlib import Path

from course.sources import COLON
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

LABELS = {"zh": ("最后审阅", "最后更新"), "en": ("Last reviewed", "Last updated")}


@lru_cache(maxsize=1)
def last_commit_dates(repo: str) -> dict[str, str]:
    """{path relative to the repo: ISO date of its last commit}, from one `git log` over the whole history."""
    try:
        log = subprocess.run(["git", "-C", repo, "log", "--format=%x00%cs", "--name-only"],
                             capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}  # not a git checkout (e.g. a downloaded archive): fall back to file dates
    dates: dict[str, str] = {}
    for record in log.split("\x00")[1:]:
        day, *paths = record.strip().split("\n")
        for path in paths:
            dates.setdefault(path, day)
    return dates


def last_updated(src: Path, repo: Path) -> str:
    committed = last_commit_dates(repo.as_posix()).get(src.relative_to(repo).as_posix())
    return committed or date.fromtimestamp(src.stat().st_mtime).isoformat()


def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    lang = config.theme["language"]
    repo = Path(config.config_file_path).parent
    updated = last_updated(Path(page.file.abs_src_path), repo)
    reviewed_label, updated_label = LABELS[lang]
    parts = [f"{reviewed_label}{COLON[lang]}{page.meta['reviewed']}"] if page.meta.get("reviewed") else []
    parts.append(f"{updated_label}{COLON[lang]}{updated}")
    line = f'<p class="page-dates">{" · ".join(parts)}</p>'
    head, sep, rest = content.partition("</h1>")
    return f"{head}{sep}\n{line}{rest}" if sep else f"{line}\n{content}"
