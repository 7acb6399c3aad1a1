/**
 * The Phaser table: the team's seats, the step's documents and the puzzle's pieces as cards, the
 * timer. It draws a TablePicture laid out by `layoutTable` and holds no rule, no string and no
 * socket: gestures come back to `table-canvas.ts` as drops. Loaded lazily (own chunk).
 */
import * as Phaser from "phaser";
import { clip, initials, type TablePicture, type Token } from "../view/table-picture.ts";
import { layoutTable, type Rect, type TableLayout, type TableSize, tableSizeFor } from "./table-layout.ts";

const FONT = "Atkinson Hyperlegible, system-ui, sans-serif";
const COLORS = {
  felt: 0x2f5d3a,
  feltEdge: 0x1f3f27,
  pile: 0x24492d,
  card: 0xffffff,
  cardEdge: 0x1b1f2a,
  private: 0x6a2c91,
  back: 0x4b2a6b,
  seat: 0x1d4e89,
  seatOff: 0x6b7280,
  me: 0xffb000,
  held: 0xffb000,
  ok: 0x1a7f37,
  bad: 0xb42318,
  link: 0xffd166,
  timer: 0xffd166,
  timerTrack: 0x1f3f27,
};
const TOKEN = {
  agree: { color: 0x1a7f37, glyph: "✔" },
  disagree: { color: 0xb42318, glyph: "✖" },
  question: { color: 0x1d4e89, glyph: "?" },
} as const;
/** Card moves (a drop settling, a teammate's move arriving), when motion is welcome. */
const MOVE_MS = 180;

class TableScene extends Phaser.Scene {
  private picture: TablePicture | null = null;
  layout: TableLayout | null = null;
  /** The kind of link the next card dropped onto another draws (link puzzles). */
  currentKind = "";
  /** Where each piece was last drawn, to move it from there (logical coordinates). */
  private lastAt = new Map<string, { x: number; y: number }>();
  private pieceObjects = new Map<string, Phaser.GameObjects.Container>();
  private dragging: string | null = null;
  reducedMotion = false;

  constructor(private readonly size: TableSize) {
    super("table");
  }

  /** Called once the scene has drawn for the first time (the game loop may be asleep). */
  onCreate: () => void = () => undefined;

  create(): void {
    this.draw();
    this.onCreate();
  }

  show(picture: TablePicture): void {
    this.picture = picture;
    const kinds = picture.puzzle?.kinds ?? [];
    if (!kinds.some((kind) => kind.id === this.currentKind)) this.currentKind = kinds[0]?.id ?? "";
    if (this.sys.isActive()) this.draw();
  }

  redraw(): void {
    if (this.sys.isActive()) this.draw();
  }

  private text(x: number, y: number, value: string, size: number, color = "#ffffff", bold = false) {
    return this.add
      .text(x, y, value, {
        fontFamily: FONT,
        fontSize: `${size}px`,
        color,
        fontStyle: bold ? "bold" : "normal",
        resolution: 2,
      })
      .setOrigin(0.5);
  }

  /** Picks a piece up: it follows the pointer above everything else until dropped. */
  startDrag(id: string): void {
    this.dragging = id;
    this.pieceObjects.get(id)?.setDepth(1000).setScale(1.04);
  }

  dragTo(x: number, y: number, dx: number, dy: number): void {
    const object = this.dragging ? this.pieceObjects.get(this.dragging) : null;
    object?.setPosition(x - dx, y - dy);
  }

  /** Drops the piece held: it settles from where it was let go (the new picture moves it on). */
  endDrag(x: number, y: number, dx: number, dy: number): void {
    if (this.dragging) this.lastAt.set(this.dragging, { x: x - dx, y: y - dy });
    this.dragging = null;
    this.draw();
  }

