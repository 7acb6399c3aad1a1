import type { ItemFeedback, ScoreResult } from "../../rules/model.ts";
import type { OrderDraft, OrderSolution } from "./schema.ts";

/**
 * Share of item pairs (of the solution) that the answer puts in the right relative order.
 * An item missing from the answer makes its pairs wrong. Feedback: each item, well placed or not.
 */
export function scoreOrder(solution: OrderSolution, answer: OrderDraft): ScoreResult {
  const position = new Map<string, number>();
  answer.order.forEach((id, index) => {
    if (!position.has(id)) position.set(id, index);
  });
  const expected = solution.order;
  let pairs = 0;
  let right = 0;
  for (let i = 0; i < expected.length; i++) {
    for (let j = i + 1; j < expected.length; j++) {
      pairs++;
      const a = position.get(expected[i] ?? "");
      const b = position.get(expected[j] ?? "");
      if (a !== undefined && b !== undefined && a < b) right++;
    }
  }
  const items: ItemFeedback[] = expected.map((id, index) => ({ id, correct: answer.order[index] === id }));
  return { score: pairs === 0 ? 1 : right / pairs, items };
}
