"""Integrity checks: plain, typed functions over Markdown text, rendered HTML or the parsed bibliography.

Each module is named for what it guards; hook files in ``hooks/`` only wire these functions to MkDocs events,
and tests import them directly.
"""
