/**
 * The satisfaction questionnaire at the end of a session: the Gironde datalunch survey's questions
 * (did you find what you came for, why you came, how you heard of it) plus a free comment. One
 * zod schema for the server and the client; a pure tally for the results.
 */
import { z } from "zod";

/** « Y avez-vous trouvé ce que vous cherchiez ? » (the survey's answers, in its order). */
export const FOUND = ["tout-a-fait", "suffisamment", "un-peu", "pas-vraiment", "au-dela"] as const;
/** « Pourquoi êtes-vous venu ? » */
export const MOTIVATIONS = ["culture-generale", "besoin-professionnel", "projet-precis", "autre"] as const;
/** « Comment avez-vous connu ce dispositif ? » */
export const HEARD = ["intranet", "bouche-a-oreille", "hierarchie", "autre"] as const;

export const QuestionnaireAnswer = z
  .strictObject({
    found: z.enum(FOUND).optional(),
    motivation: z.enum(MOTIVATIONS).optional(),
    heard: z.enum(HEARD).optional(),
    comment: z.string().trim().max(1000).optional(),
  })
  .refine((a) => a.found || a.motivation || a.heard || a.comment, {
    message: "répondez à au moins une question",
  });
export type QuestionnaireAnswer = z.infer<typeof QuestionnaireAnswer>;

export interface QuestionnaireTally {
  respondents: number;
  found: Record<(typeof FOUND)[number], number>;
  motivation: Record<(typeof MOTIVATIONS)[number], number>;
  heard: Record<(typeof HEARD)[number], number>;
  comments: string[];
}

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** Counts per answer (every option listed, 0 included) and the non-empty comments, sorted. */
export function tallyQuestionnaire(answers: readonly QuestionnaireAnswer[]): QuestionnaireTally {
  const tally: QuestionnaireTally = {
    respondents: answers.length,
    found: zeros(FOUND),
    motivation: zeros(MOTIVATIONS),
    heard: zeros(HEARD),
    comments: [],
  };
  for (const a of answers) {
    if (a.found) tally.found[a.found] += 1;
    if (a.motivation) tally.motivation[a.motivation] += 1;
    if (a.heard) tally.heard[a.heard] += 1;
    if (a.comment) tally.comments.push(a.comment);
  }
  // In alphabetical order: the order of the comments tells nothing about who wrote them.
  tally.comments.sort((x, y) => x.localeCompare(y, "fr"));
  return tally;
}