  private draw(): void {
    this.tweens.killAll();
    this.children.removeAll(true);
    this.pieceObjects.clear();
    const picture = this.picture;
    if (!picture) return;
    const layout = layoutTable(picture, this.size);
    this.layout = layout;
    const { width: W } = this.size;
    const compact = this.size.compact;
    const g = this.add.graphics();
    const { felt } = layout;

    g.fillStyle(COLORS.feltEdge, 1).fillRoundedRect(felt.x, felt.y, felt.w, felt.h, 28);
    g.fillStyle(COLORS.felt, 1).fillRoundedRect(felt.x + 6, felt.y + 6, felt.w - 12, felt.h - 12, 24);

    // Heading, status, timer ring (top right).
    this.text(16, 14, picture.heading, 22, "#ffffff", true).setOrigin(0, 0);
    this.text(16, 42, clip(picture.subtitle, compact ? 30 : 60), 17).setOrigin(0, 0);
    if (picture.status)
      this.text(W / 2, felt.y + felt.h - 16, clip(picture.status, compact ? 40 : 80), 16, "#ffffff", true);
    this.timer(picture, W - 50, 42, compact ? 26 : 30, g);

    this.seats(picture, layout, g);
    this.documents(picture, layout, g);
    if (picture.puzzle) this.puzzle(picture, layout, g);
  }

  private timer(
    picture: TablePicture,
    rx: number,
    ry: number,
    radius: number,
    g: Phaser.GameObjects.Graphics,
  ) {
    g.lineStyle(8, COLORS.timerTrack, 1).strokeCircle(rx, ry, radius);
    if (picture.timerFraction !== null) {
      g.lineStyle(8, COLORS.timer, 1);
      g.beginPath();
      const share = Math.max(0, Math.min(1, picture.timerFraction));
      g.arc(rx, ry, radius, -Math.PI / 2, -Math.PI / 2 + 2 * Math.PI * share, false);
      g.strokePath();
    }
    this.text(rx, ry, picture.timerText, 17, "#ffffff", true);
  }

  private seats(picture: TablePicture, layout: TableLayout, g: Phaser.GameObjects.Graphics) {
    const compact = this.size.compact;
    picture.seats.forEach((seat, index) => {
      const pos = layout.seats[index];
      if (!pos) return;
      const { x, y } = pos;
      if (seat.me) g.fillStyle(COLORS.me, 1).fillCircle(x, y, 24);
      g.fillStyle(seat.online ? COLORS.seat : COLORS.seatOff, 1).fillCircle(x, y, 20);
      if (!seat.online) g.lineStyle(2, 0xffffff, 1).strokeCircle(x, y, 17);
      this.text(x, y, initials(seat.name), 15, "#ffffff", true);
      const label = `${clip(seat.name, compact ? 9 : 14)}${seat.agreed ? " ✔" : ""}${seat.online ? "" : " ⨯"}`;
      this.text(x, y + 30, label, 13, "#ffffff", true)
        .setBackgroundColor("#1b1f2a")
        .setPadding(4, 1, 4, 1);
      const bubble = seat.hand ?? (compact ? null : seat.activity);
      if (bubble)
        this.text(x, y - 34, clip(bubble, compact ? 18 : 28), 12, "#1b1f2a")
          .setBackgroundColor(seat.hand ? "#ffd166" : "#ffffff")
          .setPadding(5, 2, 5, 2);
    });
  }

