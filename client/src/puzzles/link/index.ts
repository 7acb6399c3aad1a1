import { html, nothing } from "lit-html";
import { parseLinkKey } from "../../../../shared/puzzles/link/links.ts";
import { t } from "../../i18n/index.ts";
import type { PuzzleView } from "../types.ts";
import { linkTable } from "./board.ts";
import { cardLabel, kindLabel, linkSentence, sortedLinks } from "./sentences.ts";
import { linkPuzzle } from "./view.ts";

export const linkView: PuzzleView<"link"> = {
  type: "link",
  table: linkTable,
  render: linkPuzzle,
  answerLines: (puzzle, draft) =>
    sortedLinks(puzzle, draft.links).map((link) => ({
      label: cardLabel(puzzle, link.from),
      value: `— ${kindLabel(puzzle, link.kind)} → ${cardLabel(puzzle, link.to)}`,
    })),
  describeEdit: (puzzle, edit, name) => ({
    key: edit.op === "link-add" ? "edit.link-add" : "edit.link-remove",
    params: { name, link: linkSentence(puzzle, edit) },
  }),
  feedbackTarget(puzzle, id) {
    const link = parseLinkKey(id);
    return link ? linkSentence(puzzle, link) : id;
  },
  kitCard: (puzzle) =>
    html`<h4>${t("kit.linkCards")}</h4>
      <ul class="kit-options">${puzzle.cards.map((card) => html`<li>▭ ${card.label} <span class="muted">(${t(`link.kind.${card.kind}`)}${card.detail ? html` · ${card.detail}` : nothing})</span></li>`)}</ul>
      <h4>${t("kit.linkKinds", { max: puzzle.maxLinks })}</h4>
      <ul class="kit-buckets">${puzzle.kinds.map((kind) => html`<li>${kind.symmetric ? "⇄" : "→"} ${kind.label}</li>`)}</ul>`,
};
