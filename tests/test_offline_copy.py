"""The classroom copy (scripts/course offline): works from disk, search included, nothing from another host."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("offline")
    result = subprocess.run([sys.executable, "scripts/build_offline.py", str(target)], cwd=REPO,
                            capture_output=True, text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr[-3000:]
    return target


def test_links_name_files_not_directories(offline_site: Path) -> None:
    html = (offline_site / "mechanisms/monoamine.html").read_text(encoding="utf-8")
    hrefs = [h for h in re.findall(r'<a href="([^"#:]*)"', html) if h]
    # Pages end in .html; downloads (references, question exports) are files with their own suffix and must exist.
    directories = [h for h in hrefs if not re.search(r"\.\w+$", h) or not (offline_site / "mechanisms" / h).resolve().is_file()]
    assert hrefs and directories == [], directories[:5]


@pytest.mark.parametrize("index", ["search/search_index.js", "en/search/search_index.js"])
def test_search_index_is_inlined_per_language(offline_site: Path, index: str) -> None:
    script = (offline_site / index).read_text(encoding="utf-8")
    assert script.startswith("var __index = {")


def test_search_worker_shim_is_local(offline_site: Path) -> None:
    html = (offline_site / "index.html").read_text(encoding="utf-8")
    assert 'src="assets/vendor/iframe-worker-shim.js"' in html
    assert (offline_site / "assets/vendor/iframe-worker-shim.js").is_file()
    assert not [p for p in offline_site.rglob("*.html") if "unpkg" in p.read_text(encoding="utf-8")]