  private documents(picture: TablePicture, layout: TableLayout, g: Phaser.GameObjects.Graphics) {
    picture.cards.forEach((card, index) => {
      const r = layout.docs[index];
      if (!r) return;
      g.fillStyle(0x000000, 0.25).fillRoundedRect(r.x + 3, r.y + 4, r.w, r.h, 8);
      if (card.faceDown) {
        // A teammate's private document: its back only, and who holds it.
        g.fillStyle(COLORS.back, 1).fillRoundedRect(r.x, r.y, r.w, r.h, 8);
        g.lineStyle(2, 0xffffff, 0.7).strokeRoundedRect(r.x + 5, r.y + 5, r.w - 10, r.h - 10, 6);
        this.wrapped(r.x + r.w / 2, r.y + r.h / 2, card.title, r.w - 12, 12, "#ffffff");
      } else {
        const isPrivate = card.privateTo !== "";
        g.fillStyle(COLORS.card, 1).fillRoundedRect(r.x, r.y, r.w, r.h, 8);
        g.lineStyle(isPrivate ? 3 : 1.5, isPrivate ? COLORS.private : COLORS.cardEdge, 1).strokeRoundedRect(
          r.x,
          r.y,
          r.w,
          r.h,
          8,
        );
        this.wrapped(r.x + r.w / 2, r.y + r.h / 2 - (isPrivate ? 6 : 0), clip(card.title, 40), r.w - 10, 12);
        if (isPrivate)
          this.text(r.x + r.w / 2, r.y + r.h - 9, clip(card.privateLabel, 18), 10, "#6a2c91", true);
      }
      this.tokens(picture.tokens, card.id, r);
    });
  }

  private wrapped(x: number, y: number, value: string, width: number, size: number, color = "#1b1f2a") {
    return this.add
      .text(x, y, value, {
        fontFamily: FONT,
        fontSize: `${size}px`,
        color,
        align: "center",
        wordWrap: { width },
        resolution: 2,
      })
      .setOrigin(0.5);
  }

