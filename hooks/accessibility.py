"""Accessibility fixes to Material's own markup that CSS cannot make.

- Material's search container has role="dialog" but no accessible name (axe: aria-dialog-name).
- Glossary abbreviations show their tooltip on hover; to show it on keyboard focus too they must be focusable.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
SEARCH_NAME = {"zh": "搜索", "en": "Search"}


def named_search_dialog(html: str, lang: str) -> str:
    if html.count(SEARCH_DIALOG) != 1:
        raise ValueError("Material's search dialog markup changed — update hooks/accessibility.py")
    return html.replace(SEARCH_DIALOG, SEARCH_DIALOG.replace('role="dialog"', f'role="dialog" aria-label="{SEARCH_NAME[lang]}"'))


def focusable_abbreviations(html: str) -> str:
    return html.replace("<abbr title=", '<abbr tabindex="0" title=')


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return focusable_abbreviations(named_search_dialog(output, config.theme["language"]))
