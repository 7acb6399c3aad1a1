/**
 * Where everything lies on the table, in logical coordinates: a pure function of the picture and
 * the table's size (no Phaser here), so that the scene only draws it, gestures read it back
 * (`dropAt`) and tests can check it.
 */
import type { BoardDrop, PuzzleBoard } from "../puzzles/registry.ts";
import type { TablePicture } from "../view/table-picture.ts";

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface TableSize {
  width: number;
  height: number;
  compact: boolean;
}

/** Wide (laptop) and compact (phone, portrait) tables. */
export const WIDE: TableSize = { width: 960, height: 600, compact: false };
export const COMPACT: TableSize = { width: 480, height: 640, compact: true };

/** The table for a container `width` px wide: compact below 640 px (a phone), else wide. */
export const tableSizeFor = (width: number): TableSize => (width > 0 && width < 640 ? COMPACT : WIDE);

export interface TableLayout {
  size: TableSize;
  felt: Rect;
  seats: { x: number; y: number }[];
  /** The step's documents (own and face-down), by card index in the picture. */
  docs: (Rect & { id: string })[];
  /** Piles (categorize), the tray first (id ""). */
  zones: (Rect & { id: string })[];
  /** Line slots (order), by position. */
  slots: Rect[];
  /** Every puzzle piece where it lies. */
  pieces: (Rect & { id: string })[];
  /** Kind chips (link): the kind the next dropped link will have. */
  kinds: (Rect & { id: string })[];
}

export const contains = (r: Rect, x: number, y: number) =>
  x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h;

const centre = (r: Rect) => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });

/** Lays `count` boxes of width `w` in a row centred in [x0, x0 + span]. */
function row(count: number, w: number, gap: number, x0: number, span: number): number[] {
  const total = count * w + Math.max(0, count - 1) * gap;
  const start = x0 + Math.max(0, (span - total) / 2);
  return Array.from({ length: count }, (_, i) => start + i * (w + gap));
}

function layoutPuzzle(board: PuzzleBoard, area: Rect, layout: TableLayout): void {
  const n = board.pieces.length;
  if (board.layout === "piles") {
    const columns = board.zones.length + 1;
    const gap = 10;
    const w = (area.w - gap * (columns - 1)) / columns;
    const ids = ["", ...board.zones.map((zone) => zone.id)];
    layout.zones = ids.map((id, i) => ({ id, x: area.x + i * (w + gap), y: area.y, w, h: area.h }));
    const cardH = Math.min(44, (area.h - 34) / Math.max(1, n) - 6);
    for (const zone of layout.zones) {
      const inside = board.pieces.filter((piece) => (piece.zone ?? "") === zone.id);
      inside.forEach((piece, i) => {
        layout.pieces.push({
          id: piece.id,
          x: zone.x + 6,
          y: zone.y + 30 + i * (cardH + 6),
          w: zone.w - 12,
          h: cardH,
        });
      });
    }
    return;
  }
  if (board.layout === "line") {
    const perRow = n > 6 ? Math.ceil(n / 2) : n;
    const rows = Math.ceil(n / Math.max(1, perRow));
    const gap = 10;
    const w = Math.min(150, (area.w - gap * (perRow - 1)) / Math.max(1, perRow));
    const h = Math.min(110, (area.h - 20) / rows - gap);
    board.pieces.forEach((piece, i) => {
      const r = Math.floor(i / perRow);
      const inRow = Math.min(perRow, n - r * perRow);
      const xs = row(inRow, w, gap, area.x, area.w);
      const slot = { x: xs[i - r * perRow] ?? area.x, y: area.y + 20 + r * (h + gap), w, h };
      layout.slots.push(slot);
      layout.pieces.push({ id: piece.id, ...slot });
    });
    return;
  }
  // web: the kind chips on top, then the cards on a grid.
  const chipW = Math.min(150, (area.w - 8 * (board.kinds.length - 1)) / Math.max(1, board.kinds.length));
  row(board.kinds.length, chipW, 8, area.x, area.w).forEach((x, i) => {
    const kind = board.kinds[i];
    if (kind) layout.kinds.push({ id: kind.id, x, y: area.y, w: chipW, h: 30 });
  });
  const top = area.y + 44;
  const columns = layout.size.compact ? 2 : n > 8 ? 4 : 3;
  const rows = Math.ceil(n / columns);
  const cellW = area.w / columns;
  const cellH = (area.h - 44) / Math.max(1, rows);
  const w = Math.min(170, cellW - 40);
  const h = Math.min(70, cellH - 24);
  board.pieces.forEach((piece, i) => {
    const c = i % columns;
    const r = Math.floor(i / columns);
    // Every other row shifted a little: links between cards of one row stay visible. The card stays
    // inside its cell (4 px from its edge), so that two shifted neighbours never overlap (a phone's
    // two columns leave little room around a card).
    const shift = r % 2 === 1 ? Math.max(0, Math.min(cellW / 6, (cellW - w) / 2 - 4)) : 0;
    layout.pieces.push({
      id: piece.id,
      x: area.x + c * cellW + (cellW - w) / 2 + (c === columns - 1 ? -shift : shift),
      y: top + r * cellH + (cellH - h) / 2,
      w,
      h,
    });
  });
}

