"""What a reader and a reference manager get of the course's references, counted on a built site.

    .venv/bin/python scripts/bench_references.py            # builds the site strictly into a temporary directory
    .venv/bin/python scripts/bench_references.py site/      # or counts an existing build

Prints: entries rendered, leaks, wrong-language terms, apparatus inside entries, incomplete articles, pages with
metadata, exports that parse. Not a test: the build and tests/test_citations_rendered.py guard the same things.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

from lxml import html as lxml_html
from pybtex.database import parse_string

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "hooks"))
from checks.bibliography import parse_bibliography  # noqa: E402
from checks.rendered_references import LEAKS, WRONG_TERM  # noqa: E402


def build() -> Path:
    target = Path(tempfile.mkdtemp(prefix="course-site-"))
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(target)], cwd=REPO, check=True,
                   env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    return target


def main() -> None:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else build()
    counts = dict.fromkeys(["entries rendered", "leaks", "wrong-language terms", "apparatus inside entries",
                            "pages", "pages with metadata", "exports", "exports that parse"], 0)
    for path in sorted(site.rglob("*.html")):
        root = lxml_html.fromstring(path.read_bytes())
        if not root.xpath("//article"):
            continue
        counts["pages"] += 1
        names = set(root.xpath("//meta/@name"))
        if {"citation_title", "citation_author", "citation_publication_date", "citation_language", "DC.title"} <= names \
                and root.xpath('//script[@type="application/ld+json"]'):
            counts["pages with metadata"] += 1
        for item in root.xpath('//ol[contains(concat(" ", @class, " "), " references ")]/li'):
            text = "".join(item.xpath("./p//text()"))
            counts["entries rendered"] += 1
            counts["leaks"] += any(pattern.search(text) for pattern, _ in LEAKS)
            counts["wrong-language terms"] += bool((wrong := WRONG_TERM.get(item.get("lang"))) and wrong.search(text))
            counts["apparatus inside entries"] += bool(item.xpath(".//abbr | .//sup"))
    for export in sorted(site.rglob("downloads/references/**/*")):
        if export.suffix not in (".bib", ".ris"):
            continue
        counts["exports"] += 1
        text = export.read_text(encoding="utf-8")
        try:
            parsed = parse_string(text, "bibtex").entries if export.suffix == ".bib" else re.findall(r"^TY  - ", text, re.M)
            counts["exports that parse"] += bool(parsed) and (export.suffix == ".bib" or text.count("ER  - ") == len(parsed))
        except Exception:  # pybtex raises several error types on a broken file; any of them means "does not parse"
            pass
    entries, _ = parse_bibliography((REPO / "references.bib").read_text(encoding="utf-8"), "references.bib")
    articles = [e for e in entries if e.type == "article"]
    incomplete = [e.key for e in articles if not all(e.fields.get(f) for f in ("journal", "year", "volume", "pages"))
                  or not (e.fields.get("doi") or e.fields.get("pmid"))]
    for name, value in counts.items():
        print(f"{name:28} {value}")
    print(f"{'journal articles':28} {len(articles)}")
    print(f"{'incomplete articles':28} {len(incomplete)}" + (f"  ({', '.join(incomplete)}; each says why in `note`)" if incomplete else ""))
    print(f"{'Chinese-language entries':28} {sum(e.language == 'zh' for e in entries)}")


if __name__ == "__main__":
    main()
