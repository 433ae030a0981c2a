/* Single-best-answer questions (hooks/questions.py, overrides/partials/quiz.html). Without this script each
   question is its stem, a lettered list of options and the answer in a <details>. This turns each question into a
   radio group (fieldset and legend) with a check button and spoken feedback, and keeps each answer in
   localStorage under the question's id: in this browser only, nothing is sent anywhere. */
(function quiz() {
  const sections = document.querySelectorAll(".quiz[data-labels]");
  if (!sections.length) return;
  const LETTERS = "ABCDEFGHIJ";
  const PREFIX = "course-quiz:";
  // localStorage throws where storage is disabled; answers are then simply not kept.
  const store = {
    get(id) { try { return JSON.parse(localStorage.getItem(PREFIX + id)); } catch { return null; } },
    set(id, value) { try { localStorage.setItem(PREFIX + id, JSON.stringify(value)); } catch { /* not kept */ } },
    remove(id) { try { localStorage.removeItem(PREFIX + id); } catch { /* nothing kept */ } },
  };
  const format = (text, values) => text.replace(/\{(\w+)\}/g, (_, name) => values[name]);
  const element = (tag, className, ...children) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    node.append(...children);
    return node;
  };
  const button = (text, className) => Object.assign(element("button", `md-button ${className}`, text), { type: "button" });

  function enhance(question, labels, changed) {
    const id = question.dataset.question;
    const key = question.dataset.key === "" ? NaN : Number(question.dataset.key);
    const stem = question.querySelector(".quiz-question__stem");
    const list = question.querySelector(".quiz-question__options");
    const answer = question.querySelector(".quiz-question__answer");
    if (!id || Number.isNaN(key) || !stem || !list || !answer) return null;

    const fieldset = element("fieldset", "quiz-question__fieldset", element("legend", "quiz-question__stem", ...stem.childNodes));
    const choices = Array.from(list.children, (item, index) => {
      const input = Object.assign(document.createElement("input"), { type: "radio", name: `quiz-${id}`, value: String(index) });
      const label = element("label", "quiz-question__choice", input,
        element("span", "quiz-question__letter", `${LETTERS[index]}.`), element("span", "quiz-question__text", ...item.childNodes));
      fieldset.append(label);
      return { input, label };
    });
    // The explanation without its "Answer: B" lead: the verdict says which option is right.
    answer.querySelector("summary")?.remove();
    answer.querySelector(".quiz-question__key")?.remove();
    const explanation = element("div", "quiz-question__explanation", ...answer.childNodes);
    const verdict = element("p", "quiz-question__verdict");
    const feedback = element("div", "quiz-question__feedback", verdict, explanation);
    feedback.setAttribute("aria-live", "polite");
    const check = button(labels.check, "quiz-question__check");
    fieldset.append(element("div", "quiz-question__actions", check), feedback);

    let state = store.get(id) || {};
    const chosen = () => choices.findIndex(({ input }) => input.checked);
    const show = () => {
      const checked = state.checked && state.choice === chosen();
      const correct = checked && state.choice === key;
      question.classList.toggle("is-correct", correct);
      question.classList.toggle("is-incorrect", checked && !correct);
      choices.forEach(({ label }, index) => label.classList.toggle("is-key", checked && index === key));
      verdict.textContent = checked ? (correct ? labels.correct : format(labels.incorrect, { letter: LETTERS[key] })) : "";
      explanation.hidden = !checked;
    };
    choices.forEach(({ input }) => input.addEventListener("change", () => {
      state = { choice: chosen(), checked: false };
      store.set(id, state);
      show();
      changed();
    }));
    check.addEventListener("click", () => {
      if (chosen() < 0) {
        verdict.textContent = labels.choose;
        return;
      }
      state = { choice: chosen(), checked: true };
      store.set(id, state);
      show();
      changed();
    });
    if (choices[state.choice]) choices[state.choice].input.checked = true;
    show();
    question.replaceChildren(fieldset);
    return {
      answered: () => Boolean(state.checked),
      correct: () => Boolean(state.checked) && state.choice === key,
      focus: () => (choices[0] && choices[0].input.focus()),
      reset() {
        store.remove(id);
        state = {};
        choices.forEach(({ input }) => { input.checked = false; });
        show();
      },
    };
  }

  sections.forEach((section) => {
    const labels = JSON.parse(section.dataset.labels);
    const progress = element("p", "quiz__progress");
    progress.setAttribute("aria-live", "polite");
    const update = () => {
      progress.textContent = format(labels.progress, {
        answered: questions.filter((q) => q.answered()).length,
        correct: questions.filter((q) => q.correct()).length,
        total: questions.length,
      });
    };
    const questions = Array.from(section.querySelectorAll(".quiz-question[data-question]"),
      (question) => enhance(question, labels, update)).filter(Boolean);
    if (!questions.length) return;
    const reset = button(labels.reset, "quiz__reset");
    reset.addEventListener("click", () => {
      questions.forEach((q) => q.reset());
      update();
      questions[0].focus();
    });
    section.querySelector(".quiz__intro").after(element("div", "quiz__toolbar", progress, reset));
    update();
  });
})();
