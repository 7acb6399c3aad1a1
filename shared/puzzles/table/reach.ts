/**
 * Can a table column be cleaned into its expected values with the operations a puzzle offers?
 * Used by the validator (is the solution achievable?) and by the playtest (which edits reach it?).
 */
import { applyOperationToValue, type ColumnOperation, sameCell } from "./ops.ts";

const MAX_SEQUENCE = 5;

export interface ColumnPlan {
  /** Operations to apply to the whole column, in order (the best sequence found). */
  sequence: ColumnOperation[];
  /** Indices of the cells still wrong after `sequence` (empty when the column is reachable). */
  unreachable: number[];
}

/**
 * Breadth-first search over sequences of column operations (at most five), from `initial` to
 * `expected`, compared like the table scorer does (outer spaces ignored).
 */
export function columnPlan(
  initial: readonly string[],
  expected: readonly string[],
  operations: readonly ColumnOperation[],
  width: number | undefined,
): ColumnPlan {
  const mismatches = (state: readonly string[]) =>
    state.flatMap((value, i) => (sameCell(value, expected[i]) ? [] : [i]));
  let best: ColumnPlan = { sequence: [], unreachable: mismatches(initial) };
  if (best.unreachable.length === 0 || operations.length === 0) return best;
  const seen = new Set([JSON.stringify(initial)]);
  let frontier: { state: string[]; sequence: ColumnOperation[] }[] = [{ state: [...initial], sequence: [] }];
  for (let depth = 0; depth < MAX_SEQUENCE && frontier.length > 0; depth++) {
    const next: typeof frontier = [];
    for (const { state, sequence } of frontier) {
      for (const operation of operations) {
        const after = state.map((value) => applyOperationToValue(operation, value, width));
        const key = JSON.stringify(after);
        if (seen.has(key)) continue;
        seen.add(key);
        const candidate = { sequence: [...sequence, operation], unreachable: mismatches(after) };
        if (candidate.unreachable.length < best.unreachable.length) best = candidate;
        if (candidate.unreachable.length === 0) return best;
        next.push({ state: after, sequence: candidate.sequence });
      }
    }
    frontier = next;
  }
  return best;
}
