/**
 * Routes through a scenario: the full route (every step) or its short route (`shortRoute`, for a
 * café de la data). The short route is a scenario of its own: `routeScenario` builds it, and
 * `shortRouteProblems` says why a declared short route would not stand alone.
 */
import type { Scenario } from "./schema.ts";

export const ROUTES = ["full", "short"] as const;
export type Route = (typeof ROUTES)[number];

/** The scenario as played on `route`: the short route keeps only its steps and its duration. */
export function routeScenario(scenario: Scenario, route: Route | undefined): Scenario {
  const short = scenario.shortRoute;
  if (route !== "short" || !short) return scenario;
  const kept = new Set(short.steps);
  return {
    ...scenario,
    metadata: { ...scenario.metadata, durationMinutes: short.durationMinutes },
    steps: scenario.steps.filter((step) => kept.has(step.id)),
  };
}

/** Competence → total weight over the steps (the main competence has the largest). */
function competenceWeights(scenario: Scenario): Map<string, number> {
  const weights = new Map<string, number>();
  for (const step of scenario.steps)
    for (const skill of step.skills)
      weights.set(skill.competence, (weights.get(skill.competence) ?? 0) + skill.weight);
  return weights;
}

export interface RouteProblem {
  /** Path under the scenario, e.g. `["shortRoute", "steps", 2]`. */
  path: (string | number)[];
  message: string;
}

/**
 * Why the short route is not a valid scenario on its own (French messages): unknown, repeated or
 * out-of-order steps, steps over its duration, a role with no private document left, the main
 * competence or any competence trained with a total weight of 2 or more no longer trained.
 */
export function shortRouteProblems(scenario: Scenario): RouteProblem[] {
  const short = scenario.shortRoute;
  if (!short) return [];
  const problems: RouteProblem[] = [];
  const order = new Map(scenario.steps.map((step, i) => [step.id, i]));
  let previous = -1;
  short.steps.forEach((id, i) => {
    const at = order.get(id);
    if (at === undefined)
      problems.push({ path: ["shortRoute", "steps", i], message: `l'étape « ${id} » n'existe pas` });
    else if (at <= previous)
      problems.push({
        path: ["shortRoute", "steps", i],
        message: `l'étape « ${id} » est en double ou hors de l'ordre du scénario : gardez l'ordre des étapes`,
      });
    else previous = at;
  });
  if (problems.length > 0) return problems;
  const route = routeScenario(scenario, "short");
  const minutes = route.steps.reduce((sum, step) => sum + step.timeLimitSeconds, 0) / 60;
  if (minutes > short.durationMinutes)
    problems.push({
      path: ["shortRoute", "durationMinutes"],
      message: `les étapes du parcours court font ${Math.round(minutes)} min, plus que les ${short.durationMinutes} min annoncées`,
    });
  for (const role of scenario.roles)
    if (!route.steps.some((step) => step.materials.some((m) => m.visibleTo?.includes(role.id))))
      problems.push({
        path: ["shortRoute", "steps"],
        message: `le rôle « ${role.id} » n'a plus aucun document privé dans le parcours court : gardez une étape où il est utile`,
      });
  const full = competenceWeights(scenario);
  const kept = competenceWeights(route);
  const main = [...full.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  for (const [competence, weight] of full)
    if (!kept.has(competence) && (competence === main || weight >= 2))
      problems.push({
        path: ["shortRoute", "steps"],
        message: `la compétence « ${competence} », ${competence === main ? "principale du scénario" : `travaillée avec un poids total de ${weight}`}, n'est plus travaillée dans le parcours court`,
      });
  return problems;
}
