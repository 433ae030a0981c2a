"""The target atlas: one table generated from the front matter of the target pages."""

from __future__ import annotations

import posixpath

from checks.markdown_source import Source

from .sources import LIST_SEPARATOR, title_of

STAGES = {
    "approved": {"zh": "已获批", "en": "Approved"},
    "phase-3": {"zh": "III 期临床", "en": "Phase 3"},
    "phase-2": {"zh": "II 期临床", "en": "Phase 2"},
    "phase-1": {"zh": "I 期临床", "en": "Phase 1"},
    "preclinical": {"zh": "临床前", "en": "Preclinical"},
}
HEADER = {
    "zh": "| 靶点 | 作用机制 | 代表药物 | 证据阶段 | 关键文献 |",
    "en": "| Target | Acts through | Representative agents | Evidence stage | Key references |",
}


def target_pages(sources: dict[tuple[str, str], Source], lang: str) -> list[str]:
    return sorted(p for (p, l) in sources if l == lang and p.startswith("targets/") and p != "targets/index")


def evidence_cell(meta: dict, lang: str, path: str) -> str:
    evidence = meta.get("evidence") or {}
    stage = evidence.get("stage")
    if stage not in STAGES:
        raise ValueError(f"{path}: evidence.stage must be one of {', '.join(STAGES)} — set it in the front matter")
    approvals = [f"{a['agency']} {a['year']}（{a['agent']}）" if lang == "zh" else f"{a['agency']} {a['year']} ({a['agent']})"
                 for a in evidence.get("approvals") or []]
    return STAGES[stage][lang] + (": " + LIST_SEPARATOR[lang].join(approvals) if approvals else "")


def atlas_table(sources: dict[tuple[str, str], Source], lang: str, here: str) -> str:
    """Markdown table, links relative to the page at `here` (a page path such as "atlas")."""
    rows = [HEADER[lang], "|---|---|---|---|---|"]
    base = posixpath.dirname(here) or "."
    for page in target_pages(sources, lang):
        source = sources[(page, lang)]
        meta = source.meta
        mechanisms = (meta.get("related") or {}).get("mechanisms") or []
        acts = LIST_SEPARATOR[lang].join(
            f"[{title_of(sources, m, lang)}]({posixpath.relpath(m + '.md', base)})" for m in mechanisms if (m, lang) in sources
        )
        agents = LIST_SEPARATOR[lang].join(str(a) for a in meta.get("agents") or [])
        refs = LIST_SEPARATOR[lang].join(f"[@{key}]" for key in meta.get("key_refs") or [])
        link = f"[{title_of(sources, page, lang)}]({posixpath.relpath(page + '.md', base)})"
        rows.append(f"| {link} | {acts} | {agents} | {evidence_cell(meta, lang, source.path)} | {refs} |")
    return "\n".join(rows)
