"""Shared by scripts/bench_*.py: write a script's results into its own section of BENCHMARKS.md."""

from __future__ import annotations

import platform
import re
import subprocess
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT / "BENCHMARKS.md"
HEADER = """# Benchmarks

Produced by the scripts in `scripts/bench_*.py`; each section says which command wrote it and when. Numbers from a
shared machine drift by ±25 %: compare ratios and medians, not single runs.
"""


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        model = next(l.split(":", 1)[1].strip() for l in Path("/proc/cpuinfo").read_text().splitlines() if l.startswith("model name"))
        cpu = model
    except (OSError, StopIteration):
        pass
    import os

    return f"{cpu}, {os.cpu_count()} CPU, Python {platform.python_version()}"


def write_section(name: str, command: str, body: str) -> None:
    """Replace (or append) the section between <!-- name --> markers in BENCHMARKS.md."""
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    section = (f"<!-- {name} -->\n{body.rstrip()}\n\nCommand: `{command}` — run {stamp} on {machine()}.\n<!-- /{name} -->")
    text = BENCHMARKS.read_text(encoding="utf-8") if BENCHMARKS.exists() else HEADER
    pattern = re.compile(rf"<!-- {re.escape(name)} -->.*?<!-- /{re.escape(name)} -->", re.S)
    text = pattern.sub(lambda _: section, text) if pattern.search(text) else text.rstrip() + "\n\n" + section + "\n"
    BENCHMARKS.write_text(text, encoding="utf-8")
