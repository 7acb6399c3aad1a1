import type { ItemFeedback, ScoreResult } from "../../rules/model.ts";
import { clamp01 } from "../util.ts";
import { linkKey, sameLinkKey, symmetricKinds } from "./links.ts";
import type { LinkDraft, LinkPuzzle, LinkSolution } from "./schema.ts";

/** Each wrong link takes back this share of one right link: linking everything to everything scores 0. */
export const WRONG_LINK_PENALTY = 0.5;

/**
 * (right links − ½ × wrong links) / expected links, clamped to [0, 1]. Feedback covers the drawn links
 * only (never which missing link was expected): a wrong link gets the designer's feedback for it, else
 * the solution's `otherwise` text.
 */
export function scoreLink(puzzle: LinkPuzzle, solution: LinkSolution, draft: LinkDraft): ScoreResult {
  const symmetric = symmetricKinds(puzzle);
  const key = (link: LinkDraft["links"][number]) => sameLinkKey(link, symmetric);
  const expected = new Set(solution.links.map(key));
  const anticipated = new Map(solution.wrongLinks.map((link) => [key(link), link.feedback]));
  const seen = new Set<string>();
  const items: ItemFeedback[] = [];
  let right = 0;
  let wrong = 0;
  for (const link of draft.links) {
    const same = key(link);
    if (seen.has(same)) continue;
    seen.add(same);
    const correct = expected.has(same);
    if (correct) right++;
    else wrong++;
    const message = correct ? undefined : (anticipated.get(same) ?? solution.otherwise);
    items.push({ id: linkKey(link), correct, ...(message ? { message } : {}) });
  }
  return { score: clamp01((right - WRONG_LINK_PENALTY * wrong) / Math.max(1, expected.size)), items };
}

/** Expected links the draft does not hold (keys of the solution's links). */
export function missingLinks(puzzle: LinkPuzzle, solution: LinkSolution, draft: LinkDraft): string[] {
  const symmetric = symmetricKinds(puzzle);
  const drawn = new Set(draft.links.map((link) => sameLinkKey(link, symmetric)));
  return solution.links.filter((link) => !drawn.has(sameLinkKey(link, symmetric))).map(linkKey);
}
