// Questions as buttons: a blocked run's questions (answer each, then send), and an import's needs_attention
// questions with the proposed patch (approve, optionally overriding an action per question, or reject).

import { fmtNumber, h, uid } from "./dom.js";

/**
 * One question as a fieldset of toggle buttons, with a free-text answer where the question allows it.
 * Returns {el, answer()} where answer() is {question_id, option_id} | {question_id, custom} | null.
 */
function questionFieldset(question, { allowCustom, extra = [], customLabel = "Or answer in your own words" }) {
  let chosen = null;
  const customId = uid("custom");
  const buttons = (question.options || []).map((option) =>
    h(
      "button",
      {
        type: "button",
        class: "option",
        "aria-pressed": "false",
        "data-testid": "option",
        "data-option-id": option.id,
        onclick: (event) => {
          chosen = option.id;
          for (const b of buttons) b.setAttribute("aria-pressed", b === event.currentTarget ? "true" : "false");
          if (custom) custom.value = "";
        },
      },
      option.label,
    ),
  );
  const custom = allowCustom
    ? h("input", {
        type: "text",
        id: customId,
        class: "custom",
        "data-testid": "custom-answer",
        autocomplete: "off",
        oninput: () => {
          if (custom.value.trim()) {
            chosen = null;
            for (const b of buttons) b.setAttribute("aria-pressed", "false");
          }
        },
      })
    : null;
  const legendId = uid("q");
  const el = h(
    "fieldset",
    { class: "question", "data-testid": "question", "data-question-id": question.id, "aria-labelledby": legendId },
    h("legend", { id: legendId }, question.question),
    question.context ? h("p", { class: "muted" }, question.context) : null,
    extra,
    h("div", { class: "options", role: "group", "aria-label": "Options" }, buttons),
    custom ? h("div", { class: "field" }, h("label", { for: customId }, customLabel), custom) : null,
  );
  const answer = () => {
    const text = custom ? custom.value.trim() : "";
    if (text) return { question_id: question.id, custom: text };
    if (chosen) return { question_id: question.id, option_id: chosen };
    return null;
  };
  return { el, answer, focus: () => (buttons[0] || custom)?.focus() };
}

/** A blocked run's questions; onSubmit(answers) once every question has an answer. */
export function runQuestionsForm(questions, { onSubmit, onInvalid }) {
  const fields = questions.map((q) => questionFieldset(q, { allowCustom: Boolean(q.allowCustom ?? q.allow_custom) }));
  const headingId = uid("qh");
  const send = h("button", { type: "submit", class: "primary", "data-testid": "send-answers" }, "Send answers");
  const form = h(
    "form",
    { class: "questions", "data-testid": "questions", "aria-labelledby": headingId, novalidate: true },
    h("h3", { id: headingId }, questions.length === 1 ? "Ferry has a question" : `Ferry has ${questions.length} questions`),
    fields.map((f) => f.el),
    send,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const answers = fields.map((f) => f.answer());
    const missing = answers.findIndex((a) => a === null);
    if (missing >= 0) {
      onInvalid?.("Answer every question first: pick an option or write your own answer.");
      fields[missing].focus();
      return;
    }
    send.disabled = true;
    Promise.resolve(onSubmit(answers)).finally(() => {
      send.disabled = false;
    });
  });
  return form;
}

export function describeAction(action) {
  switch (action.action) {
    case "set_value":
      return action.value ? `Set the flagged cells to “${action.value}”` : "Clear the flagged cells";
    case "delete_invalid_rows":
      return "Delete the flagged rows";
    case "dedup_keep_first":
      return `Keep only the first row for each ${action.key_column || action.column}`;
    case "keep":
      return "Keep the rows flagged (they stay out of the valid export)";
    default:
      return action.action;
  }
}

/** An import parked in needs_attention: each question with its proposed action; approve or reject. */
export function reviewForm(needsAttention, { onDecide }) {
  const patch = needsAttention.proposed_patch || { summary: "", actions: [] };
  const byQuestion = new Map((patch.actions || []).map((a) => [a.question_id, a]));
  const fields = (needsAttention.questions || []).map((q) => {
    const details = q.details || {};
    const action = byQuestion.get(q.id);
    const extra = [
      h(
        "p",
        { class: "details" },
        `${fmtNumber(details.affected_count)} flagged in column ${details.column} (${details.error})`,
        details.sample_values?.length ? ` — for example: ${details.sample_values.slice(0, 5).map((v) => `“${v}”`).join(", ")}` : "",
      ),
      action
        ? h("p", { class: "proposed", "data-testid": "proposed-action" }, h("strong", {}, "Proposed: "), describeAction(action))
        : null,
      h("p", { class: "hint" }, "Leave the options untouched to apply the proposed action, or pick another."),
    ];
    return questionFieldset(q, { allowCustom: Boolean(q.allow_custom ?? q.allowCustom), extra, customLabel: "Or set the cells to this value" });
  });
  const headingId = uid("rh");
  const approve = h("button", { type: "button", class: "primary", "data-testid": "approve" }, "Approve and apply");
  const reject = h("button", { type: "button", class: "danger", "data-testid": "reject" }, "Reject the import");
  const decide = (decision) => {
    approve.disabled = true;
    reject.disabled = true;
    const answers = decision === "approve" ? fields.map((f) => f.answer()).filter(Boolean) : [];
    Promise.resolve(onDecide(decision, answers)).finally(() => {
      approve.disabled = false;
      reject.disabled = false;
    });
  };
  approve.addEventListener("click", () => decide("approve"));
  reject.addEventListener("click", () => decide("reject"));
  return h(
    "section",
    { class: "questions review", "data-testid": "needs-attention", "aria-labelledby": headingId },
    h("h3", { id: headingId }, "Some rows need a decision"),
    patch.summary ? h("p", { "data-testid": "patch-summary" }, h("strong", {}, "Proposed patch: "), patch.summary) : null,
    fields.map((f) => f.el),
    h("div", { class: "actions" }, approve, reject),
  );
}
