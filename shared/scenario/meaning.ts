/**
 * Pass 2, meaning: what a schema cannot say. Unique ids, references that resolve (roles, options,
 * items, buckets, fields, columns, rows, competences, levels), solutions achievable with the puzzle
 * as given, hints and skills that make sense.
 *
 * It runs on the parts of a file that passed the structure pass (`salvageScenario`), so that a file
 * with a typo in one step still gets its references checked everywhere else.
 */
import { z } from "zod";
import { checkField } from "../rules/scoring/check-field.ts";
import { COLUMN_OPERATIONS, sameCell } from "../rules/table-ops.ts";
import { listForMessage } from "./findings.ts";
import type { JsonPath } from "./json-source.ts";
import {
  type CategorizePuzzle,
  type CategorizeSolution,
  CategorizeStep,
  Character,
  type ChoicePuzzle,
  type ChoiceSolution,
  ChoiceStep,
  type FormPuzzle,
  type FormSolution,
  FormStep,
  Hint,
  Id,
  Material,
  type OrderPuzzle,
  type OrderSolution,
  OrderStep,
  type Referential,
  Role,
  ScenarioMetadata,
  Scene,
  Situation,
  SkillWeight,
  type TablePuzzle,
  type TableSolution,
  TableStep,
} from "./schema.ts";
import { type Report, suggest } from "./structure.ts";
import { columnPlan } from "./table-reach.ts";

type Indexed<T> = { index: number; value: T };

type TypedParts =
  | { type: "choice"; puzzle?: ChoicePuzzle; solution?: ChoiceSolution }
  | { type: "categorize"; puzzle?: CategorizePuzzle; solution?: CategorizeSolution }
  | { type: "order"; puzzle?: OrderPuzzle; solution?: OrderSolution }
  | { type: "form"; puzzle?: FormPuzzle; solution?: FormSolution }
  | { type: "table"; puzzle?: TablePuzzle; solution?: TableSolution }
  | { type: undefined; puzzle?: undefined; solution?: undefined };

/** A step as far as it could be read: each part is present only when it is well-formed. */
export type StepParts = TypedParts & {
  index: number;
  id?: string;
  materials: Indexed<Material>[];
  hints?: Hint[];
  skills: Indexed<SkillWeight>[];
  timeLimitSeconds?: number;
  situation?: Situation;
};

export interface ScenarioParts {
  id?: string;
  durationMinutes?: number;
  roles: Indexed<z.infer<typeof Role>>[];
  /** The story's parts as far as they could be read (absent: the scenario has no story). */
  story?: {
    characters: Indexed<Character>[];
    opening?: Scene;
    closing?: Scene;
  };
  steps: StepParts[];
}

/** What the scenario check needs to know of the referential. */
export interface ReferentialIndex {
  competences: string[];
}

const STEP_SCHEMAS = {
  choice: ChoiceStep,
  categorize: CategorizeStep,
  order: OrderStep,
  form: FormStep,
  table: TableStep,
} as const;

