/**
 * categorize: the items in a fixed list (each with a select "put in…", so the keyboard and screen
 * readers do everything without dragging) and the categories, which list what they hold; items
 * and chips drag into a category, or back to the list.
 */
import { html } from "lit-html";
import { repeat } from "lit-html/directives/repeat.js";
import { t } from "../../i18n/index.ts";
import { dropZone } from "../../ui/drop-zone.ts";
import { mark } from "../marks.ts";
import type { AnswerOf, PuzzleContext, StepOf } from "../types.ts";
import { placeEdit } from "./board.ts";

const DRAG_TYPE = "text/x-datatruc-item";

export function categorizePuzzle({
  step,
  draft,
  editable,
  send,
  marks,
}: PuzzleContext<StepOf<"categorize">, AnswerOf<"categorize">>) {
  const { items, buckets } = step.puzzle;
  const place = (itemId: string, bucketId: string | null) => {
    const edit = placeEdit(draft, itemId, bucketId);
    if (edit) send(edit);
  };

  const itemView = (item: (typeof items)[number]) => html`<li
    class=${`item ${draft.placements[item.id] ? "placed" : ""}`}
    data-item=${item.id}
    data-piece=${item.id}
    draggable=${editable ? "true" : "false"}
    @dragstart=${(event: DragEvent) => drag(item).start(event)}
    @dragend=${(event: DragEvent) => drag(item).end(event)}
  >
    <div>${item.label} ${mark(marks, item.id)}</div>
    ${item.detail ? html`<div class="detail">${item.detail}</div>` : null}
    <label class="visually-hidden" for=${`place-${item.id}`}>${t("categorize.moveTo", { item: item.label })}</label>
    <select
      id=${`place-${item.id}`}
      data-focus-key=${`place-${item.id}`}
      ?disabled=${!editable}
      @change=${(event: Event) => {
        const value = (event.target as HTMLSelectElement).value;
        place(item.id, value === "" ? null : value);
      }}
    >
      <option value="" ?selected=${!draft.placements[item.id]}>${t("categorize.none")}</option>
      ${buckets.map(
        (bucket) =>
          html`<option value=${bucket.id} ?selected=${draft.placements[item.id] === bucket.id}>${bucket.label}</option>`,
      )}
    </select>
  </li>`;

  /** Drag handlers shared by the item cards and the chips in the categories. */
  const drag = (item: (typeof items)[number]) => ({
    start: (event: DragEvent) => {
      event.dataTransfer?.setData(DRAG_TYPE, item.id);
      event.dataTransfer?.setData("text/plain", item.label);
      (event.currentTarget as HTMLElement).classList.add("dragging");
    },
    end: (event: DragEvent) => (event.currentTarget as HTMLElement).classList.remove("dragging"),
  });

  // Every item stays in one list, in the scenario's order, whatever its category: a moved item
  // keeps its place in the Tab order. Each category lists what it holds (and takes drops).
  const zone = (bucketId: string, label: string) => {
    const inside = items.filter((item) => (draft.placements[item.id] ?? null) === bucketId);
    const target = dropZone(DRAG_TYPE, (itemId) => place(itemId, bucketId), editable);
    return html`<section
      class="bucket"
      aria-label=${label}
      data-bucket=${bucketId}
      @dragover=${target.over}
      @dragleave=${target.leave}
      @drop=${target.drop}
    >
      <h3>${label} <span class="muted">(${t("categorize.count", { count: inside.length })})</span></h3>
      <ul class="items">
        ${
          inside.length === 0
            ? html`<li class="muted">${t("categorize.empty")}</li>`
            : repeat(
                inside,
                (item) => item.id,
                (item) =>
                  html`<li class="chip" data-item=${item.id} draggable=${editable ? "true" : "false"}
                    @dragstart=${drag(item).start} @dragend=${drag(item).end}>${item.label} ${mark(marks, item.id)}</li>`,
              )
        }
      </ul>
    </section>`;
  };

  const unplaced = dropZone(DRAG_TYPE, (itemId) => place(itemId, null), editable);
  return html`<div class="puzzle categorize">
    <p class="muted">${t("categorize.help")}</p>
    <section class="bucket source" aria-label=${t("categorize.items")} data-bucket=""
      @dragover=${unplaced.over} @dragleave=${unplaced.leave} @drop=${unplaced.drop}>
      <h3>${t("categorize.items")}</h3>
      <ul class="items">${repeat(items, (item) => item.id, itemView)}</ul>
    </section>
    <div class="buckets">${buckets.map((bucket) => zone(bucket.id, bucket.label))}</div>
  </div>`;
}
