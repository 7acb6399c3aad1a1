/** A team step's status as everyone sees it, and whether the team may work on it: one rule for the
 *  synced state (server mirror), the rules' own checks and the board's controls. */

export type TeamStepStatus = "pending" | "open" | "closed";

/** Closed; open (the team's current step, started); or pending. */
export function teamStepStatus(
  step: { closed: boolean; startedAt: number | null },
  index: number,
  currentIndex: number,
): TeamStepStatus {
  if (step.closed) return "closed";
  if (index === currentIndex && step.startedAt !== null) return "open";
  return "pending";
}

/** True when a team may edit, propose and take hints on a step with this status in this phase. */
export function isWorkable(phase: string, status: string): boolean {
  return phase === "playing" && status === "open";
}
