"""A disputed figure (data/disputed_figures.yml) never stands in a paragraph without its qualifier and citations."""

from __future__ import annotations

from pathlib import Path

from checks.disputed_figures import (
    FIGURES_FILE,
    check_disputed_figures,
    disputed_figure_problems,
    paragraphs,
    parse_disputed_figures,
)
from checks.markdown_source import LANG_SUFFIX, Source

REPO = Path(__file__).resolve().parents[1]
FIGURES, FIGURE_PROBLEMS = parse_disputed_figures((REPO / FIGURES_FILE).read_text(encoding="utf-8"))


def problems(body: str, lang: str = "zh") -> list[tuple[int, str]]:
    found = check_disputed_figures(Source(f"docs/x.{lang}.md", body), FIGURES)
    return [(problem.line, problem.what) for problem in found]


def test_the_declarations_parse_and_cover_the_corrected_figures():
    assert FIGURE_PROBLEMS == []
    assert {"stard-cumulative-remission", "stard-step1-remission", "who-prevalence-current",
            "review-prevalence-outdated"} <= {figure.id for figure in FIGURES}


# Failing fixtures


def test_cumulative_remission_without_the_reanalysis_is_reported_on_its_line():
    found = problems("# T\n\n前言。\n\nSTAR*D 的累计缓解率约为 67%[@rush2006acute]。\n")
    assert [line for line, _ in found] == [5]
    assert "stard-cumulative-remission" in found[0][1] and "[@pigott2023what]" in found[0][1]
    assert "its qualifier" in found[0][1]


def test_every_way_of_writing_the_figure_counts():
    for written in ("67%", "67 %", "67％", "约三分之二"):
        assert problems(f"STAR*D 的累计缓解率{written}[@rush2006acute]。\n"), written
    assert problems("In STAR*D roughly two-thirds remitted cumulatively [@rush2006acute].\n", "en")


def test_qualifier_without_the_keys_is_still_reported():
    found = problems("STAR*D 的累计缓解率约 67%，但再分析估计约 35%[@rush2006acute]。\n")
    assert len(found) == 1 and "[@pigott2023what]" in found[0][1] and "its qualifier" not in found[0][1]


def test_step1_figures_need_the_denominator_note_in_english_too():
    found = problems("At step 1 of STAR*D, 36.8% remitted [@rush2006acute].\n", "en")
    assert len(found) == 1 and "stard-step1-remission" in found[0][1]
    assert "[@trivedi2006evaluation]" in found[0][1]


def test_outdated_prevalence_needs_its_qualifier():
    assert problems("全球约有 3.5 亿抑郁症患者[@who2025depression]。\n")
    assert problems("About 350 million people have depression [@who2025depression].\n", "en")


def test_a_table_whose_note_lacks_the_qualifier_is_reported():
    body = "| 等级 | 缓解率 |\n| --- | --- |\n| 累计 | 约 67% |\n\n表中数据来自 STAR*D[@rush2006acute]。\n"
    assert [line for line, _ in problems(body)] == [3]


def test_a_question_title_is_checked_with_its_answer():
    body = '??? question "1. 为什么 67% 的累计缓解率不宜直接引用？"\n\n    因为它是理论值[@rush2006acute]。\n'
    assert [line for line, _ in problems(body)] == [1]


def test_each_list_item_is_its_own_paragraph():
    body = ("- STAR*D 累计缓解约 67%[@rush2006acute]。\n"
            "- 2023 年的再分析估计约为 35%[@rush2006acute; @pigott2023what]。\n")
    assert [line for line, _ in problems(body)] == [1]


# Passing fixtures


def test_qualified_and_cited_statements_pass():
    body = (
        "# STAR*D {#stard}\n\n"
        "第 1 步的 36.8% 以进入第 1 步的 3671 例为分母，28%、33% 以 2876 例为分母[@rush2006acute; @trivedi2006evaluation]。"
        "累计约 67% 为理论值，再分析估计约 35%[@rush2006acute; @pigott2023what]。\n\n"
        "| 等级 | 缓解率 |\n| --- | --- |\n| 累计 | 约 67% |\n\n"
        "累计值为理论值，2023 年的再分析约为 35%[@rush2006acute; @pigott2023what]。\n\n"
        '??? question "2. 为什么 67% 不宜直接引用？"\n\n'
        "    它是理论值；再分析估计约 35%[@rush2006acute; @pigott2023what]。\n\n"
        "WHO 现行事实清单估计约 3.32 亿人患抑郁症[@who2025depression]。\n\n"
        "原综述的 3.5 亿已过时[@who2025depression]。\n"
    )
    assert problems(body) == []


def test_the_same_number_elsewhere_is_not_the_disputed_figure():
    assert problems("地塞米松抑制试验的敏感性为 67%，特异性为 96%[@carroll1981specific]。\n") == []
    assert problems("The test's sensitivity was 67% [@carroll1981specific].\n", "en") == []
    assert problems("高 CRP 患者的应答率为 62%，安慰剂为 33%[@raison2013randomized]。\n") == []


def test_code_and_citation_keys_are_not_prose():
    assert problems("```mermaid\nA[\"STAR*D 累计 67%\"]\n```\n\n文字[@rush2006acute]。\n") == []


def test_paragraph_boundaries():
    source = Source("docs/x.zh.md", "# 标题\n甲\n乙\n\n- 一\n  续\n- 二\n\n| a |\n| - |\n\n注。\n")
    assert [paragraph.line for paragraph in paragraphs(source)] == [1, 2, 5, 7, 9]


def test_unusable_declarations_are_reported():
    assert parse_disputed_figures("- id: [unclosed\n")[1]
    figures, found = parse_disputed_figures("- id: x\n  figure: y\n  written: {zh: [{pattern: '('}], en: []}\n")
    assert figures == [] and "`x`" in found[0].what


# The real course


def test_the_real_pages_state_every_disputed_figure_with_its_qualifier():
    sources = [Source(path.relative_to(REPO).as_posix(), path.read_text(encoding="utf-8"))
               for path in sorted((REPO / "docs").rglob("*.md")) if LANG_SUFFIX.search(path.name)]
    assert [str(problem) for problem in disputed_figure_problems(sources, REPO)] == []
