"""Finding the source line a problem seen in built HTML came from."""

from __future__ import annotations


def line_of(text: str, *needles: str) -> int:
    """The line of the first needle found in text; 1 (the whole file) when none is found."""
    for needle in needles:
        if not needle:
            continue
        index = text.find(needle)
        if index >= 0:
            return text.count("\n", 0, index) + 1
    return 1
