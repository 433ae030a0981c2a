"""Figures: numbered, captioned, described, identical ids in both languages, and never older than their source.

A page shows a figure with a figure block; the build numbers it (图 1 / Figure 1) and adds its downloads:

    ![what the figure shows, for readers who cannot see it](../assets/figures/fig-hpa-axis.svg){#fig-hpa-axis}
    : **Title of the figure.** What it shows, cited like any sentence [@key].

A figure generated from the course data at build time is a marker line, `<!-- figure: fig-approvals-timeline -->`.
Text refers to a figure by its id, `[](#fig-hpa-axis)` or `[](../mechanisms/stress-hpa.md#fig-hpa-axis)`; the build
writes the number in. A diagram's source is `figures/<id>.<lang>.mmd`; scripts/render_figures.py renders it into
`docs/assets/figures/<id>.<lang>.svg` and `.png` and writes the hash of what it rendered into `.sha256`.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from .markdown_source import LANG_SUFFIX, Source, counterpart_path
from .problem import Problem

FIGURE_ID = re.compile(r"^fig-[a-z0-9]+(?:-[a-z0-9]+)*$")
FIGURE_LINE = re.compile(r"^!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)\)\{#(?P<id>[^\s}]+)\}\s*$")
GENERATED_LINE = re.compile(r"^<!-- figure: (?P<id>[^\s]+) -->\s*$")
FIGURE_IMAGE = re.compile(r"!\[[^\]]*\]\([^)\s]*assets/figures/[^)\s]*\)")
CAPTION_START = re.compile(r"^: ")
CAPTION_TITLE = re.compile(r"^\*\*[^*]+\*\*")
FIGURE_REF = re.compile(r"(?<!!)\[(?P<text>[^\[\]]*)\]\((?P<target>[^)\s#]*)#(?P<id>fig-[^)\s]+)\)")
NUMBER_IN_TEXT = re.compile(r"(?:图|Figure|Fig\.)\s*(\d+)")
MERMAID_FENCE = re.compile(r"^\s*(`{3,}|~{3,})\s*mermaid\b")

SOURCES_DIR = "figures"  # figures/<id>.<lang>.mmd
OUTPUT_DIR = "docs/assets/figures"  # <id>.<lang>.svg, .png, .sha256
RENDER_CONFIG = "figures/mermaid.json"
RENDER = "run `.venv/bin/python scripts/render_figures.py` and commit what it writes"


@dataclass(frozen=True)
class Figure:
    id: str
    line: int
    alt: str  # "" for a generated figure: its generator writes the alt text
    src: str  # as written; "" for a generated figure
    caption: str  # Markdown after ": ", continuation lines joined by spaces; "" when missing
    generated: bool


@dataclass(frozen=True)
class FigureRef:
    line: int
    text: str
    target: str  # the Markdown path before `#`, "" for the same page
    id: str


@dataclass(frozen=True)
class RenderedFigure:
    """What the repository holds for one static figure in one language (None / False: missing)."""

    source: str | None  # figures/<id>.<lang>.mmd
    stored_hash: str | None  # docs/assets/figures/<id>.<lang>.sha256
    svg: bool
    png: bool


def parse_figures(source: Source) -> list[Figure]:
    """Every figure block of a page, in order."""
    lines = source.body_lines()
    figures = []
    for index, (number, line) in enumerate(lines):
        if generated := GENERATED_LINE.match(line):
            figures.append(Figure(generated.group("id"), number, "", "", "", True))
            continue
        if not (match := FIGURE_LINE.match(line)):
            continue
        caption: list[str] = []
        following = lines[index + 1:]
        if following and CAPTION_START.match(following[0][1]):
            caption.append(following[0][1][2:].strip())
            for _, more in following[1:]:
                if not more.strip() or FIGURE_LINE.match(more) or CAPTION_START.match(more):
                    break
                caption.append(more.strip())
        figures.append(Figure(match.group("id"), number, match.group("alt").strip(), match.group("src"),
                              " ".join(caption), False))
    return figures


def figure_refs(source: Source) -> list[FigureRef]:
    return [FigureRef(number, match.group("text"), match.group("target"), match.group("id"))
            for number, line in source.body_lines() for match in FIGURE_REF.finditer(line)]


def target_page(page: str, target: str) -> str:
    """The language-neutral page a reference leads to: ("drugs/ssris", "../mechanisms/monoamine.md") ->
    "mechanisms/monoamine"; "" is the page itself."""
    if not target:
        return page
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page), target))
    return LANG_SUFFIX.sub("", path).removesuffix(".md")


def caption_title(caption: str) -> str:
    """The bold lead of a caption, without its closing punctuation: what lists and attributions call the figure."""
    match = CAPTION_TITLE.match(caption)
    return match.group(0).strip("*").rstrip("。.：: ").strip() if match else ""


def check_figures(source: Source, figures_by_page: Mapping[str, Sequence[str]]) -> list[Problem]:
    """One page: figure blocks complete, ids valid and unique, references lead to a figure, no mermaid left."""
    problems = [Problem(source.path, number, "a mermaid diagram in the page: diagrams are static SVG files",
                        f"move it to {SOURCES_DIR}/<fig-id>.{source.lang}.mmd, show it with a figure block "
                        f"(CONTRIBUTING.md, \"Add a figure\") and {RENDER}")
                for number, line in enumerate(source.text.split("\n"), start=1) if MERMAID_FENCE.match(line)]
    seen: set[str] = set()
    for figure in parse_figures(source):
        problems += [Problem(source.path, figure.line, what, fix) for what, fix in _figure_issues(figure, seen)]
        seen.add(figure.id)
    for number, line in source.body_lines():
        if FIGURE_IMAGE.search(line) and not FIGURE_LINE.match(line):
            problems.append(Problem(source.path, number, "an image from assets/figures outside a figure block",
                                    "give it a line of its own ending in `{#fig-id}`, followed by a `: **Title.** …` "
                                    "caption line"))
    for ref in figure_refs(source):
        page = target_page(source.page, ref.target)
        ids = list(figures_by_page.get(page, ()))
        where = "this page" if not ref.target else f"docs/{page}.{source.lang}.md"
        if ref.id not in ids:
            problems.append(Problem(source.path, ref.line, f"reference to figure `{ref.id}`, which is not on {where}",
                                    f"use one of its figure ids ({', '.join(ids) or 'it has none'}) or correct the path"))
            continue
        stated = NUMBER_IN_TEXT.search(ref.text)
        if stated and int(stated.group(1)) != ids.index(ref.id) + 1:
            problems.append(Problem(source.path, ref.line,
                                    f"`[{ref.text}]` calls `{ref.id}` figure {stated.group(1)}, but it is figure "
                                    f"{ids.index(ref.id) + 1} on {where}",
                                    f"write `[](…#{ref.id})`: the build writes the number in"))
    return problems


def _figure_issues(figure: Figure, seen: Collection[str]) -> list[tuple[str, str]]:
    issues = []
    if not FIGURE_ID.match(figure.id):
        issues.append((f"figure id `{figure.id}` is not of the form `fig-kebab-case`",
                       "name it `fig-` plus lowercase ASCII words joined by hyphens, the same in both languages"))
    if figure.id in seen:
        issues.append((f"figure id `{figure.id}` is used twice on the page", "give each figure its own id"))
    if figure.generated:
        return issues
    if not figure.alt:
        issues.append((f"figure `{figure.id}` has no alt text",
                       "describe what the figure shows inside `![…]`, for readers who cannot see it"))
    if not figure.caption:
        issues.append((f"figure `{figure.id}` has no caption",
                       "add a line right after it: `: **Title.** What it shows [@key].`"))
    elif not caption_title(figure.caption):
        issues.append((f"the caption of figure `{figure.id}` does not start with a bold title",
                       "begin it with `**Title.**`: lists of figures and attributions use it"))
    if posixpath.basename(figure.src) != f"{figure.id}.svg" or "assets/figures/" not in figure.src:
        issues.append((f"figure `{figure.id}` shows `{figure.src}`",
                       f"show `…/assets/figures/{figure.id}.svg` (each language build serves its own "
                       f"`{figure.id}.<lang>.svg`)"))
    return issues


def check_figure_pair(zh: Source, en: Source) -> list[Problem]:
    """Both languages show the same figures in the same order, so a figure's id survives a language switch."""
    zh_figures, en_figures = parse_figures(zh), parse_figures(en)
    zh_ids, en_ids = [f.id for f in zh_figures], [f.id for f in en_figures]
    if zh_ids == en_ids:
        return []
    index = next((i for i, (a, b) in enumerate(zip(zh_ids, en_ids)) if a != b), min(len(zh_ids), len(en_ids)))
    line = en_figures[index].line if index < len(en_figures) else (en_figures[-1].line if en_figures else 1)
    return [Problem(en.path, line,
                    f"figure ids differ from {zh.path}: {', '.join(en_ids) or 'none'} here, {', '.join(zh_ids) or 'none'} there",
                    "show the same figures, with the same ids, in the same order in both languages")]


