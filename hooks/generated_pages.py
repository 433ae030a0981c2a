"""Fill the generated parts of course pages: glossary, target atlas, concept map, corrections list.

A page asks for one with a marker line `<!-- generated: NAME -->`; an unknown NAME fails the build.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

from course.atlas import atlas_table
from course.concept_map import concept_map
from course.corrections import corrections_list
from course.glossary import glossary_table, load_terms
from course.related import related_graph
from course.sources import page_path, read_sources
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

MARKER = re.compile(r"^<!-- generated: ([\w-]+) -->$", re.M)


def generators(config: MkDocsConfig, here: str) -> dict[str, Callable[[], str]]:
    lang = config.theme["language"]
    sources = read_sources(Path(config.docs_dir))
    glossary_file = Path(config.config_file_path).parent / "data" / "glossary.yml"
    return {
        "glossary": lambda: glossary_table(load_terms(glossary_file), lang),
        "target-atlas": lambda: atlas_table(sources, lang, here),
        "concept-map": lambda: concept_map(related_graph(sources, lang), sources, lang, here),
        "corrections": lambda: corrections_list(sources, lang, here),
    }


@event_priority(60)  # before the related-pages block and before mkdocs-bibtex reads the citations it adds
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not MARKER.search(markdown):
        return markdown
    available = generators(config, page_path(page))

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in available:
            raise ValueError(f"docs/{page.file.src_uri}: unknown generated block '{name}' — use one of {sorted(available)}")
        return available[name]()

    return MARKER.sub(fill, markdown)