function parsed<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> | undefined {
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function indexed<T extends z.ZodType>(schema: T, value: unknown): Indexed<z.infer<T>>[] {
  const out: Indexed<z.infer<T>>[] = [];
  asArray(value).forEach((item, index) => {
    const ok = parsed(schema, item);
    if (ok !== undefined) out.push({ index, value: ok });
  });
  return out;
}

/** Reads every well-formed part of a (possibly invalid) scenario. */
export function salvageScenario(raw: unknown): ScenarioParts {
  const record = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  const steps: StepParts[] = asArray(record.steps).map((rawStep, index) => {
    const step = rawStep && typeof rawStep === "object" ? (rawStep as Record<string, unknown>) : {};
    const common = {
      index,
      id: parsed(Id, step.id),
      materials: indexed(Material, step.materials),
      hints: step.hints === undefined ? [] : parsed(z.array(Hint), step.hints),
      skills: indexed(SkillWeight, step.skills),
      timeLimitSeconds: parsed(ChoiceStep.shape.timeLimitSeconds, step.timeLimitSeconds),
      situation: parsed(Situation, step.situation),
    };
    const type = step.type;
    if (typeof type === "string" && Object.hasOwn(STEP_SCHEMAS, type)) {
      const shape = STEP_SCHEMAS[type as keyof typeof STEP_SCHEMAS].shape;
      return {
        ...common,
        type,
        puzzle: parsed(shape.puzzle, step.puzzle),
        solution: parsed(shape.solution, step.solution),
      } as StepParts;
    }
    return { ...common, type: undefined };
  });
  const metadata =
    record.metadata && typeof record.metadata === "object"
      ? (record.metadata as Record<string, unknown>)
      : {};
  const story =
    record.story && typeof record.story === "object" ? (record.story as Record<string, unknown>) : undefined;
  return {
    id: parsed(Id, record.id),
    durationMinutes: parsed(ScenarioMetadata.shape.durationMinutes, metadata.durationMinutes),
    roles: indexed(Role, record.roles),
    story: story && {
      characters: indexed(Character, story.characters),
      opening: parsed(Scene, story.opening),
      closing: parsed(Scene, story.closing),
    },
    steps,
  };
}

// ---------------------------------------------------------------------------------------------
// Helpers shared by the checks.

interface Noun {
  one: string;
  known: string;
}
const NOUNS = {
  option: { one: "l'option", known: "options connues" },
  item: { one: "l'élément", known: "éléments connus" },
  bucket: { one: "la catégorie", known: "catégories connues" },
  field: { one: "le champ", known: "champs connus" },
  column: { one: "la colonne", known: "colonnes connues" },
  row: { one: "la ligne", known: "lignes connues" },
  role: { one: "le rôle", known: "rôles connus" },
  character: { one: "le personnage", known: "personnages déclarés" },
  competence: { one: "la compétence", known: "compétences connues" },
  level: { one: "le niveau", known: "niveaux connus" },
  step: { one: "l'étape", known: "étapes" },
  material: { one: "le document", known: "documents" },
  domain: { one: "le domaine", known: "domaines" },
} satisfies Record<string, Noun>;
type NounName = keyof typeof NOUNS;

const quote = (value: string) => `« ${value} »`;
/** « Réponse trop courte. » → « réponse trop courte », to quote a player message inside ours. */
const lowerSentence = (text: string) => text.charAt(0).toLowerCase() + text.slice(1).replace(/\.$/, "");

/** Suggests a close id, but not `doc-1` for `doc-7`: numbered ids differ on purpose. */
function suggestId(id: string, known: readonly string[]): string | undefined {
  const best = suggest(id, known);
  if (!best) return undefined;
  const letters = (text: string) => text.replace(/\d+/g, "#");
  return letters(best) === letters(id) ? undefined : best;
}

function unknownMessage(noun: NounName, id: string, known: readonly string[]): string {
  const suggestion = suggestId(id, known);
  const tail = suggestion ? ` ; vouliez-vous dire ${quote(suggestion)} ?` : "";
  return `${NOUNS[noun].one} ${quote(id)} n'existe pas (${NOUNS[noun].known} : ${listForMessage(known)})${tail}`;
}

/** Reports ids used twice; returns the known ids. */
function uniqueIds(
  entries: readonly { id: string }[],
  pathOf: (index: number) => JsonPath,
  noun: NounName,
  report: Report,
): string[] {
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    if (seen.has(entry.id))
      report(
        "error",
        "identifiant-en-double",
        [...pathOf(index), "id"],
        `${NOUNS[noun].one} ${quote(entry.id)} est déjà défini plus haut : chaque identifiant doit être unique`,
      );
    seen.add(entry.id);
  });
  return [...seen];
}

function checkReference(
  id: string,
  known: readonly string[],
  noun: NounName,
  path: JsonPath,
  report: Report,
  target: "value" | "key" = "value",
): boolean {
  if (known.includes(id)) return true;
  report("error", "reference-inconnue", path, unknownMessage(noun, id, known), target);
  return false;
}

// ---------------------------------------------------------------------------------------------
// One check per puzzle type.

function checkChoice(step: StepParts & { type: "choice" }, at: JsonPath, report: Report): void {
  if (!step.puzzle) return;
  const { puzzle, solution } = step;
  const options = uniqueIds(puzzle.options, (i) => [...at, "puzzle", "options", i], "option", report);
  if (!solution) return;
  const seen = new Set<string>();
  solution.correct.forEach((id, i) => {
    const path = [...at, "solution", "correct", i];
    if (!checkReference(id, options, "option", path, report)) return;
    if (seen.has(id))
      report(
        "error",
        "identifiant-en-double",
        path,
        `l'option ${quote(id)} est citée deux fois dans la solution`,
      );
    seen.add(id);
  });
  if (!puzzle.multiple && seen.size > 1)
    report(
      "error",
      "solution-impossible",
      [...at, "solution", "correct"],
      `choix unique (« multiple » vaut false) mais ${seen.size} options correctes : gardez-en une seule, ou passez « multiple » à true`,
    );
  if (puzzle.multiple && seen.size === options.length)
    report(
      "warning",
      "solution-triviale",
      [...at, "solution", "correct"],
      "toutes les options sont correctes : cocher tout suffit ; ajoutez au moins une option fausse",
    );
}

