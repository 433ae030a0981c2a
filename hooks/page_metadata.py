"""Machine-readable metadata on every page, for reference managers and scholarly search: Highwire Press
`citation_*` tags (what Zotero's "Embedded Metadata" translator and Google Scholar read), Dublin Core, and
schema.org JSON-LD (a LearningResource whose `citation` lists the works the page cites, with their DOIs).

The tags are computed here and written by overrides/partials/page-metadata.html.
"""

from __future__ import annotations

import json
from pathlib import Path

from course.citation_text import read_edition
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from shared.languages import language_tag

LICENCE = "https://creativecommons.org/licenses/by/4.0/"


@event_priority(-10)  # after hooks/references.py has put the page's cited works into page.meta
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    edition = read_edition(Path(config.config_file_path).parent / "CITATION.cff")
    lang = config.theme["language"]
    title = page.meta.get("title") or page.title
    author, tag, url = edition.author[lang], language_tag(lang), page.canonical_url
    highwire_date = edition.date.replace("-", "/")
    page.meta["metadata_tags"] = [
        ("citation_title", title), ("citation_author", author), ("citation_publication_date", highwire_date),
        ("citation_online_date", highwire_date), ("citation_language", tag), ("citation_public_url", url),
        ("citation_publisher", author), ("citation_inbook_title", config.site_name),
        ("DC.title", title), ("DC.creator", author), ("DC.date", edition.date), ("DC.language", tag),
        ("DC.identifier", url), ("DC.type", "Text"), ("DC.rights", LICENCE), ("DC.relation.ispartof", config.site_name),
    ]
    page.meta["json_ld"] = json.dumps({
        "@context": "https://schema.org",
        "@type": "LearningResource",
        "name": title,
        "description": page.meta.get("description", config.site_description),
        "inLanguage": tag,
        "url": url,
        "author": [{"@type": "Organization", "name": author}],
        "datePublished": edition.date,
        "version": edition.version,
        "license": LICENCE,
        "isPartOf": {"@type": "Course", "name": config.site_name},
        "citation": page.meta.get("cited_works", []),
    }, ensure_ascii=False).replace("</", "<\\/")  # "</" would end the <script> early
    return context