  private puzzle(picture: TablePicture, layout: TableLayout, g: Phaser.GameObjects.Graphics) {
    const board = picture.puzzle;
    if (!board) return;
    // Piles with their names (the tray first), line slots, kind chips.
    for (const zone of layout.zones) {
      g.fillStyle(COLORS.pile, 1).fillRoundedRect(zone.x, zone.y, zone.w, zone.h, 12);
      g.lineStyle(2, 0xffffff, zone.id === "" ? 0.25 : 0.5).strokeRoundedRect(
        zone.x,
        zone.y,
        zone.w,
        zone.h,
        12,
      );
      const label =
        zone.id === "" ? board.tray : (board.zones.find((z) => z.id === zone.id)?.label ?? zone.id);
      this.wrapped(zone.x + zone.w / 2, zone.y + 14, clip(label, 40), zone.w - 10, 12, "#ffffff");
    }
    layout.slots.forEach((slot, i) => {
      g.lineStyle(2, 0xffffff, 0.35).strokeRoundedRect(slot.x - 3, slot.y - 3, slot.w + 6, slot.h + 6, 10);
      this.text(slot.x + 12, slot.y - 10, `${i + 1}`, 13, "#ffffff", true);
    });
    for (const chip of layout.kinds) {
      const chosen = chip.id === this.currentKind;
      g.fillStyle(chosen ? COLORS.link : 0xffffff, chosen ? 1 : 0.85).fillRoundedRect(
        chip.x,
        chip.y,
        chip.w,
        chip.h,
        15,
      );
      const label = board.kinds.find((kind) => kind.id === chip.id)?.label ?? chip.id;
      this.text(chip.x + chip.w / 2, chip.y + chip.h / 2, clip(label, 20), 12, "#1b1f2a", chosen);
    }
    // Links under the cards: a line, an arrow head, the kind's label in the middle.
    const rectOf = new Map(layout.pieces.map((r) => [r.id, r]));
    for (const link of board.links) {
      const a = rectOf.get(link.from);
      const b = rectOf.get(link.to);
      if (!a || !b) continue;
      const from = { x: a.x + a.w / 2, y: a.y + a.h / 2 };
      const to = { x: b.x + b.w / 2, y: b.y + b.h / 2 };
      const color = link.mark === null ? COLORS.link : link.mark ? COLORS.ok : COLORS.bad;
      g.lineStyle(3, color, 1).lineBetween(from.x, from.y, to.x, to.y);
      const angle = Math.atan2(to.y - from.y, to.x - from.x);
      const tip = edgePoint(b, from, to);
      if (!link.both)
        g.fillStyle(color, 1).fillTriangle(
          tip.x,
          tip.y,
          tip.x - 12 * Math.cos(angle - 0.4),
          tip.y - 12 * Math.sin(angle - 0.4),
          tip.x - 12 * Math.cos(angle + 0.4),
          tip.y - 12 * Math.sin(angle + 0.4),
        );
      this.text(
        (from.x + to.x) / 2,
        (from.y + to.y) / 2,
        clip(`${link.label}${link.both ? " ⇄" : ""}`, 24),
        11,
        "#1b1f2a",
        true,
      )
        .setBackgroundColor("#ffd166")
        .setPadding(3, 1, 3, 1)
        .setDepth(5);
    }
    const held = new Map(picture.held.map((h) => [h.piece, h.by]));
    for (const r of layout.pieces) {
      const piece = board.pieces.find((p) => p.id === r.id);
      if (!piece) continue;
      const c = this.add.container(r.x, r.y).setDepth(10);
      const cg = this.add.graphics();
      cg.fillStyle(0x000000, 0.25).fillRoundedRect(3, 4, r.w, r.h, 8);
      cg.fillStyle(COLORS.card, 1).fillRoundedRect(0, 0, r.w, r.h, 8);
      const edge = held.has(r.id)
        ? COLORS.held
        : piece.mark === null
          ? COLORS.cardEdge
          : piece.mark
            ? COLORS.ok
            : COLORS.bad;
      cg.lineStyle(held.has(r.id) || piece.mark !== null ? 4 : 1.5, edge, 1).strokeRoundedRect(
        0,
        0,
        r.w,
        r.h,
        8,
      );
      c.add(cg);
      const small = r.h < 40;
      if (piece.tag) c.add(this.text(r.w / 2, 10, clip(piece.tag, 20), 10, "#6a2c91", true));
      c.add(
        this.add
          .text(r.w / 2, r.h / 2 + (piece.tag ? 5 : 0), clip(piece.label, small ? 30 : 60), {
            fontFamily: FONT,
            fontSize: `${small ? 12 : 13}px`,
            color: "#1b1f2a",
            align: "center",
            wordWrap: { width: r.w - 10 },
            resolution: 2,
          })
          .setOrigin(0.5),
      );
      const by = held.get(r.id);
      if (by)
        c.add(
          this.text(r.w - 4, 2, by, 11, "#1b1f2a", true)
            .setBackgroundColor("#ffd166")
            .setOrigin(1, 0),
        );
      this.pieceObjects.set(r.id, c);
      // Settle from where the card was (a drop, a teammate's move), unless motion is unwelcome.
      const from = this.lastAt.get(r.id);
      if (from && !this.reducedMotion && (from.x !== r.x || from.y !== r.y) && r.id !== this.dragging) {
        c.setPosition(from.x, from.y);
        this.tweens.add({ targets: c, x: r.x, y: r.y, duration: MOVE_MS, ease: "Quad.easeOut" });
        this.onMove(MOVE_MS);
      }
      this.lastAt.set(r.id, { x: r.x, y: r.y });
      this.tokens(picture.tokens, r.id, r, 20);
    }
  }

  /** Keeps the loop awake while something moves (set by mountTable). */
  onMove: (ms: number) => void = () => undefined;

  /** Reaction tokens along a card's bottom edge. */
  private tokens(tokens: Token[], piece: string, r: Rect, depth = 1) {
    tokens
      .filter((token) => token.piece === piece)
      .slice(0, 6)
      .forEach((token, i) => {
        const x = r.x + 12 + i * 22;
        const y = r.y + r.h;
        const style = TOKEN[token.reaction];
        const g = this.add.graphics().setDepth(depth);
        g.fillStyle(style.color, 1).fillCircle(x, y, 10);
        g.lineStyle(2, 0xffffff, 1).strokeCircle(x, y, 10);
        this.text(x, y, style.glyph, 12, "#ffffff", true).setDepth(depth);
      });
  }
}

