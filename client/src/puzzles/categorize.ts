/**
 * categorize: buckets with draggable items; every item also has a select ("put in…") so the
 * keyboard and screen readers can do everything without dragging.
 */
import { html } from "lit-html";
import { repeat } from "lit-html/directives/repeat.js";
import { t } from "../i18n/index.ts";
import { dropZone } from "../ui/drop-zone.ts";
import { mark } from "./marks.ts";
import type { AnswerOf, PuzzleContext, StepOf } from "./types.ts";

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
    if ((draft.placements[itemId] ?? null) !== bucketId) send({ op: "place-item", itemId, bucketId });
  };

  const itemView = (item: (typeof items)[number]) => html`<li
    class="item"
    draggable=${editable ? "true" : "false"}
    @dragstart=${(event: DragEvent) => {
      event.dataTransfer?.setData(DRAG_TYPE, item.id);
      event.dataTransfer?.setData("text/plain", item.label);
      (event.currentTarget as HTMLElement).classList.add("dragging");
    }}
    @dragend=${(event: DragEvent) => (event.currentTarget as HTMLElement).classList.remove("dragging")}
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

  const zone = (bucketId: string | null, label: string) => {
    const inside = items.filter((item) => (draft.placements[item.id] ?? null) === bucketId);
    const target = dropZone(DRAG_TYPE, (itemId) => place(itemId, bucketId), editable);
    return html`<section
      class="bucket"
      aria-label=${label}
      data-bucket=${bucketId ?? ""}
      @dragover=${target.over}
      @dragleave=${target.leave}
      @drop=${target.drop}
    >
      <h3>${label} <span class="muted">(${t("categorize.count", { count: inside.length })})</span></h3>
      <ul class="items">
        ${inside.length === 0 ? html`<li class="muted">${t("categorize.empty")}</li>` : repeat(inside, (item) => item.id, itemView)}
      </ul>
    </section>`;
  };

  return html`<div class="puzzle categorize">
    <p class="muted">${t("categorize.help")}</p>
    <div class="buckets">
      ${zone(null, t("categorize.unplaced"))} ${buckets.map((bucket) => zone(bucket.id, bucket.label))}
    </div>
  </div>`;
}
