"""Machine-readable metadata on every page, for reference managers and scholarly search: Highwire Press
`citation_*` tags (what Zotero's "Embedded Metadata" translator and Google Scholar read), Dublin Core, and
schema.org JSON-LD (a LearningResource whose `citation` lists the works the page cites, with their DOIs).

The data is computed here and written by overrides/partials/page-metadata.html.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from shared.languages import language_tag


@event_priority(-10)  # after hooks/references.py has put the page's cited works into page.meta
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    release = yaml.safe_load((Path(config.config_file_path).parent / "CITATION.cff").read_text(encoding="utf-8"))
    lang = config.theme["language"]
    title = page.meta.get("title") or page.title
    authors = [author["name"] for author in release["authors"]]
    page.meta["page_metadata"] = {
        "title": title,
        "authors": authors,
        "date": str(release["date-released"]),
        "version": str(release["version"]),
        "language": language_tag(lang),
        "url": page.canonical_url,
        "site_name": config.site_name,
        "licence": "https://creativecommons.org/licenses/by/4.0/",
        "json_ld": json.dumps({
            "@context": "https://schema.org",
            "@type": "LearningResource",
            "name": title,
            "description": page.meta.get("description", config.site_description),
            "inLanguage": language_tag(lang),
            "url": page.canonical_url,
            "author": [{"@type": "Organization", "name": name} for name in authors],
            "datePublished": str(release["date-released"]),
            "version": str(release["version"]),
            "license": "https://creativecommons.org/licenses/by/4.0/",
            "isPartOf": {"@type": "Course", "name": config.site_name},
            "citation": page.meta.get("cited_works", []),
        }, ensure_ascii=False).replace("</", "<\\/"),
    }
    return context