def source_hash(source: str, renderer: str) -> str:
    """What a rendered figure was made from: its source and the renderer's settings and version."""
    return hashlib.sha256(f"{renderer}\n{source}".encode("utf-8")).hexdigest()


def renderer_fingerprint(render_config: str, package_json: str) -> str:
    """The render settings (figures/mermaid.json) and mermaid's pinned version (package.json)."""
    return f"mermaid {json.loads(package_json)['dependencies']['mermaid']}\n{render_config}"


def check_rendered_figure(figure: Figure, path: str, lang: str, rendered: RenderedFigure, renderer: str) -> list[Problem]:
    """A static figure's source exists and its SVG, PNG and stored hash are those of the current source."""
    name = f"{figure.id}.{lang}"
    if rendered.source is None:
        return [Problem(path, figure.line, f"figure `{figure.id}` has no source {SOURCES_DIR}/{name}.mmd",
                        f"write the diagram there (mermaid), then {RENDER}")]
    missing = [suffix for suffix, present in ((".svg", rendered.svg), (".png", rendered.png),
                                              (".sha256", rendered.stored_hash is not None)) if not present]
    if missing:
        return [Problem(path, figure.line, f"figure `{figure.id}` was never rendered: {OUTPUT_DIR}/{name}"
                        f"{{{','.join(missing)}}} missing", RENDER)]
    if rendered.stored_hash != source_hash(rendered.source, renderer):
        return [Problem(path, figure.line, f"figure `{figure.id}` is older than its source {SOURCES_DIR}/{name}.mmd "
                        "(or the render settings changed)", RENDER)]
    return []


