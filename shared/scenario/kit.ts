/**
 * The facilitator's printables, built from a scenario file (issue 12 §4):
 * - `facilitatorKit`: one A4 page — timing of the full and short routes, what each step teaches,
 *   debrief questions, sources. It says what the answers rest on: for the facilitator only.
 * - `tableCards`: for a table without devices, each step's situation, prompt, materials (public and
 *   per role) and options, shuffled as players see them. Never a solution, feedback or hint text.
 */
import { toPublicStep } from "../rules/public.ts";
import type { Material, Scenario, Source } from "./schema.ts";

/** Minutes a facilitator-paced café adds per step for the reveal and its discussion (content audit §3.1). */
export const REVEAL_MINUTES = { min: 2, max: 3 } as const;

export interface KitRoute {
  steps: number;
  /** Sum of the steps' time limits, rounded up. */
  playMinutes: number;
  /** Play plus reveals and discussion in a facilitator-paced café. */
  cafeMinutes: { min: number; max: number };
}

export interface KitStep {
  number: number;
  title: string;
  minutes: number;
  inShortRoute: boolean;
  /** What the step teaches: the first sentence of its explanation. */
  teaches: string;
  competences: string[];
}

export interface FacilitatorKit {
  scenarioId: string;
  title: string;
  summary: string;
  audience: string;
  roles: { name: string; description: string }[];
  full: KitRoute;
  short: KitRoute | null;
  steps: KitStep[];
  /** The first debrief question of each step that has some, in step order. */
  debriefQuestions: string[];
  /** Every source cited, once, in order of first citation. */
  sources: Source[];
}

function route(minutesOfSteps: number[]): KitRoute {
  const playMinutes = Math.ceil(minutesOfSteps.reduce((sum, m) => sum + m, 0));
  const n = minutesOfSteps.length;
  return {
    steps: n,
    playMinutes,
    cafeMinutes: { min: playMinutes + n * REVEAL_MINUTES.min, max: playMinutes + n * REVEAL_MINUTES.max },
  };
}

/** The first sentence of `text` (up to the first « . » followed by a space or the end). */
export function firstSentence(text: string): string {
  const match = text.match(/^.*?[.!?](?=\s|$)/s);
  return (match ? match[0] : text).trim();
}

export function facilitatorKit(scenario: Scenario): FacilitatorKit {
  const short = new Set(scenario.shortRoute?.steps ?? []);
  const minutes = (seconds: number) => seconds / 60;
  const sources = new Map<string, Source>();
  for (const step of scenario.steps)
    for (const source of step.explanation.sources)
      if (!sources.has(source.label + (source.url ?? "")))
        sources.set(source.label + (source.url ?? ""), source);
  return {
    scenarioId: scenario.id,
    title: scenario.metadata.title,
    summary: scenario.metadata.summary,
    audience: scenario.metadata.audience,
    roles: scenario.roles.map((role) => ({ name: role.name, description: role.description })),
    full: route(scenario.steps.map((step) => minutes(step.timeLimitSeconds))),
    short: scenario.shortRoute
      ? route(scenario.steps.filter((s) => short.has(s.id)).map((s) => minutes(s.timeLimitSeconds)))
      : null,
    steps: scenario.steps.map((step, i) => ({
      number: i + 1,
      title: step.title,
      minutes: Math.round(minutes(step.timeLimitSeconds) * 10) / 10,
      inShortRoute: short.has(step.id),
      teaches: firstSentence(step.explanation.text),
      competences: step.skills.map((skill) => skill.competence),
    })),
    debriefQuestions: scenario.steps.flatMap((step) => step.debriefQuestions?.slice(0, 1) ?? []),
    sources: [...sources.values()],
  };
}

export interface CardMaterial {
  material: Material;
  /** The role's name for a private material; null for a document everyone sees. */
  roleName: string | null;
}

export interface StepCard {
  number: number;
  title: string;
  inShortRoute: boolean;
  /** The situation, as « Name (role) : text », when the scenario has a story. */
  situation: string | null;
  prompt: string;
  materials: CardMaterial[];
  /** The puzzle as players see it (options without feedback, order items shuffled). */
  puzzle: ReturnType<typeof toPublicStep>;
}

export function tableCards(scenario: Scenario): StepCard[] {
  const short = new Set(scenario.shortRoute?.steps ?? []);
  const roleNames = new Map(scenario.roles.map((role) => [role.id, role.name]));
  const characters = new Map((scenario.story?.characters ?? []).map((c) => [c.id, c]));
  return scenario.steps.map((step, i) => {
    const speaker = step.situation ? characters.get(step.situation.character) : undefined;
    return {
      number: i + 1,
      title: step.title,
      inShortRoute: short.has(step.id),
      situation: step.situation
        ? `${speaker ? `${speaker.name} (${speaker.role})` : step.situation.character} : ${step.situation.text}`
        : null,
      prompt: step.prompt,
      materials: step.materials.map((material) => ({
        material: structuredClone(material),
        roleName: material.visibleTo
          ? material.visibleTo.map((id) => roleNames.get(id) ?? id).join(", ")
          : null,
      })),
      puzzle: toPublicStep(step, scenario.id),
    };
  });
}