/** Where the segment from → to enters rectangle b (the arrow's tip). */
function edgePoint(b: Rect, from: { x: number; y: number }, to: { x: number; y: number }) {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const sx = dx === 0 ? Number.POSITIVE_INFINITY : b.w / 2 / Math.abs(dx);
  const sy = dy === 0 ? Number.POSITIVE_INFINITY : b.h / 2 / Math.abs(dy);
  const s = Math.min(sx, sy, 1);
  return { x: to.x - dx * s, y: to.y - dy * s };
}

export interface TableHandle {
  show(picture: TablePicture): void;
  /** Page point → logical table point. */
  toTable(clientX: number, clientY: number): { x: number; y: number } | null;
  layout(): TableLayout | null;
  currentKind(): string;
  setKind(kind: string): void;
  startDrag(id: string): void;
  dragTo(x: number, y: number, dx: number, dy: number): void;
  endDrag(x: number, y: number, dx: number, dy: number): void;
  /** Fits the drawing to its container again (it changed size). */
  resize(): void;
  destroy(): void;
}

export function mountTable(parent: HTMLElement, reducedMotion: boolean): TableHandle {
  const size = tableSizeFor(parent.clientWidth);
  parent.style.aspectRatio = `${size.width} / ${size.height}`;
  const scene = new TableScene(size);
  scene.reducedMotion = reducedMotion;
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    width: size.width,
    height: size.height,
    transparent: true,
    banner: false,
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
    scene,
    audio: { noAudio: true },
    // Input is read from DOM pointer events by table-canvas.ts (the loop sleeps between changes).
    input: { keyboard: false, mouse: false, touch: false, gamepad: false },
  });
  // Draw on demand: the loop runs only for the frames after a change (or while a card moves), then
  // sleeps (no redraw at 60 frames per second while nothing happens). Phaser wakes it itself when
  // the tab becomes visible.
  let awakeUntil = 0;
  let framesLeft = 1;
  game.events.on(Phaser.Core.Events.POST_RENDER, () => {
    framesLeft -= 1;
    if (framesLeft <= 0 && performance.now() >= awakeUntil) game.loop.sleep();
  });
  const redraw = (ms = 0) => {
    framesLeft = 1;
    awakeUntil = Math.max(awakeUntil, performance.now() + ms);
    if (game.isRunning) game.loop.wake();
  };
  scene.onCreate = () => redraw();
  scene.onMove = (ms) => redraw(ms + 50);
  let latest: TablePicture | null = null;
  let shown = "";
  // Texts drawn before the web font arrived are drawn again with it.
  void document.fonts?.ready.then(() => {
    if (!latest) return;
    scene.show(latest);
    redraw();
  });
  return {
    show: (picture) => {
      latest = picture;
      const key = JSON.stringify(picture);
      if (key === shown) return;
      shown = key;
      scene.show(picture);
      redraw();
    },
    toTable: (clientX, clientY) => {
      const rect = game.canvas.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) return null;
      return {
        x: ((clientX - rect.left) * size.width) / rect.width,
        y: ((clientY - rect.top) * size.height) / rect.height,
      };
    },
    layout: () => scene.layout,
    currentKind: () => scene.currentKind,
    setKind: (kind) => {
      scene.currentKind = kind;
      scene.redraw();
      redraw();
    },
    startDrag: (id) => {
      scene.startDrag(id);
      redraw();
    },
    dragTo: (x, y, dx, dy) => {
      scene.dragTo(x, y, dx, dy);
      redraw();
    },
    endDrag: (x, y, dx, dy) => {
      scene.endDrag(x, y, dx, dy);
      redraw();
    },
    resize: () => {
      // The scale manager measures its parent only in its own step, which does not run while the
      // loop sleeps: measure now, then fit.
      game.scale.getParentBounds();
      game.scale.refresh();
      redraw();
    },
    destroy: () => game.destroy(true),
  };
}
