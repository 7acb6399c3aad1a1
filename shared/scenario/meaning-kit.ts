/**
 * Helpers for meaning checks (pass 2 of the validator), used by `meaning.ts` and by each puzzle
 * type's `check` (shared/puzzles/<type>/): unique ids, references that resolve, French messages.
 */
import { listForMessage } from "./findings.ts";
import type { JsonPath } from "./json-source.ts";
import { type Report, suggest } from "./structure.ts";

export interface Noun {
  one: string;
  known: string;
  /** For the agreement of participles: « l'option … est déjà définie ». */
  feminine?: boolean;
}
export const NOUNS = {
  option: { one: "l'option", known: "options connues", feminine: true },
  item: { one: "l'élément", known: "éléments connus" },
  bucket: { one: "la catégorie", known: "catégories connues", feminine: true },
  field: { one: "le champ", known: "champs connus" },
  column: { one: "la colonne", known: "colonnes connues", feminine: true },
  row: { one: "la ligne", known: "lignes connues", feminine: true },
  role: { one: "le rôle", known: "rôles connus" },
  character: { one: "le personnage", known: "personnages déclarés" },
  competence: { one: "la compétence", known: "compétences connues", feminine: true },
  level: { one: "le niveau", known: "niveaux connus" },
  step: { one: "l'étape", known: "étapes", feminine: true },
  material: { one: "le document", known: "documents" },
  domain: { one: "le domaine", known: "domaines" },
} satisfies Record<string, Noun>;
export type NounName = keyof typeof NOUNS;
/** A noun of the table above, or a puzzle type's own (« le bloc », « blocs connus »). */
export type NounRef = NounName | Noun;
const nounOf = (noun: NounRef): Noun => (typeof noun === "string" ? NOUNS[noun] : noun);

export const quote = (value: string) => `« ${value} »`;
/** « Réponse trop courte. » → « réponse trop courte », to quote a player message inside ours. */
export const lowerSentence = (text: string) =>
  text.charAt(0).toLowerCase() + text.slice(1).replace(/\.$/, "");

/** Suggests a close id, but not `doc-1` for `doc-7`: numbered ids differ on purpose. */
function suggestId(id: string, known: readonly string[]): string | undefined {
  const best = suggest(id, known);
  if (!best) return undefined;
  const letters = (text: string) => text.replace(/\d+/g, "#");
  return letters(best) === letters(id) ? undefined : best;
}

function unknownMessage(noun: NounRef, id: string, known: readonly string[]): string {
  const suggestion = suggestId(id, known);
  const tail = suggestion ? ` ; vouliez-vous dire ${quote(suggestion)} ?` : "";
  return `${nounOf(noun).one} ${quote(id)} n'existe pas (${nounOf(noun).known} : ${listForMessage(known)})${tail}`;
}

/** Reports ids used twice; returns the known ids. */
export function uniqueIds(
  entries: readonly { id: string }[],
  pathOf: (index: number) => JsonPath,
  noun: NounRef,
  report: Report,
): string[] {
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    if (seen.has(entry.id))
      report(
        "error",
        "identifiant-en-double",
        [...pathOf(index), "id"],
        `${nounOf(noun).one} ${quote(entry.id)} est déjà défini${nounOf(noun).feminine ? "e" : ""} plus haut : chaque identifiant doit être unique`,
      );
    seen.add(entry.id);
  });
  return [...seen];
}

export function checkReference(
  id: string,
  known: readonly string[],
  noun: NounRef,
  path: JsonPath,
  report: Report,
  target: "value" | "key" = "value",
): boolean {
  if (known.includes(id)) return true;
  report("error", "reference-inconnue", path, unknownMessage(noun, id, known), target);
  return false;
}
