/**
 * An organisation's programmes (an "infolab" path): an ordered list of scenarios and competence
 * targets, written as data (zod, single source) and checked against the catalogue and the
 * referential like scenarios are. Pure: whether a carnet meets a programme's targets.
 */
import { z } from "zod";
import type { CompetenceProgress } from "../rules/carnet.ts";
import { Id } from "../scenario/schema.ts";

export const ProgrammeTarget = z
  .strictObject({
    competence: Id.describe("Compétence du référentiel visée."),
    level: Id.describe("Niveau du référentiel à atteindre dans le carnet (ex. « pratique »)."),
  })
  .describe("Un objectif du programme : une compétence et le niveau à atteindre.");

export const Programme = z
  .strictObject({
    id: Id,
    title: z.string().trim().min(1).max(120).describe("Titre du programme (ex. « Infolab 2026 »)."),
    scenarios: z.array(Id).min(1).max(30).describe("Les scénarios du parcours, dans l'ordre."),
    targets: z.array(ProgrammeTarget).min(1).max(30).describe("Les objectifs à atteindre."),
  })
  .describe("Un programme de formation : des scénarios dans l'ordre et des objectifs de compétences.");

export const Programmes = z.array(Programme).max(50);
export type ProgrammeTarget = z.infer<typeof ProgrammeTarget>;
export type Programme = z.infer<typeof Programme>;

export interface ProgrammeCatalogue {
  scenarioIds: ReadonlySet<string>;
  competenceIds: ReadonlySet<string>;
  levelIds: readonly string[];
}

/** The meaning of programmes: every scenario, competence and level exists; ids unique. French messages. */
export function checkProgrammes(programmes: readonly Programme[], catalogue: ProgrammeCatalogue): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const programme of programmes) {
    const name = `le programme « ${programme.id} »`;
    if (seen.has(programme.id))
      problems.push(`${name} est défini deux fois : chaque identifiant doit être unique`);
    seen.add(programme.id);
    for (const id of programme.scenarios)
      if (!catalogue.scenarioIds.has(id)) problems.push(`${name} cite un scénario inconnu : « ${id} »`);
    for (const target of programme.targets) {
      if (!catalogue.competenceIds.has(target.competence))
        problems.push(`${name} vise une compétence inconnue du référentiel : « ${target.competence} »`);
      if (!catalogue.levelIds.includes(target.level))
        problems.push(`${name} vise un niveau inconnu du référentiel : « ${target.level} »`);
    }
  }
  return problems;
}

export interface TargetProgress extends ProgrammeTarget {
  met: boolean;
  reached: string | null;
}

/** Each target of the programme against a carnet's competences (levels in referential order). */
export function programmeProgress(
  programme: Programme,
  competences: readonly Pick<CompetenceProgress, "competence" | "level">[],
  levelIds: readonly string[],
): { targets: TargetProgress[]; complete: boolean } {
  const byId = new Map(competences.map((c) => [c.competence, c]));
  const targets = programme.targets.map((target) => {
    const reached = byId.get(target.competence)?.level?.id ?? null;
    const met = reached !== null && levelIds.indexOf(reached) >= levelIds.indexOf(target.level);
    return { ...target, met, reached };
  });
  return { targets, complete: targets.every((t) => t.met) };
}