function checkCategorize(step: StepParts & { type: "categorize" }, at: JsonPath, report: Report): void {
  if (!step.puzzle) return;
  const { puzzle, solution } = step;
  const items = uniqueIds(puzzle.items, (i) => [...at, "puzzle", "items", i], "item", report);
  const buckets = uniqueIds(puzzle.buckets, (i) => [...at, "puzzle", "buckets", i], "bucket", report);
  if (!solution) return;
  const placedIn = new Map<string, string>();
  for (const [bucket, bucketItems] of Object.entries(solution.buckets)) {
    const bucketPath = [...at, "solution", "buckets", bucket];
    checkReference(bucket, buckets, "bucket", bucketPath, report, "key");
    bucketItems.forEach((item, i) => {
      const path = [...bucketPath, i];
      if (!checkReference(item, items, "item", path, report)) return;
      const previous = placedIn.get(item);
      if (previous !== undefined) {
        report(
          "error",
          "solution-impossible",
          path,
          previous === bucket
            ? `l'élément ${quote(item)} est cité deux fois dans la catégorie ${quote(bucket)}`
            : `l'élément ${quote(item)} est déjà rangé dans ${quote(previous)} : chaque élément va dans une seule catégorie`,
        );
        return;
      }
      placedIn.set(item, bucket);
    });
  }
  const unplaced = items.filter((item) => !placedIn.has(item));
  if (unplaced.length > 0)
    report(
      "error",
      "solution-impossible",
      [...at, "solution", "buckets"],
      `chaque élément doit être rangé dans une catégorie de la solution ; sans catégorie : ${listForMessage(unplaced)}`,
    );
}

function checkOrder(step: StepParts & { type: "order" }, at: JsonPath, report: Report): void {
  if (!step.puzzle) return;
  const items = uniqueIds(step.puzzle.items, (i) => [...at, "puzzle", "items", i], "item", report);
  if (!step.solution) return;
  const seen = new Set<string>();
  step.solution.order.forEach((item, i) => {
    const path = [...at, "solution", "order", i];
    if (!checkReference(item, items, "item", path, report)) return;
    if (seen.has(item))
      report(
        "error",
        "solution-impossible",
        path,
        `l'élément ${quote(item)} est cité deux fois dans l'ordre`,
      );
    seen.add(item);
  });
  const missing = items.filter((item) => !seen.has(item));
  if (missing.length > 0)
    report(
      "error",
      "solution-impossible",
      [...at, "solution", "order"],
      `l'ordre doit citer chaque élément une fois ; il manque : ${listForMessage(missing)}`,
    );
}

function checkRuleCoherence(
  rule: FormSolution["fields"][string]["check"],
  path: JsonPath,
  report: Report,
): void {
  const bad = (message: string) => report("error", "regle-incoherente", path, message);
  switch (rule.rule) {
    case "pattern":
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
    case "equals":
      break;
  }
}