def check_unused_sources(names: Collection[str], used: Collection[str]) -> list[Problem]:
    """Diagram sources (`<id>.<lang>`) no page shows: an orphan would go stale unnoticed."""
    return [Problem(f"{SOURCES_DIR}/{name}.mmd", 1, "no page shows this figure",
                    "show it with a figure block, or delete the source and its rendered files")
            for name in sorted(set(names) - set(used))]


def figure_ids(sources: Sequence[Source]) -> dict[tuple[str, str], list[str]]:
    """(page, lang) -> the ids of its figures, in order."""
    return {(source.page, source.lang): [figure.id for figure in parse_figures(source)] for source in sources}


def figure_problems(sources: Sequence[Source], root: Path) -> list[Problem]:
    """Every figure check over every page of every language, reading the figure files under root."""
    ids = figure_ids(sources)
    by_path = {source.path: source for source in sources}
    renderer = renderer_fingerprint((root / RENDER_CONFIG).read_text(encoding="utf-8"),
                                    (root / "package.json").read_text(encoding="utf-8"))
    problems: list[Problem] = []
    used: set[str] = set()
    for source in sources:
        problems += check_figures(source, {page: found for (page, lang), found in ids.items() if lang == source.lang})
        if source.lang == "zh" and (en := by_path.get(counterpart_path(source.path))):
            problems += check_figure_pair(source, en)
        for figure in parse_figures(source):
            if figure.generated:
                continue
            name = f"{figure.id}.{source.lang}"
            used.add(name)
            problems += check_rendered_figure(figure, source.path, source.lang, _rendered(root, name), renderer)
    problems += check_unused_sources([p.name.removesuffix(".mmd") for p in (root / SOURCES_DIR).glob("*.mmd")], used)
    return problems


def _rendered(root: Path, name: str) -> RenderedFigure:
    source, output = root / SOURCES_DIR / f"{name}.mmd", root / OUTPUT_DIR / name
    stored = output.with_name(f"{name}.sha256")
    return RenderedFigure(source.read_text(encoding="utf-8") if source.is_file() else None,
                          stored.read_text(encoding="utf-8").strip() if stored.is_file() else None,
                          output.with_name(f"{name}.svg").is_file(), output.with_name(f"{name}.png").is_file())
