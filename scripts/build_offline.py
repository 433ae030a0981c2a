"""Build the classroom copy: site-offline/, which works opened from disk with no network, search included.

Same configuration as the site, with `extra.offline: true` (see hooks/vendored_assets.py and
hooks/search_per_language.py): file URLs instead of directory URLs, the search index inlined as a script, the
search worker run through a vendored iframe-worker. Zip site-offline/ to hand it out.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    target = REPO / (sys.argv[1] if len(sys.argv) > 1 else "site-offline")
    with tempfile.NamedTemporaryFile("w", suffix=".yml", dir=REPO, delete=False) as config:
        config.write("INHERIT: mkdocs.yml\nextra:\n  offline: true\n")
    try:
        return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config.name, "-d", str(target)],
                              cwd=REPO).returncode
    finally:
        Path(config.name).unlink()


if __name__ == "__main__":
    sys.exit(main())
