"""The one shape every check reports in: ``docs/path.md:LINE: what is wrong — how to fix it``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the repository root, e.g. "docs/drugs/ssris.zh.md" or "references.bib"
    line: int  # 1-based; 1 when the problem concerns the whole file
    what: str
    fix: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.what} — {self.fix}"
