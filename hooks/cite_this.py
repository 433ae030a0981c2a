"""Offer a citation of every page (static HTML, readable without JavaScript) and of every section (a button).

The texts come from the page title, the edition's URL of the page and CITATION.cff — never typed per page
(hooks/course/citation_text.py). The reader's access date is filled in by docs/assets/js/course.js.
"""

from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path

from course.citation_text import ACCESS_PLACEHOLDERS, FORMATS, Citable, bibtex_key, edition_url, read_edition
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

SECTION_HEADING = re.compile(r'<h([234]) id="([a-z0-9-]+)">(.*?)(<a class="headerlink"[^>]*>.*?</a>)</h\1>', re.S)
GENERATED_SECTIONS = {"related", "references", "cite-this-page", "quiz"}
LABELS = {
    "zh": {"page": "引用本页", "section": "引用本节",
           "intro": "教学或写作中引用本页时，可复制以下任一格式。链接指向本版的固定副本，日后仍显示你所引用的文字。",
           "accessed": "引用日期（访问日期）由浏览器填为今天；若显示 YYYY-MM-DD，请填入你阅读本页的日期。",
           "copy": "复制", "copied": "已复制", "close": "关闭"},
    "en": {"page": "Cite this page", "section": "Cite this section",
           "intro": "To cite this page in teaching or writing, copy one of these formats. The link leads to this "
                    "edition's frozen copy, which keeps showing the text you cite.",
           "accessed": "Your browser fills in today as the access date; where YYYY-MM-DD shows, write the day you "
                       "read the page.",
           "copy": "Copy", "copied": "Copied", "close": "Close"},
}


def page_block(texts: dict[str, str], lang: str) -> str:
    parts = [f'<section class="cite-this" aria-labelledby="cite-this-page">',
             f'<h2 id="cite-this-page" data-search-exclude>{LABELS[lang]["page"]}</h2>', f'<p>{LABELS[lang]["intro"]}</p>',
             f'<p class="cite-accessed">{LABELS[lang]["accessed"]}</p>']
    for name, label in FORMATS:
        parts.append(f'<p class="cite-format">{label}</p><pre class="cite-text" data-format="{name}"><code>{html.escape(texts[name])}</code></pre>')
    parts.append("</section>")
    return "\n".join(parts)


def strip_tags(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    lang = config.theme["language"]
    edition = read_edition(Path(config.config_file_path).parent / "CITATION.cff")
    # mike deploys with MIKE_DOCS_VERSION set and has already added it to site_url.
    url = edition_url(config.site_url, edition, page.url, os.environ.get("MIKE_DOCS_VERSION"))
    title = page.meta.get("title") or page.title
    sections: dict[str, dict[str, str]] = {}

    def add_button(match: re.Match[str]) -> str:
        level, section_id, text, permalink = match.groups()
        if section_id in GENERATED_SECTIONS:
            return match.group(0)
        citable = Citable(f"{title}: {strip_tags(text)}", f"{url}#{section_id}", lang,
                          bibtex_key(edition, page.url, section_id))
        sections[section_id] = citable.formats(edition)
        button = (f'<button type="button" class="cite-section" data-section="{section_id}" '
                  f'title="{LABELS[lang]["section"]}" aria-label="{LABELS[lang]["section"]}"></button>')
        return f'<h{level} id="{section_id}">{text}{permalink}{button}</h{level}>'

    content = SECTION_HEADING.sub(add_button, content)
    page_texts = Citable(title, url, lang, bibtex_key(edition, page.url, None)).formats(edition)
    # "</" inside a <script> would end it early.
    data = json.dumps({"labels": LABELS[lang], "formats": dict(FORMATS), "sections": sections,
                       "access": ACCESS_PLACEHOLDERS[lang]}, ensure_ascii=False)
    data = data.replace("</", "<\\/")
    return (f"{content}\n{page_block(page_texts, lang)}\n"
            f'<script type="application/json" id="section-citations">{data}</script>')
