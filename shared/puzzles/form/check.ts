/** Meaning checks of a form step: what its schema cannot say. */
import { listForMessage } from "../../scenario/findings.ts";
import type { JsonPath } from "../../scenario/json-source.ts";
import { checkReference, lowerSentence, quote, uniqueIds } from "../../scenario/meaning-kit.ts";
import type { Report } from "../../scenario/structure.ts";
import { checkField, isCalendarDate, looseText } from "./check-field.ts";
import type { FieldRule, FormField, FormPuzzle, FormSolution } from "./schema.ts";

function checkRuleCoherence(rule: FieldRule, path: JsonPath, report: Report): void {
  const bad = (message: string) => report("error", "regle-incoherente", path, message);
  switch (rule.rule) {
    case "pattern":
    case "notMatching":
      try {
        new RegExp(rule.pattern);
      } catch (error) {
        report(
          "error",
          "regle-incoherente",
          [...path, "pattern"],
          `expression régulière invalide : ${(error as Error).message}`,
        );
      }
      break;
    case "length":
      if (rule.min !== undefined && rule.max !== undefined && rule.min > rule.max)
        bad(`min (${rule.min}) est plus grand que max (${rule.max}) : aucune réponse ne peut convenir`);
      break;
    case "number":
      if (rule.min !== undefined && rule.max !== undefined && rule.min > rule.max)
        bad(`min (${rule.min}) est plus grand que max (${rule.max}) : aucune réponse ne peut convenir`);
      break;
    case "tags":
      if (rule.maxCount !== undefined && rule.minCount > rule.maxCount)
        bad(`minCount (${rule.minCount}) est plus grand que maxCount (${rule.maxCount})`);
      if (rule.minLength !== undefined && rule.maxLength !== undefined && rule.minLength > rule.maxLength)
        bad(`minLength (${rule.minLength}) est plus grand que maxLength (${rule.maxLength})`);
      if (rule.maxCount !== undefined && (rule.required?.length ?? 0) > rule.maxCount)
        bad(`${rule.required?.length} mots-clés obligatoires mais maxCount vaut ${rule.maxCount}`);
      break;
    case "dateRange":
      for (const key of ["start", "end"] as const) {
        const date = rule[key];
        if (date !== undefined && !isCalendarDate(date))
          report("error", "regle-incoherente", [...path, key], `la date ${quote(date)} n'existe pas`);
      }
      if (rule.start !== undefined && rule.end !== undefined && rule.start > rule.end)
        bad(`start (${rule.start}) est après end (${rule.end}) : aucune période ne peut convenir`);
      break;
    case "equals":
    case "notEquals":
      break;
  }
}

/**
 * The accepted values of a list (« select ») field's `equals` rule must be values of its options:
 * names each one no team can choose; returns how many.
 */
function checkAcceptedValues(field: FormField, rule: FieldRule, path: JsonPath, report: Report): number {
  if (rule.rule !== "equals" || field.input !== "select" || !field.options?.length) return 0;
  const values = field.options.map((option) => option.value);
  const offered = new Set(values.map(looseText));
  let dead = 0;
  rule.accepted.forEach((accepted, k) => {
    if (offered.has(looseText(accepted))) return;
    dead++;
    report(
      "error",
      "reference-inconnue",
      [...path, "accepted", k],
      `la valeur acceptée ${quote(accepted)} n'est pas une valeur de la liste du champ ${quote(field.id)} (valeurs : ${listForMessage(values)}) : aucune équipe ne peut la choisir`,
    );
  });
  return dead;
}

export function checkForm(
  step: { puzzle: FormPuzzle; solution: FormSolution | undefined },
  at: JsonPath,
  report: Report,
): void {
  const { puzzle, solution } = step;
  const fields = uniqueIds(puzzle.fields, (i) => [...at, "puzzle", "fields", i], "field", report);
  puzzle.fields.forEach((field, i) => {
    const path = [...at, "puzzle", "fields", i];
    if (field.input === "select" && (field.options?.length ?? 0) < 2)
      report(
        "error",
        "regle-incoherente",
        path,
        `le champ ${quote(field.id)} est une liste (« select ») : donnez au moins deux valeurs dans « options »`,
      );
    const values = new Set<string>();
    field.options?.forEach((option, j) => {
      if (values.has(option.value))
        report(
          "error",
          "identifiant-en-double",
          [...path, "options", j, "value"],
          `la valeur ${quote(option.value)} est proposée deux fois`,
        );
      values.add(option.value);
    });
  });
  if (!solution) return;
  for (const [fieldId, fieldSolution] of Object.entries(solution.fields)) {
    const path = [...at, "solution", "fields", fieldId];
    if (!checkReference(fieldId, fields, "field", path, report, "key")) continue;
    checkRuleCoherence(fieldSolution.check, [...path, "check"], report);
    const field = puzzle.fields.find((candidate) => candidate.id === fieldId);
    const deadValues = field
      ? checkAcceptedValues(field, fieldSolution.check, [...path, "check"], report)
      : 0;
    const check = checkField(fieldSolution.check, fieldSolution.example);
    // (An example refused only because an accepted value is misspelt: that value is named above.)
    if (!check.ok && deadValues === 0)
      report(
        "error",
        "solution-impossible",
        [...path, "example"],
        `l'exemple ${quote(fieldSolution.example)} ne respecte pas la règle « ${fieldSolution.check.rule} » (${lowerSentence(check.message ?? "refusé")}) : corrigez l'exemple ou la règle`,
      );
    if (field?.input === "select" && field.options && field.options.length > 0) {
      const values = field.options.map((option) => option.value);
      if (!values.includes(fieldSolution.example))
        report(
          "error",
          "solution-impossible",
          [...path, "example"],
          `l'exemple ${quote(fieldSolution.example)} n'est pas une valeur de la liste (valeurs : ${listForMessage(values)})`,
        );
    }
  }
  for (const field of puzzle.fields) {
    if (!Object.hasOwn(solution.fields, field.id))
      report(
        "warning",
        "solution-impossible",
        [...at, "solution", "fields"],
        `le champ ${quote(field.id)} n'a pas de règle dans la solution : il ne sera pas noté`,
      );
  }
}
