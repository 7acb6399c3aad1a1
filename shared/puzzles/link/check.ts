/** Meaning checks of a link step: what its schema cannot say. */
import type { JsonPath } from "../../scenario/json-source.ts";
import { checkReference, type Noun, quote, uniqueIds } from "../../scenario/meaning-kit.ts";
import type { Report } from "../../scenario/structure.ts";
import { sameLinkKey, symmetricKinds } from "./links.ts";
import type { LinkPuzzle, LinkSolution, LinkTriple } from "./schema.ts";

const CARD: Noun = { one: "la carte", known: "cartes connues" };
const KIND: Noun = { one: "la sorte de lien", known: "sortes de liens déclarées" };

export function checkLink(
  step: { puzzle: LinkPuzzle; solution: LinkSolution | undefined },
  at: JsonPath,
  report: Report,
): void {
  const { puzzle, solution } = step;
  const cards = uniqueIds(puzzle.cards, (i) => [...at, "puzzle", "cards", i], CARD, report);
  const kinds = uniqueIds(puzzle.kinds, (i) => [...at, "puzzle", "kinds", i], KIND, report);
  if (!solution) return;
  const symmetric = symmetricKinds(puzzle);
  const labelOf = (id: string) => puzzle.cards.find((card) => card.id === id)?.label ?? id;
  const sentence = (link: LinkTriple) =>
    `${quote(labelOf(link.from))} — ${puzzle.kinds.find((k) => k.id === link.kind)?.label ?? link.kind} → ${quote(labelOf(link.to))}`;

  /** References of one link resolve and it joins two different cards; returns whether it is sound. */
  const sound = (link: LinkTriple, path: JsonPath) => {
    const from = checkReference(link.from, cards, CARD, [...path, "from"], report);
    const kind = checkReference(link.kind, kinds, KIND, [...path, "kind"], report);
    const to = checkReference(link.to, cards, CARD, [...path, "to"], report);
    if (from && to && link.from === link.to) {
      report(
        "error",
        "solution-impossible",
        [...path, "to"],
        `le lien ${sentence(link)} relie une carte à elle-même : choisissez deux cartes différentes`,
      );
      return false;
    }
    return from && kind && to;
  };

  const expected = new Set<string>();
  solution.links.forEach((link, i) => {
    const path = [...at, "solution", "links", i];
    if (!sound(link, path)) return;
    const key = sameLinkKey(link, symmetric);
    if (expected.has(key))
      report(
        "error",
        "solution-impossible",
        path,
        symmetric.has(link.kind) && key !== `${link.from}:${link.kind}:${link.to}`
          ? `le lien ${sentence(link)} est déjà attendu dans l'autre sens (la sorte de lien vaut dans les deux sens) : retirez l'un des deux`
          : `le lien ${sentence(link)} est attendu deux fois : retirez le doublon`,
      );
    expected.add(key);
  });
  if (expected.size > puzzle.maxLinks)
    report(
      "error",
      "solution-impossible",
      [...at, "puzzle", "maxLinks"],
      `la solution attend ${expected.size} liens mais une équipe ne peut en tracer que ${puzzle.maxLinks} : augmentez « maxLinks »`,
    );

  const anticipated = new Set<string>();
  solution.wrongLinks.forEach((link, i) => {
    const path = [...at, "solution", "wrongLinks", i];
    if (!sound(link, path)) return;
    const key = sameLinkKey(link, symmetric);
    if (expected.has(key))
      report(
        "error",
        "solution-impossible",
        path,
        `le lien ${sentence(link)} est à la fois attendu et prévu comme faux : retirez-le de « wrongLinks »`,
      );
    else if (anticipated.has(key))
      report(
        "error",
        "identifiant-en-double",
        path,
        `le lien faux ${sentence(link)} est prévu deux fois : gardez un seul retour`,
      );
    anticipated.add(key);
  });
}
