/**
 * link: the cards in a list; each card has a « Relier à… » form (a select for the kind of link, one
 * for the target card, a button) and lists the links it starts, each with a remove button. Complete
 * on its own for the keyboard and screen readers. With the mouse, a card dragged onto another one
 * draws a link of the kind its form shows (the same edit as its « Relier » button).
 */
import { html, nothing } from "lit-html";
import { repeat } from "lit-html/directives/repeat.js";
import { linkKey } from "../../../../shared/puzzles/link/links.ts";
import type { LinkTriple } from "../../../../shared/puzzles/link/schema.ts";
import { t } from "../../i18n/index.ts";
import { dropZone } from "../../ui/drop-zone.ts";
import { mark } from "../marks.ts";
import type { AnswerOf, PuzzleContext, StepOf } from "../types.ts";
import { linkAddEdit } from "./board.ts";
import { linkSentence, sortedLinks } from "./sentences.ts";

const DRAG_TYPE = "text/x-datatruc-card";

export function linkPuzzle({
  step,
  draft,
  editable,
  send,
  marks,
}: PuzzleContext<StepOf<"link">, AnswerOf<"link">>) {
  const puzzle = step.puzzle;
  const full = draft.links.length >= puzzle.maxLinks;
  const links = sortedLinks(puzzle, draft.links);

  const add = (event: Event, from: string) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const kind = (form.elements.namedItem("kind") as HTMLSelectElement | null)?.value ?? "";
    const to = (form.elements.namedItem("to") as HTMLSelectElement | null)?.value ?? "";
    const edit = linkAddEdit(puzzle, draft, from, kind, to);
    if (edit) send(edit);
  };
  const remove = (event: Event, link: LinkTriple) => {
    // The button goes away with the link: the focus goes back to the card's « Relier » button first.
    const card = (event.currentTarget as HTMLElement).closest(".link-card");
    card?.querySelector<HTMLElement>("button[type=submit]")?.focus();
    send({ op: "link-remove", ...link });
  };

  /** A card dropped onto another: the link of the kind chosen in the dragged card's form. */
  const dropOn = (to: string) =>
    dropZone(
      DRAG_TYPE,
      (from) => {
        const kind = document.querySelector<HTMLSelectElement>(
          `[data-focus-key="link-kind-${CSS.escape(from)}"]`,
        )?.value;
        const edit = kind ? linkAddEdit(puzzle, draft, from, kind, to) : null;
        if (edit) send(edit);
      },
      editable,
    );

  const cardView = (card: (typeof puzzle.cards)[number]) => {
    const own = links.filter((link) => link.from === card.id);
    const headingId = `link-card-${card.id}`;
    const target = dropOn(card.id);
    return html`<li class="link-card" data-card=${card.id} data-piece=${card.id} data-card-kind=${card.kind} aria-labelledby=${headingId}
      draggable=${editable ? "true" : "false"}
      @dragstart=${(event: DragEvent) => {
        event.dataTransfer?.setData(DRAG_TYPE, card.id);
        event.dataTransfer?.setData("text/plain", card.label);
      }}
      @dragover=${target.over} @dragleave=${target.leave} @drop=${target.drop}>
      <h3 id=${headingId}><span class="card-kind">${t(`link.kind.${card.kind}`)}</span> ${card.label}</h3>
      ${card.detail ? html`<p class="detail">${card.detail}</p>` : nothing}
      <form class="link-add" aria-label=${t("link.linkFrom", { card: card.label })} @submit=${(event: Event) => add(event, card.id)}>
        <label>${t("link.kindLabel")}
          <select name="kind" data-focus-key=${`link-kind-${card.id}`} ?disabled=${!editable}>
            ${puzzle.kinds.map((kind) => html`<option value=${kind.id}>${kind.label}</option>`)}
          </select>
        </label>
        <label>${t("link.targetLabel")}
          <select name="to" data-focus-key=${`link-to-${card.id}`} ?disabled=${!editable}>
            ${puzzle.cards
              .filter((other) => other.id !== card.id)
              .map((other) => html`<option value=${other.id}>${other.label}</option>`)}
          </select>
        </label>
        <button type="submit" data-focus-key=${`link-add-${card.id}`} ?disabled=${!editable || full}>${t("link.add")}</button>
      </form>
      ${
        own.length === 0
          ? nothing
          : html`<ul class="link-list" aria-label=${t("link.linksOf", { card: card.label })}>
              ${repeat(
                own,
                linkKey,
                (link) => html`<li data-link=${linkKey(link)}>
                  <span>${linkSentence(puzzle, link)}</span> ${mark(marks, linkKey(link))}
                  <button type="button" class="small" data-focus-key=${`link-remove-${linkKey(link)}`}
                    aria-label=${t("link.remove", { link: linkSentence(puzzle, link) })}
                    ?disabled=${!editable} @click=${(event: Event) => remove(event, link)}>${t("link.removeShort")}</button>
                </li>`,
              )}
            </ul>`
      }
    </li>`;
  };

  return html`<div class="puzzle link">
    <p class="muted">${t("link.help")}</p>
    <p class="link-count" aria-live="polite">${t("link.count", { count: draft.links.length, max: puzzle.maxLinks })}${full ? html` · ${t("link.full")}` : nothing}</p>
    <ul class="link-cards">${repeat(puzzle.cards, (card) => card.id, cardView)}</ul>
  </div>`;
}