function checkForm(step: StepParts & { type: "form" }, at: JsonPath, report: Report): void {
  if (!step.puzzle) return;
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
    const check = checkField(fieldSolution.check, fieldSolution.example);
    if (!check.ok)
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

function checkTable(step: StepParts & { type: "table" }, at: JsonPath, report: Report): void {
  if (!step.puzzle) return;
  const { puzzle, solution } = step;
  const columns = uniqueIds(puzzle.columns, (i) => [...at, "puzzle", "columns", i], "column", report);
  const rows = uniqueIds(puzzle.rows, (i) => [...at, "puzzle", "rows", i], "row", report);
  puzzle.rows.forEach((row, i) => {
    const path = [...at, "puzzle", "rows", i, "cells"];
    for (const key of Object.keys(row.cells))
      checkReference(key, columns, "column", [...path, key], report, "key");
    const missing = columns.filter((column) => !Object.hasOwn(row.cells, column));
    if (missing.length > 0)
      report(
        "warning",
        "tableau-irregulier",
        path,
        `la ligne ${quote(row.id)} n'a pas de cellule pour : ${listForMessage(missing)} (elles seront vides)`,
      );
  });
  if (!solution) return;
  const offered = new Set(puzzle.operations);
  const removedRows = new Set<string>();
  solution.removedRows.forEach((id, i) => {
    if (checkReference(id, rows, "row", [...at, "solution", "removedRows", i], report)) removedRows.add(id);
  });
  const removedColumns = new Set<string>();
  solution.removedColumns.forEach((id, i) => {
    if (checkReference(id, columns, "column", [...at, "solution", "removedColumns", i], report))
      removedColumns.add(id);
  });
  if (removedRows.size > 0 && !offered.has("remove-row"))
    report(
      "error",
      "solution-impossible",
      [...at, "solution", "removedRows"],
      "la solution supprime des lignes mais l'opération « remove-row » n'est pas proposée dans puzzle.operations",
    );
  if (removedColumns.size > 0 && !offered.has("remove-column"))
    report(
      "error",
      "solution-impossible",
      [...at, "solution", "removedColumns"],
      "la solution supprime des colonnes mais l'opération « remove-column » n'est pas proposée dans puzzle.operations",
    );

  const expectedRows = new Map<string, { index: number; cells: Record<string, string> }>();
  solution.rows.forEach((row, i) => {
    const path = [...at, "solution", "rows", i];
    if (!checkReference(row.id, rows, "row", [...path, "id"], report)) return;
    if (removedRows.has(row.id))
      report(
        "error",
        "solution-impossible",
        [...path, "id"],
        `la ligne ${quote(row.id)} est à la fois attendue et supprimée (removedRows) : choisissez`,
      );
    if (expectedRows.has(row.id))
      report(
        "error",
        "identifiant-en-double",
        [...path, "id"],
        `la ligne ${quote(row.id)} est attendue deux fois`,
      );
    expectedRows.set(row.id, { index: i, cells: row.cells });
    for (const key of Object.keys(row.cells)) {
      if (!checkReference(key, columns, "column", [...path, "cells", key], report, "key")) continue;
      if (removedColumns.has(key))
        report(
          "warning",
          "tableau-irregulier",
          [...path, "cells", key],
          `la colonne ${quote(key)} est supprimée (removedColumns) : sa valeur ici est ignorée`,
        );
    }
    const missing = columns.filter(
      (column) => !removedColumns.has(column) && !Object.hasOwn(row.cells, column),
    );
    if (missing.length > 0)
      report(
        "error",
        "tableau-irregulier",
        [...path, "cells"],
        `la ligne attendue ${quote(row.id)} n'a pas de valeur pour : ${listForMessage(missing)} ; écrivez "" si la cellule doit être vide`,
      );
  });
  const forgotten = puzzle.rows.filter((row) => !removedRows.has(row.id) && !expectedRows.has(row.id));
  if (forgotten.length > 0)
    report(
      "error",
      "solution-impossible",
      [...at, "solution", "rows"],
      `chaque ligne du tableau doit être soit attendue dans solution.rows, soit supprimée dans removedRows ; oubliées : ${listForMessage(forgotten.map((row) => row.id))}`,
    );

  // Expected values reachable with the operations offered.
  const kept = puzzle.rows.filter((row) => expectedRows.has(row.id));
  let defects = removedRows.size + removedColumns.size;
  for (const column of puzzle.columns) {
    if (removedColumns.has(column.id)) continue;
    const initial = kept.map((row) => row.cells[column.id] ?? "");
    const expected = kept.map((row) => expectedRows.get(row.id)?.cells[column.id] ?? "");
    defects += initial.filter((value, i) => !sameCell(value, expected[i])).length;
    if (offered.has("edit-cell")) continue;
    const operations = COLUMN_OPERATIONS.filter((operation) => offered.has(operation));
    for (const i of columnPlan(initial, expected, operations, column.width).unreachable) {
      const row = kept[i];
      const target = row && expectedRows.get(row.id);
      if (!row || !target) continue;
      report(
        "error",
        "solution-impossible",
        [...at, "solution", "rows", target.index, "cells", column.id],
        `la valeur attendue ${quote(expected[i] ?? "")} n'est pas atteignable depuis ${quote(initial[i] ?? "")} avec les opérations proposées (${listForMessage([...offered])}) : ajoutez l'opération qui convient ou « edit-cell », ou corrigez la valeur attendue`,
      );
    }
  }
  if (defects === 0)
    report(
      "warning",
      "tableau-sans-defaut",
      [...at, "solution"],
      "le tableau attendu est identique au tableau de départ : il n'y a rien à nettoyer",
    );
}

// ---------------------------------------------------------------------------------------------
// Scenario and referential.

export function checkScenarioMeaning(
  scenario: ScenarioParts,
  referential: ReferentialIndex | undefined,
  report: Report,
): void {
  const roles = uniqueIds(
    scenario.roles.map((role) => role.value),
    (i) => ["roles", scenario.roles[i]?.index ?? i],
    "role",
    report,
  );
  const stepsWithId = scenario.steps.filter(
    (step): step is StepParts & { id: string } => step.id !== undefined,
  );
  uniqueIds(stepsWithId, (i) => ["steps", stepsWithId[i]?.index ?? i], "step", report);
  const rolesWithPrivateMaterial = new Set<string>();

  for (const step of scenario.steps) {
    const at: JsonPath = ["steps", step.index];
    uniqueIds(
      step.materials.map((material) => material.value),
      (i) => [...at, "materials", step.materials[i]?.index ?? i],
      "material",
      report,
    );
    for (const { index, value: material } of step.materials) {
      const path = [...at, "materials", index];
      material.visibleTo?.forEach((role, i) => {
        if (roles.length === 0)
          report(
            "error",
            "reference-inconnue",
            [...path, "visibleTo", i],
            `le rôle ${quote(role)} n'existe pas : le scénario ne définit aucun rôle (ajoutez « roles » ou retirez « visibleTo »)`,
          );
        else if (checkReference(role, roles, "role", [...path, "visibleTo", i], report))
          rolesWithPrivateMaterial.add(role);
      });
      if (material.kind === "table")
        material.rows.forEach((row, i) => {
          if (row.length !== material.columns.length)
            report(
              "error",
              "tableau-irregulier",
              [...path, "rows", i],
              `cette ligne a ${row.length} cellule(s) pour ${material.columns.length} colonne(s) : une cellule par colonne`,
            );
        });
    }
    if (step.hints) {
      const total = step.hints.reduce((sum, hint) => sum + hint.cost, 0);
      if (total > 1 + 1e-9)
        report(
          "error",
          "indices-trop-chers",
          [...at, "hints"],
          `les indices coûtent ${Math.round(total * 100)} % du score au total : 100 % au plus (baissez les « cost »)`,
        );
    }
    const competences = new Set<string>();
    for (const { index, value: skill } of step.skills) {
      const path = [...at, "skills", index, "competence"];
      if (competences.has(skill.competence))
        report(
          "warning",
          "competence-en-double",
          path,
          `la compétence ${quote(skill.competence)} est déjà citée dans cette étape : additionnez les poids`,
        );
      competences.add(skill.competence);
      if (referential) checkReference(skill.competence, referential.competences, "competence", path, report);
    }
    switch (step.type) {
      case "choice":
        checkChoice(step, at, report);
        break;
      case "categorize":
        checkCategorize(step, at, report);
        break;
      case "order":
        checkOrder(step, at, report);
        break;
      case "form":
        checkForm(step, at, report);
        break;
      case "table":
        checkTable(step, at, report);
        break;
    }
  }

  const limits = scenario.steps.map((step) => step.timeLimitSeconds);
  if (scenario.durationMinutes !== undefined && limits.every((limit) => limit !== undefined)) {
    const total = limits.reduce<number>((sum, limit) => sum + (limit ?? 0), 0) / 60;
    if (total > scenario.durationMinutes)
      report(
        "warning",
        "duree-incoherente",
        ["metadata", "durationMinutes"],
        `les durées des étapes (timeLimitSeconds) font ${Math.round(total)} min au total, plus que les ${scenario.durationMinutes} min prévues : augmentez durationMinutes ou raccourcissez des étapes`,
      );
  }

  checkStory(scenario, report);

  for (const { index, value: role } of scenario.roles) {
    if (!rolesWithPrivateMaterial.has(role.id))
      report(
        "warning",
        "role-sans-document",
        ["roles", index],
        `le rôle ${quote(role.id)} ne voit aucun document privé : donnez-lui au moins un document avec « visibleTo », sinon il n'apporte rien à l'équipe`,
      );
  }
}

/** Every character a scene or a situation names is declared in `story.characters`. */
function checkStory(scenario: ScenarioParts, report: Report): void {
  const characters = scenario.story
    ? uniqueIds(
        scenario.story.characters.map((character) => character.value),
        (i) => ["story", "characters", scenario.story?.characters[i]?.index ?? i],
        "character",
        report,
      )
    : [];
  const uses: { id: string; path: JsonPath }[] = [];
  for (const scene of ["opening", "closing"] as const) {
    const id = scenario.story?.[scene]?.character;
    if (id) uses.push({ id, path: ["story", scene, "character"] });
  }
  for (const step of scenario.steps)
    if (step.situation)
      uses.push({ id: step.situation.character, path: ["steps", step.index, "situation", "character"] });
  for (const { id, path } of uses) {
    if (characters.length === 0)
      report(
        "error",
        "reference-inconnue",
        path,
        `le personnage ${quote(id)} n'est pas déclaré : le scénario ne déclare aucun personnage (ajoutez « story.characters »)`,
      );
    else checkReference(id, characters, "character", path, report);
  }
}

/** Competence ids of a referential, even a partly invalid one. */
export function indexReferential(raw: unknown): ReferentialIndex {
  const competences: string[] = [];
  const domains = raw && typeof raw === "object" ? (raw as Record<string, unknown>).domains : undefined;
  for (const domain of asArray(domains)) {
    const list =
      domain && typeof domain === "object" ? (domain as Record<string, unknown>).competences : undefined;
    for (const competence of asArray(list)) {
      const id =
        competence && typeof competence === "object" ? (competence as Record<string, unknown>).id : undefined;
      if (typeof id === "string") competences.push(id);
    }
  }
  return { competences };
}

export function checkReferentialMeaning(referential: Referential, report: Report): void {
  const levels = uniqueIds(referential.levels, (i) => ["levels", i], "level", report);
  uniqueIds(referential.domains, (i) => ["domains", i], "domain", report);
  const all = referential.domains.flatMap((domain, d) =>
    domain.competences.map((competence, c) => ({ competence, path: ["domains", d, "competences", c] })),
  );
  const seen = new Set<string>();
  for (const { competence, path } of all) {
    if (seen.has(competence.id))
      report(
        "error",
        "identifiant-en-double",
        [...path, "id"],
        `la compétence ${quote(competence.id)} est déjà définie : chaque identifiant doit être unique dans le référentiel`,
      );
    seen.add(competence.id);
    for (const level of Object.keys(competence.levels))
      checkReference(level, levels, "level", [...path, "levels", level], report, "key");
    const undescribed = levels.filter((level) => !Object.hasOwn(competence.levels, level));
    if (undescribed.length > 0)
      report(
        "warning",
        "niveau-non-decrit",
        [...path, "levels"],
        `niveaux sans description pour cette compétence : ${listForMessage(undescribed)}`,
      );
  }
  referential.levels.forEach((level, i) => {
    const previous = referential.levels[i - 1];
    if (previous && level.minPoints <= previous.minPoints)
      report(
        "warning",
        "niveaux-desordonnes",
        ["levels", i, "minPoints"],
        `le niveau ${quote(level.id)} demande ${level.minPoints} points, pas plus que le niveau précédent ${quote(previous.id)} (${previous.minPoints}) : rangez les niveaux du plus bas au plus haut`,
      );
    if (previous && level.minScenarios < previous.minScenarios)
      report(
        "warning",
        "niveaux-desordonnes",
        ["levels", i, "minScenarios"],
        `le niveau ${quote(level.id)} demande ${level.minScenarios} scénario(s), moins que le niveau précédent ${quote(previous.id)} (${previous.minScenarios}) : un niveau plus haut ne peut pas demander moins de scénarios différents`,
      );
  });
  const highest = referential.levels.at(-1);
  if (highest && referential.levels.length > 1 && highest.minScenarios < 2)
    report(
      "warning",
      "niveau-haut-un-scenario",
      ["levels", referential.levels.length - 1, "minScenarios"],
      `le plus haut niveau ${quote(highest.id)} s'obtient dans un seul scénario : donnez-lui « minScenarios » d'au moins 2, pour qu'il demande une pratique dans plusieurs situations`,
    );
}
