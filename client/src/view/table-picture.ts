import type { PuzzleBoard } from "../puzzles/registry.ts";

/**
 * What the Phaser table draws, as plain translated data: the board scene renders this and nothing
 * else (no strings, no rules in the scene). Built by a pure function, unit-tested.
 */
export interface Seat {
  name: string;
  role: string;
  online: boolean;
  me: boolean;
  /** Short text of this player's latest edit on the step, if any. */
  activity: string | null;
  /** Agreed with the pending proposal. */
  agreed: boolean;
  /** What this teammate has in hand right now (« déplace « Budget 2024 » »), if anything. */
  hand: string | null;
}

export interface Card {
  /** The material's id: clicking the card on the table opens that document below it. */
  id: string;
  title: string;
  /** "" for public documents; the role's name for private ones. */
  privateTo: string;
  privateLabel: string;
  /** A teammate's private document: drawn face down, never opened (its content is not here). */
  faceDown: boolean;
}

/** A reaction token a teammate left on a piece or a document. */
export interface Token {
  piece: string;
  reaction: "agree" | "disagree" | "question";
  /** Initials of who left it. */
  by: string;
}

export interface TablePicture {
  heading: string;
  subtitle: string;
  timerText: string;
  /** Share of the timer left in [0, 1], or null without a timer. */
  timerFraction: number | null;
  status: string;
  seats: Seat[];
  cards: Card[];
  /** The puzzle's pieces as cards, for the types that have a table side. */
  puzzle: PuzzleBoard | null;
  /** Pieces a teammate holds or edits right now (piece id → their initials). */
  held: { piece: string; by: string }[];
  tokens: Token[];
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? `${parts[0]?.[0] ?? ""}${parts[1]?.[0] ?? ""}` : name.trim().slice(0, 2);
  return letters.toUpperCase();
}

/** Seat positions around an ellipse (centre cx, cy; radii rx, ry), starting at the bottom. */
export function seatPositions(
  count: number,
  cx: number,
  cy: number,
  rx: number,
  ry: number,
): { x: number; y: number }[] {
  return Array.from({ length: count }, (_, index) => {
    const angle = Math.PI / 2 + (2 * Math.PI * index) / Math.max(1, count);
    return { x: Math.round(cx + rx * Math.cos(angle)), y: Math.round(cy + ry * Math.sin(angle)) };
  });
}

/** Shortens a text to `max` characters with an ellipsis. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}
