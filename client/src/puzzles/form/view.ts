/** form: real labelled inputs; a field's value is sent to the team when the field changes (blur/Enter). */
import { html } from "lit-html";
import type { FormField } from "../../../../shared/puzzles/form/schema.ts";
import { MAX_VALUE_LENGTH } from "../../../../shared/rules/answer.ts";
import { t } from "../../i18n/index.ts";
import { mark } from "../marks.ts";
import type { AnswerOf, PuzzleContext, StepOf } from "../types.ts";

/** How to type a field's value, when its input needs saying (tags, a period). */
function formatHelp(field: FormField): string {
  if (field.input === "tags") return t("form.tagsHelp");
  if (field.input === "date-range") return t("form.dateRangeHelp");
  return "";
}

/** A labelled input for a form field (also a letter's placeholder); `onChange` gets the new value. */
export function fieldControl(
  field: FormField,
  id: string,
  value: string,
  editable: boolean,
  onChange: (value: string) => void,
) {
  const set = (event: Event) => {
    const next = (event.target as HTMLInputElement).value;
    if (value !== next) onChange(next);
  };
  const describedBy = field.help || formatHelp(field) ? `${id}-help` : undefined;
  switch (field.input) {
    case "textarea":
      return html`<textarea id=${id} data-focus-key=${id} aria-describedby=${describedBy ?? ""} ?disabled=${!editable}
        maxlength=${MAX_VALUE_LENGTH} .value=${value} @change=${set}></textarea>`;
    case "select":
      return html`<select id=${id} data-focus-key=${id} aria-describedby=${describedBy ?? ""} ?disabled=${!editable} @change=${set}>
        <option value="" ?selected=${value === ""}>${t("form.choose")}</option>
        ${(field.options ?? []).map((option) => html`<option value=${option.value} ?selected=${value === option.value}>${option.label}</option>`)}
      </select>`;
    default:
      return html`<input
        id=${id}
        data-focus-key=${id}
        type=${field.input === "number" ? "text" : field.input === "date" ? "date" : "text"}
        inputmode=${field.input === "number" ? "decimal" : "text"}
        placeholder=${field.input === "date-range" ? t("form.dateRangePlaceholder") : ""}
        aria-describedby=${describedBy ?? ""}
        ?disabled=${!editable}
        maxlength=${MAX_VALUE_LENGTH}
        .value=${value}
        @change=${set}
        @keydown=${(event: KeyboardEvent) => {
          if (event.key === "Enter") set(event);
        }}
      />`;
  }
}

/** A field's label, control and help, with the mark of the last attempt. */
export function fieldView(
  field: FormField,
  id: string,
  value: string,
  editable: boolean,
  onChange: (value: string) => void,
  marked: unknown,
) {
  return html`<div class="field">
    <label for=${id}>${field.label} ${marked}</label>
    ${fieldControl(field, id, value, editable, onChange)}
    ${
      field.help || formatHelp(field)
        ? html`<p class="help" id=${`${id}-help`}>${field.help ?? ""} ${formatHelp(field)}</p>`
        : null
    }
  </div>`;
}

export function formPuzzle({
  step,
  draft,
  editable,
  send,
  marks,
}: PuzzleContext<StepOf<"form">, AnswerOf<"form">>) {
  return html`<div class="puzzle form">
    <p class="muted">${t("form.help")}</p>
    ${step.puzzle.fields.map((field) =>
      fieldView(
        field,
        `field-${field.id}`,
        draft.values[field.id] ?? "",
        editable,
        (value) => send({ op: "set-field", fieldId: field.id, value }),
        mark(marks, field.id),
      ),
    )}
  </div>`;
}