export function layoutTable(picture: TablePicture, size: TableSize): TableLayout {
  const { width: W, height: H, compact } = size;
  const layout: TableLayout = {
    size,
    felt: { x: 8, y: 150, w: W - 16, h: H - 158 },
    seats: [],
    docs: [],
    zones: [],
    slots: [],
    pieces: [],
    kinds: [],
  };
  // Seats in a row under the heading.
  const seatGap = Math.min(compact ? 110 : 160, (W - 40) / Math.max(1, picture.seats.length));
  row(picture.seats.length, seatGap, 0, 0, W).forEach((x) => {
    layout.seats.push({ x: x + seatGap / 2, y: 96 });
  });
  // Documents in a row at the top of the felt (face-down ones among them).
  const docCount = picture.cards.length;
  const docW = Math.min(compact ? 104 : 130, (W - 40) / Math.max(1, docCount) - 8);
  row(docCount, docW, 8, layout.felt.x, layout.felt.w).forEach((x, i) => {
    const card = picture.cards[i];
    if (card) layout.docs.push({ id: card.id, x, y: layout.felt.y + 12, w: docW, h: 56 });
  });
  const top = layout.felt.y + (docCount > 0 ? 80 : 14);
  const area = {
    x: layout.felt.x + 12,
    y: top,
    w: layout.felt.w - 24,
    h: layout.felt.y + layout.felt.h - top - 30,
  };
  if (picture.puzzle) layoutPuzzle(picture.puzzle, area, layout);
  return layout;
}

/** The document or piece under a point (pieces first: they lie on top). */
export function thingAt(
  layout: TableLayout,
  x: number,
  y: number,
): { kind: "piece" | "doc" | "kind"; id: string } | null {
  const piece = [...layout.pieces].reverse().find((r) => contains(r, x, y));
  if (piece) return { kind: "piece", id: piece.id };
  const kind = layout.kinds.find((r) => contains(r, x, y));
  if (kind) return { kind: "kind", id: kind.id };
  const doc = layout.docs.find((r) => contains(r, x, y));
  return doc ? { kind: "doc", id: doc.id } : null;
}

/** What dropping `piece` at a point means: a pile, a place in the line, or another card (with the
 *  current kind of link). Null: nowhere (the card goes back). */
export function dropAt(
  layout: TableLayout,
  board: PuzzleBoard,
  piece: string,
  x: number,
  y: number,
  kind: string,
): BoardDrop | null {
  if (board.layout === "piles") {
    const zone = layout.zones.find((r) => contains(r, x, y));
    return zone ? { piece, zone: zone.id === "" ? null : zone.id } : null;
  }
  if (board.layout === "line") {
    if (!contains(layout.felt, x, y) || layout.slots.length === 0) return null;
    let best = 0;
    let bestDistance = Number.POSITIVE_INFINITY;
    layout.slots.forEach((slot, i) => {
      const c = centre(slot);
      const distance = (c.x - x) ** 2 + (c.y - y) ** 2;
      if (distance < bestDistance) {
        best = i;
        bestDistance = distance;
      }
    });
    return { piece, index: best };
  }
  const onto = layout.pieces.find((r) => r.id !== piece && contains(r, x, y));
  return onto && kind ? { piece, onto: onto.id, kind } : null;
}
