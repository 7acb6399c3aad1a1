/**
 * Pass 2, meaning: what a schema cannot say. Unique ids, references that resolve (roles, options,
 * items, buckets, fields, columns, rows, competences, levels), solutions achievable with the puzzle
 * as given, hints and skills that make sense.
 *
 * It runs on the parts of a file that passed the structure pass (`salvageScenario`), so that a file
 * with a typo in one step still gets its references checked everywhere else.
 */
import { z } from "zod";
import { isPuzzleTypeName, type PuzzleParts, puzzleType } from "../puzzles/registry.ts";
import { listForMessage } from "./findings.ts";
import type { JsonPath } from "./json-source.ts";
import { checkReference, quote, uniqueIds } from "./meaning-kit.ts";
import {
  Character,
  Hint,
  Id,
  Material,
  type Referential,
  Role,
  ScenarioMetadata,
  Scene,
  Situation,
  SkillWeight,
  StepCommon,
} from "./schema.ts";
import type { Report } from "./structure.ts";

type Indexed<T> = { index: number; value: T };

/** The puzzle parts of a step; `puzzle` and `solution` are present only when well-formed. */
type TypedParts =
  | {
      [T in PuzzleParts["type"]]: {
        type: T;
        puzzle?: Extract<PuzzleParts, { type: T }>["puzzle"];
        solution?: Extract<PuzzleParts, { type: T }>["solution"];
      };
    }[PuzzleParts["type"]]
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
      timeLimitSeconds: parsed(StepCommon.shape.timeLimitSeconds, step.timeLimitSeconds),
      situation: parsed(Situation, step.situation),
    };
    const type = step.type;
    if (isPuzzleTypeName(type)) {
      const definition = puzzleType(type);
      return {
        ...common,
        type,
        puzzle: parsed(definition.puzzle, step.puzzle),
        solution: parsed(definition.solution, step.solution),
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
    if (step.type !== undefined && step.puzzle !== undefined)
      puzzleType(step.type).check({ puzzle: step.puzzle, solution: step.solution }, at, report);
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
