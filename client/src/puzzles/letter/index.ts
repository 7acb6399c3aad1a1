import { html, nothing } from "lit-html";
import { letterItem } from "../../../../shared/puzzles/letter/score.ts";
import { t } from "../../i18n/index.ts";
import { labelOf, type PuzzleView, type Sentence } from "../types.ts";
import { letterParagraphs, letterPuzzle, letterText } from "./view.ts";

export const letterView: PuzzleView<"letter"> = {
  type: "letter",
  render: letterPuzzle,
  // The letter as it reads, one line per part: the projected reveal shows the teams' letters side by side.
  answerLines: (puzzle, draft) =>
    letterParagraphs(puzzle, draft).map((paragraph) => ({
      label: paragraph.label,
      value: paragraph.text ?? "—",
    })),
  describeEdit(puzzle, edit, name): Sentence {
    switch (edit.op) {
      case "letter-choose":
        return edit.blockId === null
          ? { key: "edit.letter-unchoose", params: { name, part: labelOf(puzzle?.parts, edit.partId) } }
          : { key: "edit.letter-choose", params: { name, part: labelOf(puzzle?.parts, edit.partId) } };
      case "letter-move":
        return {
          key: "edit.letter-move",
          params: { name, part: labelOf(puzzle?.parts, edit.partId), position: edit.toIndex + 1 },
        };
      case "letter-fill":
        return {
          key: "edit.letter-fill",
          params: { name, field: labelOf(puzzle?.placeholders, edit.placeholderId) },
        };
    }
  },
  feedbackTarget(puzzle, id) {
    const [kind, target = ""] = id.split(":");
    const part = labelOf(puzzle.parts, target);
    if (`${kind}:` === letterItem.block("")) return t("letter.targetBlock", { part });
    if (`${kind}:` === letterItem.place("")) return t("letter.targetPlace", { part });
    return labelOf(puzzle.placeholders, target);
  },
  kitCard: (puzzle) =>
    html`<h4>${t("kit.letter")}</h4>
      <ol class="kit-options">${puzzle.parts.map(
        (part) =>
          html`<li>___ ${part.label}<ul>${part.blocks.map((block) => html`<li>☐ ${letterText(puzzle, { values: {} }, block.text)}</li>`)}</ul></li>`,
      )}</ol>
      ${
        puzzle.placeholders.length > 0
          ? html`<h4>${t("kit.fields")}</h4>
            <dl class="kit-fields">${puzzle.placeholders.map((f) => html`<dt>${f.label}</dt><dd><span class="kit-blank"></span></dd>`)}</dl>`
          : nothing
      }`,
};
