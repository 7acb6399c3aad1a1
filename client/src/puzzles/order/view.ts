/** order: a numbered list; drag an item onto another's place, or use the Up/Down buttons. */
import { html } from "lit-html";
import { repeat } from "lit-html/directives/repeat.js";
import { t } from "../../i18n/index.ts";
import { mark } from "../marks.ts";
import type { AnswerOf, PuzzleContext, StepOf } from "../types.ts";
import { moveEdit, shownOrder } from "./board.ts";

const DRAG_TYPE = "text/x-datatruc-order";

export function orderPuzzle({
  step,
  draft,
  editable,
  send,
  marks,
}: PuzzleContext<StepOf<"order">, AnswerOf<"order">>) {
  const labels = new Map(step.puzzle.items.map((item) => [item.id, item.label]));
  const order = shownOrder(step.puzzle, draft.order);
  const move = (itemId: string, toIndex: number) => {
    const edit = moveEdit(order, itemId, toIndex);
    if (edit) send(edit);
  };

  return html`<div class="puzzle order">
    <p class="muted">${t("order.help")}</p>
    <ol class="items order-list">
      ${repeat(
        order,
        (id) => id,
        (id, index) => {
          const label = labels.get(id) ?? id;
          return html`<li
            class="item"
            data-piece=${id}
            draggable=${editable ? "true" : "false"}
            @dragstart=${(event: DragEvent) => event.dataTransfer?.setData(DRAG_TYPE, id)}
            @dragover=${(event: DragEvent) => editable && event.preventDefault()}
            @drop=${(event: DragEvent) => {
              event.preventDefault();
              const dragged = event.dataTransfer?.getData(DRAG_TYPE);
              if (dragged) move(dragged, index);
            }}
          >
            <span class="pos" aria-hidden="true">${index + 1}.</span>
            <span class="label">${label} ${mark(marks, id)}</span>
            <button
              type="button"
              data-focus-key=${`up-${id}`}
              aria-label=${t("order.up", { item: label })}
              ?disabled=${!editable || index === 0}
              @click=${() => move(id, index - 1)}
            >↑</button>
            <button
              type="button"
              data-focus-key=${`down-${id}`}
              aria-label=${t("order.down", { item: label })}
              ?disabled=${!editable || index === order.length - 1}
              @click=${() => move(id, index + 1)}
            >↓</button>
          </li>`;
        },
      )}
    </ol>
  </div>`;
}
