"""How much the integrity hooks add to a build of the real site: build N times with them on and off, interleaved.

"Off" builds with a temporary copy of mkdocs.yml, next to it (relative paths keep working), without
hooks/integrity.py. Strict mode is off so that a warning does not cut a build short.

    python scripts/bench_hooks.py [-n 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOOK_LINE = "  - hooks/integrity.py\n"


def build_seconds(config: Path, site_dir: str) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--no-strict", "-q", "-f", str(config), "-d", site_dir],
        cwd=ROOT, check=True, capture_output=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=5, help="builds per variant (default 5)")
    runs = parser.parse_args().n

    config = ROOT / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if HOOK_LINE not in text:
        sys.exit(f"{config}: no line {HOOK_LINE.strip()!r} to remove")
    with tempfile.NamedTemporaryFile("w", dir=ROOT, prefix=".bench-", suffix=".yml", delete=False) as off:
        off.write(text.replace(HOOK_LINE, ""))
    times: dict[str, list[float]] = {"on": [], "off": []}
    try:
        with tempfile.TemporaryDirectory() as site_dir:
            build_seconds(config, site_dir)  # warm caches (jieba, pandoc, bytecode) before measuring
            for _ in range(runs):
                times["on"].append(build_seconds(config, site_dir))
                times["off"].append(build_seconds(Path(off.name), site_dir))
    finally:
        os.unlink(off.name)

    for variant, seconds in times.items():
        print(f"hooks {variant:3}: min {min(seconds):.2f} s, median {statistics.median(seconds):.2f} s ({runs} builds)")
    ratio = statistics.median(times["on"]) / statistics.median(times["off"])
    print(f"on/off ratio (median): {ratio:.3f} — {(ratio - 1) * 100:+.1f} % (goal: ≤ +10 %)")


if __name__ == "__main__":
    main()
