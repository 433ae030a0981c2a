"""Reading a page's Markdown source: front matter, line numbers, and text outside code.

Checks run over the whole file (front matter included) so that reported line numbers match the editor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import PurePosixPath
from typing import Any

import yaml

FRONT_MATTER = re.compile(r"\A---\s*\n(.*?\n)---\s*\n", re.S)
FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})")
INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
LANG_SUFFIX = re.compile(r"\.(zh|en)\.md$")
LANGUAGES = ("zh", "en")
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Source:
    path: str  # e.g. "docs/drugs/ssris.zh.md"
    text: str

    @property
    def lang(self) -> str:
        match = LANG_SUFFIX.search(self.path)
        if not match:
            raise ValueError(f"{self.path}: page file names end in .zh.md or .en.md")
        return match.group(1)

    @property
    def page(self) -> str:
        """Language-neutral page path under docs/, e.g. "drugs/ssris"."""
        rel = PurePosixPath(self.path).relative_to("docs").as_posix()
        return LANG_SUFFIX.sub("", rel)

    @cached_property  # every hook reads the front matter; parse it once
    def meta(self) -> dict[str, Any]:
        match = FRONT_MATTER.match(self.text)
        if not match:
            return {}
        try:
            data = yaml.load(match.group(1), Loader=YAML_LOADER)
        except yaml.YAMLError as error:
            line = getattr(getattr(error, "problem_mark", None), "line", 0) + 2
            raise ValueError(f"{self.path}:{line}: front matter is not valid YAML ({error}) — quote values containing ': '") from None
        return data if isinstance(data, dict) else {}

    def body_lines(self) -> list[tuple[int, str]]:
        """(line number, line) pairs after the front matter, with fenced code blocks and inline code blanked.

        Mermaid fences are code too: their labels are not Markdown.
        """
        match = FRONT_MATTER.match(self.text)
        start = self.text[: match.end()].count("\n") if match else 0
        lines = self.text.split("\n")
        result: list[tuple[int, str]] = []
        fence: str | None = None
        for number, line in enumerate(lines[start:], start=start + 1):
            opener = FENCE.match(line)
            if fence is None and opener:
                fence = opener.group(2)[0] * len(opener.group(2))
                result.append((number, ""))
                continue
            if fence is not None:
                if line.strip().startswith(fence):
                    fence = None
                result.append((number, ""))
                continue
            result.append((number, INLINE_CODE.sub(lambda m: " " * len(m.group(0)), line)))
        return result


def counterpart_path(path: str) -> str:
    """docs/x.zh.md <-> docs/x.en.md"""
    match = LANG_SUFFIX.search(path)
    if not match:
        raise ValueError(f"{path}: page file names end in .zh.md or .en.md")
    other = "en" if match.group(1) == "zh" else "zh"
    return LANG_SUFFIX.sub(f".{other}.md", path)
