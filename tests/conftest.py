"""The real site, built once per test session with the project's own configuration (`mkdocs build --strict`)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SITE_URL = "https://antidepressant-course.github.io/course/"


def build_site(target: Path, config: Path = REPO / "mkdocs.yml", **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(target)],
        cwd=REPO, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The strict build; COURSE_SITE_DIR=<dir> reuses a site already built from this tree (while iterating)."""
    if os.environ.get("COURSE_SITE_DIR"):
        return Path(os.environ["COURSE_SITE_DIR"])
    target = tmp_path_factory.mktemp("site")
    result = build_site(target, SITE_URL=SITE_URL)
    assert result.returncode == 0, f"strict build failed:\n{result.stderr[-4000:]}"
    assert "WARNING" not in result.stderr, result.stderr[-4000:]
    return target


def copy_mini_site(target: Path) -> Path:
    """A copy of tests/fixtures/mini-site whose hook and override paths (relative to mkdocs.yml) still resolve."""
    shutil.copytree(REPO / "tests" / "fixtures" / "mini-site", target)
    config = target / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("../../../", f"{REPO}/"), encoding="utf-8")
    return config


def page_pairs() -> list[str]:
    """Language-neutral page paths, from the Chinese sources (parity is checked separately)."""
    return sorted(p.relative_to(REPO / "docs").as_posix()[: -len(".zh.md")] for p in (REPO / "docs").rglob("*.zh.md"))


def built_path(site: Path, page: str, lang: str) -> Path:
    """docs/drugs/ssris -> site/drugs/ssris/index.html (zh) or site/en/drugs/ssris/index.html (en)."""
    root = site if lang == "zh" else site / "en"
    if page == "index":
        return root / "index.html"
    if page.endswith("/index"):
        page = page[: -len("/index")]
    return root / page / "index.html"
