"""The single-best-answer questions in the browser: assets/js/quiz.js turns each into a radio group that can be
answered with the keyboard, says whether the answer is right, keeps it across a reload and clears it on reset;
axe finds nothing serious in the answered section, in the light and the dark palette."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from browser.site import LANGS, page_url
from browser.test_accessibility import AXE, SCHEMES, summarize

PAGE = "drugs/ssris"
VERDICT = {"zh": ("回答正确", "回答错误"), "en": ("Correct", "Incorrect")}


@pytest.mark.parametrize("lang", LANGS)
def test_question_is_answered_checked_kept_and_reset(page: Page, base_url: str, lang: str) -> None:
    page.goto(page_url(base_url, PAGE, lang), wait_until="load")
    questions = page.locator(".quiz-question")
    expect(questions.first.locator("fieldset > legend")).to_be_visible()
    assert questions.count() == page.locator(".quiz-question fieldset").count() >= 3
    assert page.locator(".quiz-question details").count() == 0
    first = questions.first
    key = int(first.get_attribute("data-key"))
    radios = first.locator("input[type=radio]")
    wrong = (key + 1) % radios.count()

    # Keyboard only: select the first option, arrow to a wrong one, tab to the check button, press Enter.
    radios.first.focus()
    page.keyboard.press("Space")
    for _ in range(wrong):
        page.keyboard.press("ArrowDown")
    expect(radios.nth(wrong)).to_be_checked()
    check = first.locator(".quiz-question__check")
    for _ in range(12):  # past the glossary terms in the options, which take focus for their tooltips
        page.keyboard.press("Tab")
        if check.evaluate("button => button === document.activeElement"):
            break
    expect(check).to_be_focused()
    page.keyboard.press("Enter")
    feedback = first.locator(".quiz-question__feedback")
    assert feedback.get_attribute("aria-live") == "polite"
    expect(feedback.locator(".quiz-question__verdict")).to_contain_text(VERDICT[lang][1])
    expect(feedback.locator(".quiz-question__explanation")).to_be_visible()
    expect(feedback.locator(".quiz-question__explanation a.footnote-ref").first).to_be_attached()

    page.reload(wait_until="load")
    first = page.locator(".quiz-question").first
    expect(first.locator("input[type=radio]").nth(wrong)).to_be_checked()
    expect(first).to_have_class(re.compile(r"\bis-incorrect\b"))

    first.locator("label.quiz-question__choice").nth(key).click()
    first.locator(".quiz-question__check").click()
    expect(first.locator(".quiz-question__verdict")).to_contain_text(VERDICT[lang][0])
    expect(first.locator("label.quiz-question__choice").nth(key)).to_have_class(re.compile(r"\bis-key\b"))

    page.locator(".quiz__reset").click()
    expect(first.locator("input[type=radio]:checked")).to_have_count(0)
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('course-quiz:')).length") == 0


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("lang", LANGS)
def test_answered_quiz_has_no_serious_axe_violations(page: Page, base_url: str, lang: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(page_url(base_url, PAGE, lang), wait_until="load")
    questions = page.locator(".quiz-question")
    for index in range(2):  # one right and one wrong answer, so that both kinds of feedback are shown
        question = questions.nth(index)
        key = int(question.get_attribute("data-key"))
        question.locator("label.quiz-question__choice").nth(key if index == 0 else (key + 1) % 4).click()
        question.locator(".quiz-question__check").click()
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async () => {
      const r = await axe.run('.quiz', { resultTypes: ['violations'] });
      return r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map(n => ({ target: n.target, impact: n.impact, failureSummary: n.failureSummary || '' })) }));
    }""")
    serious = [v for v in result if v["impact"] in ("serious", "critical")]
    assert not serious, f"{lang} ({scheme}) axe violations in the quiz:\n  {summarize(serious)}"
