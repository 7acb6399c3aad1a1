/**
 * letter: the parts of the letter as a numbered list (Up/Down buttons to reorder), each a group of
 * radio buttons to choose its paragraph (arrow keys move between them), then the placeholders as
 * labelled fields, then a live preview of the letter as it reads. Keyboard and screen readers do
 * everything; nothing needs dragging.
 */
import { html, nothing } from "lit-html";
import { repeat } from "lit-html/directives/repeat.js";
import { fillText } from "../../../../shared/puzzles/letter/schema.ts";
import { letterItem } from "../../../../shared/puzzles/letter/score.ts";
import { t } from "../../i18n/index.ts";
import { fieldView } from "../form/view.ts";
import { mark } from "../marks.ts";
import type { AnswerOf, PuzzleContext, StepOf } from "../types.ts";
import "./letter.css";

type Step = StepOf<"letter">;
type Draft = AnswerOf<"letter">;

/** A paragraph with its placeholders filled, or shown as « [label] » while empty. */
export function letterText(puzzle: Step["puzzle"], draft: Pick<Draft, "values">, text: string): string {
  const labels = new Map(puzzle.placeholders.map((field) => [field.id, field]));
  return fillText(text, (id) => {
    const value = draft.values[id] ?? "";
    const field = labels.get(id);
    const option = field?.options?.find((candidate) => candidate.value === value);
    return value === "" ? `[${field?.label ?? id}]` : (option?.label ?? value);
  });
}

/** The composed letter: the chosen paragraph of each part, in the team's order. */
export function letterParagraphs(
  puzzle: Step["puzzle"],
  draft: Draft,
): { partId: string; label: string; text: string | null }[] {
  const parts = new Map(puzzle.parts.map((part) => [part.id, part]));
  return draft.order.flatMap((partId) => {
    const part = parts.get(partId);
    if (!part) return [];
    const block = part.blocks.find((candidate) => candidate.id === draft.choices[partId]);
    return [{ partId, label: part.label, text: block ? letterText(puzzle, draft, block.text) : null }];
  });
}

export function letterPuzzle({ step, draft, editable, send, marks }: PuzzleContext<Step, Draft>) {
  const { puzzle } = step;
  const parts = new Map(puzzle.parts.map((part) => [part.id, part]));
  const order = draft.order.filter((id) => parts.has(id));
  const move = (partId: string, toIndex: number) => {
    if (toIndex < 0 || toIndex >= order.length || order.indexOf(partId) === toIndex) return;
    send({ op: "letter-move", partId, toIndex });
  };
  const paragraphs = letterParagraphs(puzzle, draft);

  return html`<div class="puzzle letter">
    <p class="muted">${t("letter.help")}</p>
    <ol class="letter-parts">
      ${repeat(
        order,
        (id) => id,
        (id, index) => {
          const part = parts.get(id);
          if (!part) return nothing;
          return html`<li class="letter-part">
            <fieldset>
              <legend>
                <span class="pos">${t("letter.partNumber", { position: index + 1 })}</span> ${part.label}
                ${mark(marks, letterItem.place(id))} ${mark(marks, letterItem.block(id))}
              </legend>
              <div class="letter-move">
                <button type="button" data-focus-key=${`up-${id}`} aria-label=${t("order.up", { item: part.label })}
                  ?disabled=${!editable || index === 0} @click=${() => move(id, index - 1)}>↑</button>
                <button type="button" data-focus-key=${`down-${id}`} aria-label=${t("order.down", { item: part.label })}
                  ?disabled=${!editable || index === order.length - 1} @click=${() => move(id, index + 1)}>↓</button>
              </div>
              <ul class="letter-blocks">
                ${part.blocks.map(
                  (block) => html`<li>
                    <label class="option">
                      <input
                        type="radio"
                        name=${`letter-${step.id}-${id}`}
                        value=${block.id}
                        data-focus-key=${`block-${block.id}`}
                        .checked=${draft.choices[id] === block.id}
                        ?disabled=${!editable}
                        @change=${(event: Event) => {
                          if ((event.target as HTMLInputElement).checked)
                            send({ op: "letter-choose", partId: id, blockId: block.id });
                        }}
                      />
                      <span>${letterText(puzzle, draft, block.text)}</span>
                    </label>
                  </li>`,
                )}
              </ul>
            </fieldset>
          </li>`;
        },
      )}
    </ol>
    ${
      puzzle.placeholders.length > 0
        ? html`<fieldset class="letter-fields">
          <legend>${t("letter.fields")}</legend>
          ${puzzle.placeholders.map((field) =>
            fieldView(
              field,
              `letter-field-${field.id}`,
              draft.values[field.id] ?? "",
              editable,
              (value) => send({ op: "letter-fill", placeholderId: field.id, value }),
              mark(marks, letterItem.blank(field.id)),
            ),
          )}
        </fieldset>`
        : nothing
    }
    <section class="letter-preview" aria-label=${t("letter.preview")}>
      <h3>${t("letter.preview")}</h3>
      <div class="letter-paper">
        ${paragraphs.map((paragraph) =>
          paragraph.text === null
            ? html`<p class="muted">[${t("letter.noBlock", { part: paragraph.label })}]</p>`
            : html`<p>${paragraph.text}</p>`,
        )}
      </div>
    </section>
  </div>`;
}
