/** Meaning checks of a letter step: what its schema cannot say. */
import { listForMessage } from "../../scenario/findings.ts";
import type { JsonPath } from "../../scenario/json-source.ts";
import { checkReference, type Noun, quote, uniqueIds } from "../../scenario/meaning-kit.ts";
import type { Report } from "../../scenario/structure.ts";
import { checkForm } from "../form/check.ts";
import { type LetterPuzzle, type LetterSolution, placeholdersIn } from "./schema.ts";

const PART: Noun = { one: "la partie", known: "parties connues" };
const BLOCK: Noun = { one: "le paragraphe", known: "paragraphes de cette partie" };

/** The form checks of the placeholders, reported at the letter's own paths. */
function checkPlaceholders(
  puzzle: LetterPuzzle,
  solution: LetterSolution | undefined,
  at: JsonPath,
  report: Report,
) {
  const form = (side: "puzzle" | "solution") => [...at, side, "fields"].join("\u0000");
  const moved: Report = (severity, code, path, message, target) => {
    const key = path.slice(0, at.length + 2).join("\u0000");
    const side = key === form("puzzle") ? "puzzle" : key === form("solution") ? "solution" : undefined;
    const mapped = side ? [...at, side, "placeholders", ...path.slice(at.length + 2)] : path;
    report(severity, code, mapped, message, target);
  };
  checkForm(
    { puzzle: { fields: puzzle.placeholders }, solution: solution && { fields: solution.placeholders } },
    at,
    moved,
  );
}

export function checkLetter(
  step: { puzzle: LetterPuzzle; solution: LetterSolution | undefined },
  at: JsonPath,
  report: Report,
): void {
  const { puzzle, solution } = step;
  const parts = uniqueIds(puzzle.parts, (i) => [...at, "puzzle", "parts", i], PART, report);
  uniqueIds(
    puzzle.parts.flatMap((part) => part.blocks),
    (flat) => {
      let rest = flat;
      for (const [i, part] of puzzle.parts.entries()) {
        if (rest < part.blocks.length) return [...at, "puzzle", "parts", i, "blocks", rest];
        rest -= part.blocks.length;
      }
      return [...at, "puzzle", "parts"];
    },
    BLOCK,
    report,
  );
  const placeholders = puzzle.placeholders.map((field) => field.id);
  puzzle.parts.forEach((part, i) => {
    part.blocks.forEach((block, j) => {
      for (const id of placeholdersIn(block.text))
        checkReference(id, placeholders, "field", [...at, "puzzle", "parts", i, "blocks", j, "text"], report);
    });
  });
  checkPlaceholders(puzzle, solution, at, report);
  if (!solution) return;
  const seen = new Set<string>();
  solution.parts.forEach((entry, i) => {
    const path = [...at, "solution", "parts", i];
    if (!checkReference(entry.part, parts, PART, [...path, "part"], report)) return;
    if (seen.has(entry.part))
      report(
        "error",
        "solution-impossible",
        [...path, "part"],
        `la partie ${quote(entry.part)} est citée deux fois : chaque partie a une seule place dans la lettre`,
      );
    seen.add(entry.part);
    const blocks = puzzle.parts.find((part) => part.id === entry.part)?.blocks.map((block) => block.id) ?? [];
    checkReference(entry.block, blocks, BLOCK, [...path, "block"], report);
  });
  const missing = parts.filter((part) => !seen.has(part));
  if (missing.length > 0)
    report(
      "error",
      "solution-impossible",
      [...at, "solution", "parts"],
      `la solution doit placer chaque partie de la lettre une fois ; il manque : ${listForMessage(missing)}`,
    );
}
