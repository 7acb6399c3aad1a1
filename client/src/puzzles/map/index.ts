import { html } from "lit-html";
import { t } from "../../i18n/index.ts";
import type { PuzzleView, Sentence } from "../types.ts";
import { featureName, itemLabel, placeText } from "./places.ts";
import { mapPicture, mapPuzzle } from "./view.ts";

export const mapView: PuzzleView<"map"> = {
  type: "map",
  render: mapPuzzle,
  answerLines: (puzzle, draft) =>
    puzzle.items.flatMap((item) => {
      const place = draft.places.find((p) => p.item === item.id);
      return place ? [{ label: item.label, value: placeText(puzzle, place) }] : [];
    }),
  answerFigure: mapPicture,
  describeEdit(puzzle, edit, name): Sentence {
    const item = itemLabel(puzzle, edit.item);
    if (edit.op === "map-clear") return { key: "edit.map-clear", params: { name, item } };
    return { key: "edit.map-place", params: { name, item, where: placeText(puzzle, edit) } };
  },
  feedbackTarget: (puzzle, id) => itemLabel(puzzle, id),
  kitCard: (puzzle) =>
    html`<h4>${t("kit.mapItems", { tolerance: puzzle.toleranceMeters })}</h4>
      <ul class="kit-options">${puzzle.items.map((item) => html`<li>▭ ${item.label}${item.detail ? ` — ${item.detail}` : ""}</li>`)}</ul>
      <h4>${t("kit.mapFeatures")}</h4>
      <ul class="kit-buckets">${puzzle.map.features.map((f) => html`<li>${featureName(puzzle, f.id)}</li>`)}</ul>`,
};
