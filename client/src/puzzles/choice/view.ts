/** choice: radio buttons (single) or checkboxes (multiple); each change toggles one option. */
import { html } from "lit-html";
import { t } from "../../i18n/index.ts";
import { mark } from "../marks.ts";
import type { AnswerOf, PuzzleContext, StepOf } from "../types.ts";

export function choicePuzzle({
  step,
  draft,
  editable,
  send,
  marks,
}: PuzzleContext<StepOf<"choice">, AnswerOf<"choice">>) {
  const type = step.puzzle.multiple ? "checkbox" : "radio";
  return html`<fieldset class="puzzle choice">
    <legend>${step.puzzle.multiple ? t("choice.multiple") : t("choice.single")}</legend>
    <ul class="options">
      ${step.puzzle.options.map(
        (option) => html`<li>
          <label class="option">
            <input
              type=${type}
              name=${`choice-${step.id}`}
              value=${option.id}
              data-focus-key=${`opt-${option.id}`}
              .checked=${draft.selected.includes(option.id)}
              ?disabled=${!editable}
              @change=${(event: Event) => {
                const input = event.target as HTMLInputElement;
                // Radios only fire on selection; checkboxes toggle either way.
                if (type === "radio" && !input.checked) return;
                send({ op: "toggle-option", optionId: option.id });
              }}
            />
            <span>${option.label} ${mark(marks, option.id)}</span>
          </label>
        </li>`,
      )}
    </ul>
  </fieldset>`;
}
