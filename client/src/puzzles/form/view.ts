/** form: real labelled inputs; a field's value is sent to the team when the field changes (blur/Enter). */
import { html } from "lit-html";
import type { FormField } from "../../../../shared/puzzles/form/schema.ts";
import { MAX_VALUE_LENGTH } from "../../../../shared/rules/answer.ts";
import { t } from "../../i18n/index.ts";
import { mark } from "../marks.ts";
import type { AnswerOf, PuzzleContext, StepOf } from "../types.ts";

export function formPuzzle({
  step,
  draft,
  editable,
  send,
  marks,
}: PuzzleContext<StepOf<"form">, AnswerOf<"form">>) {
  const set = (field: FormField) => (event: Event) => {
    const value = (event.target as HTMLInputElement).value;
    if ((draft.values[field.id] ?? "") !== value) send({ op: "set-field", fieldId: field.id, value });
  };

  const control = (field: FormField) => {
    const id = `field-${field.id}`;
    const value = draft.values[field.id] ?? "";
    const describedBy = field.help || field.input === "tags" ? `${id}-help` : undefined;
    switch (field.input) {
      case "textarea":
        return html`<textarea id=${id} data-focus-key=${id} aria-describedby=${describedBy ?? ""} ?disabled=${!editable}
          maxlength=${MAX_VALUE_LENGTH} .value=${value} @change=${set(field)}></textarea>`;
      case "select":
        return html`<select id=${id} data-focus-key=${id} aria-describedby=${describedBy ?? ""} ?disabled=${!editable} @change=${set(field)}>
          <option value="" ?selected=${value === ""}>${t("form.choose")}</option>
          ${(field.options ?? []).map((option) => html`<option value=${option.value} ?selected=${value === option.value}>${option.label}</option>`)}
        </select>`;
      default:
        return html`<input
          id=${id}
          data-focus-key=${id}
          type=${field.input === "number" ? "text" : field.input === "date" ? "date" : "text"}
          inputmode=${field.input === "number" ? "decimal" : "text"}
          aria-describedby=${describedBy ?? ""}
          ?disabled=${!editable}
          maxlength=${MAX_VALUE_LENGTH}
          .value=${value}
          @change=${set(field)}
          @keydown=${(event: KeyboardEvent) => {
            if (event.key === "Enter") set(field)(event);
          }}
        />`;
    }
  };

  return html`<div class="puzzle form">
    <p class="muted">${t("form.help")}</p>
    ${step.puzzle.fields.map(
      (field) => html`<div class="field">
        <label for=${`field-${field.id}`}>${field.label} ${mark(marks, field.id)}</label>
        ${control(field)}
        ${
          field.help || field.input === "tags"
            ? html`<p class="help" id=${`field-${field.id}-help`}>${field.help ?? ""} ${field.input === "tags" ? t("form.tagsHelp") : ""}</p>`
            : null
        }
      </div>`,
    )}
  </div>`;
}
