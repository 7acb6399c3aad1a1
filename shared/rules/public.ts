/**
 * What clients may see. `toPublicScenario` strips solutions, explanations, option feedback,
 * hint texts and role-private materials; `privateMaterialsFor` gives a role its own documents;
 * `revealedStep` is what a team may see once the step is revealed to it.
 */
import type { z } from "zod";
import { type PublicPuzzle, publicPuzzle, revealFeedback } from "../puzzles/registry.ts";
import type {
  Explanation,
  Material,
  Role,
  Scenario,
  ScenarioMetadata as ScenarioMetadataSchema,
  Situation,
  SkillWeight as SkillWeightSchema,
  Step,
  Story,
} from "../scenario/schema.ts";
import type { Answer } from "./answer.ts";
import { solutionAnswer } from "./drafts.ts";
import { deriveSeed } from "./rng.ts";

type ScenarioMetadata = z.infer<typeof ScenarioMetadataSchema>;
type SkillWeight = z.infer<typeof SkillWeightSchema>;

export type { PublicPuzzle };

export type PublicStep = PublicPuzzle & {
  id: string;
  title: string;
  /** The step's situation told by a character of the story, if the scenario has one. */
  situation?: Situation;
  prompt: string;
  /** Materials every role sees (no `visibleTo`). */
  materials: Material[];
  /** One entry per hint: its cost only (the text is given when the hint is taken). */
  hints: { cost: number }[];
  timeLimitSeconds: number;
  skills: SkillWeight[];
};

export interface PublicScenario {
  version: number;
  id: string;
  metadata: ScenarioMetadata;
  roles: Role[];
  /** The story frame (setting, characters, opening and closing scenes): public, no secret in it. */
  story?: Story;
  steps: PublicStep[];
}

/** Shown after the reveal: the solution, why, each option's feedback and a displayable right answer. */
export interface RevealedStep {
  stepId: string;
  solution: Step["solution"];
  explanation: Explanation;
  /** Item id → feedback written in the scenario (choice options, form fields…); may be empty. */
  feedback: Record<string, string>;
  hints: { text: string; cost: number }[];
  answer: Answer;
  /** Questions for the discussion at the debrief, written in the scenario. */
  debriefQuestions: string[];
}

const isPublic = (material: Material) => material.visibleTo === undefined;

/** One step as clients see it before its reveal. */
export function toPublicStep(step: Step, scenarioId: string): PublicStep {
  return {
    id: step.id,
    title: step.title,
    ...(step.situation ? { situation: { ...step.situation } } : {}),
    prompt: step.prompt,
    materials: step.materials.filter(isPublic).map((material) => structuredClone(material)),
    hints: step.hints.map((hint) => ({ cost: hint.cost })),
    timeLimitSeconds: step.timeLimitSeconds,
    skills: step.skills.map((skill) => ({ ...skill })),
    // The seed only matters to types that shuffle (order): the same for every client.
    ...publicPuzzle(step, deriveSeed(0, scenarioId, step.id)),
  };
}

/** The scenario as every client may see it: no solution, explanation, feedback, hint text or private material. */
export function toPublicScenario(scenario: Scenario): PublicScenario {
  return {
    version: scenario.version,
    id: scenario.id,
    metadata: structuredClone(scenario.metadata),
    roles: scenario.roles.map((role) => ({ ...role })),
    ...(scenario.story ? { story: structuredClone(scenario.story) } : {}),
    steps: scenario.steps.map((step) => toPublicStep(step, scenario.id)),
  };
}

/**
 * Step id → the private materials these roles see (steps without any are absent). A player reads
 * the materials of `materialRoles` (their role plus the roles nobody in their team holds).
 */
export function privateMaterialsFor(
  scenario: Scenario,
  roleIds: string | null | readonly string[],
): Record<string, Material[]> {
  const result: Record<string, Material[]> = {};
  const roles = roleIds === null ? [] : typeof roleIds === "string" ? [roleIds] : roleIds;
  if (roles.length === 0) return result;
  for (const step of scenario.steps) {
    const own = step.materials.filter((material) => material.visibleTo?.some((id) => roles.includes(id)));
    if (own.length > 0) result[step.id] = own.map((material) => structuredClone(material));
  }
  return result;
}

/** Everything about a step that may be shown once it is revealed. */
export function revealedStep(step: Step): RevealedStep {
  return {
    stepId: step.id,
    solution: structuredClone(step.solution),
    explanation: structuredClone(step.explanation),
    feedback: revealFeedback(step),
    hints: step.hints.map((hint) => ({ ...hint })),
    answer: solutionAnswer(step),
    debriefQuestions: [...step.debriefQuestions],
  };
}
