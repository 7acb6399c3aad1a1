/**
 * The Phaser table: the team's seats around a table, the step's documents as cards, the timer.
 * It renders a TablePicture and holds no rule, no string and no socket. Loaded lazily (own chunk).
 */
import * as Phaser from "phaser";
import { clip, initials, seatPositions, type TablePicture } from "../view/table-picture.ts";

/** Logical sizes: wide for laptops, compact (bigger text once scaled) for phones in portrait. */
const WIDE = { width: 960, height: 420, cards: 6, text: 1 };
const COMPACT = { width: 480, height: 330, cards: 3, text: 0.8 };
type Layout = typeof WIDE;
const FONT = "Atkinson Hyperlegible, system-ui, sans-serif";
const COLORS = {
  felt: 0x2f5d3a,
  feltEdge: 0x1f3f27,
  card: 0xffffff,
  cardEdge: 0x1b1f2a,
  private: 0x6a2c91,
  seat: 0x1d4e89,
  seatOff: 0x6b7280,
  me: 0xffb000,
  timer: 0xffd166,
  timerTrack: 0x1f3f27,
};

class TableScene extends Phaser.Scene {
  private picture: TablePicture | null = null;
  /** Where each document card lies on the table, in logical coordinates. */
  cardRects: { id: string; x: number; y: number; w: number; h: number }[] = [];

  constructor(private readonly layout: Layout) {
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

  private draw(): void {
    this.children.removeAll(true);
    const picture = this.picture;
    if (!picture) return;
    const { width: W, height: H } = this.layout;
    const compact = this.layout === COMPACT;
    const g = this.add.graphics();

    // The table.
    const tx0 = W * 0.12;
    const ty0 = H * 0.2;
    const tw = W * 0.76;
    const th = H * 0.58;
    g.fillStyle(COLORS.feltEdge, 1).fillRoundedRect(tx0, ty0, tw, th, Math.min(120, th / 2));
    g.fillStyle(COLORS.felt, 1).fillRoundedRect(
      tx0 + 10,
      ty0 + 10,
      tw - 20,
      th - 20,
      Math.min(110, th / 2 - 10),
    );

    // Heading and status.
    this.text(16, 16, picture.heading, 22, "#ffffff", true).setOrigin(0, 0);
    if (!compact) this.text(16, 44, clip(picture.subtitle, 60), 18).setOrigin(0, 0);
    if (picture.status)
      this.text(W / 2, ty0 + th - 28, clip(picture.status, compact ? 40 : 70), 17, "#ffffff", true);

    // Timer ring (top right).
    const rx = W - 56;
    const ry = 50;
    const radius = compact ? 30 : 38;
    g.lineStyle(10, COLORS.timerTrack, 1).strokeCircle(rx, ry, radius);
    if (picture.timerFraction !== null) {
      g.lineStyle(10, COLORS.timer, 1);
      g.beginPath();
      g.arc(
        rx,
        ry,
        radius,
        -Math.PI / 2,
        -Math.PI / 2 + 2 * Math.PI * Math.max(0, Math.min(1, picture.timerFraction)),
        false,
      );
      g.strokePath();
    }
    this.text(rx, ry, picture.timerText, 20, "#ffffff", true);

    // Documents as cards on the table.
    const cards = picture.cards.slice(0, this.layout.cards);
    this.cardRects = [];
    const cardW = compact ? 118 : 140;
    const cardH = compact ? 84 : 92;
    const gap = 12;
    const startX = W / 2 - (cards.length * cardW + (cards.length - 1) * gap) / 2;
    cards.forEach((card, index) => {
      const x = startX + index * (cardW + gap);
      const y = ty0 + (compact ? 34 : 60) + (index % 2) * 12;
      const isPrivate = card.privateTo !== "";
      g.fillStyle(0x000000, 0.25).fillRoundedRect(x + 4, y + 5, cardW, cardH, 10);
      g.fillStyle(COLORS.card, 1).fillRoundedRect(x, y, cardW, cardH, 10);
      g.lineStyle(isPrivate ? 4 : 2, isPrivate ? COLORS.private : COLORS.cardEdge, 1).strokeRoundedRect(
        x,
        y,
        cardW,
        cardH,
        10,
      );
      this.add
        .text(x + cardW / 2, y + 34, clip(card.title, compact ? 34 : 44), {
          fontFamily: FONT,
          fontSize: `${Math.round(14 * this.layout.text * (compact ? 1.15 : 1))}px`,
          color: "#1b1f2a",
          align: "center",
          wordWrap: { width: cardW - 14 },
          resolution: 2,
        })
        .setOrigin(0.5);
      if (isPrivate)
        this.text(x + cardW / 2, y + cardH - 13, clip(card.privateLabel, 22), 13, "#6a2c91", true);
      this.cardRects.push({ id: card.id, x, y, w: cardW, h: cardH });
    });

    // Seats around the table.
    const positions = seatPositions(picture.seats.length, W / 2, ty0 + th / 2, tw / 2 + 10, th / 2 + 8);
    picture.seats.forEach((seat, index) => {
      const pos = positions[index];
      if (!pos) return;
      const y = Math.min(H - 46, Math.max(40, pos.y));
      const x = Math.min(W - 50, Math.max(50, pos.x));
      if (seat.me) g.fillStyle(COLORS.me, 1).fillCircle(x, y, 30);
      g.fillStyle(seat.online ? COLORS.seat : COLORS.seatOff, 1).fillCircle(x, y, 25);
      if (!seat.online) g.lineStyle(3, 0xffffff, 1).strokeCircle(x, y, 21);
      this.text(x, y, initials(seat.name), 18, "#ffffff", true);
      const label = `${clip(seat.name, compact ? 10 : 16)}${seat.agreed ? " ✔" : ""}${seat.online ? "" : " ⨯"}`;
      this.text(x, y + 38, label, 15, "#ffffff", true)
        .setBackgroundColor("#1b1f2a")
        .setPadding(4, 2, 4, 2);
      if (seat.activity && !compact) {
        this.text(x, y - 42, clip(seat.activity, 34), 13, "#1b1f2a")
          .setBackgroundColor("#ffffff")
          .setPadding(6, 3, 6, 3);
      }
    });
  }
}

export interface TableHandle {
  show(picture: TablePicture): void;
  /** The id of the document card under a page point, if any. */
  cardAt(clientX: number, clientY: number): string | null;
  destroy(): void;
}

export function mountTable(parent: HTMLElement): TableHandle {
  const layout = parent.clientWidth > 0 && parent.clientWidth < 640 ? COMPACT : WIDE;
  parent.style.aspectRatio = `${layout.width} / ${layout.height}`;
  const scene = new TableScene(layout);
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    width: layout.width,
    height: layout.height,
    transparent: true,
    banner: false,
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
    scene,
    audio: { noAudio: true },
  });
  // Draw on demand: the loop runs only for the frame after a change, then sleeps (no redraw at 60
  // frames per second while nothing happens). Phaser wakes it itself when the tab becomes visible.
  let framesLeft = 1;
  let shown = "";
  game.events.on(Phaser.Core.Events.POST_RENDER, () => {
    framesLeft -= 1;
    if (framesLeft <= 0) game.loop.sleep();
  });
  const redraw = () => {
    framesLeft = 1;
    if (game.isRunning) game.loop.wake();
  };
  scene.onCreate = redraw;
  let latest: TablePicture | null = null;
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
    cardAt: (clientX, clientY) => {
      const rect = game.canvas.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) return null;
      const x = ((clientX - rect.left) * layout.width) / rect.width;
      const y = ((clientY - rect.top) * layout.height) / rect.height;
      return (
        scene.cardRects.find((c) => x >= c.x && x <= c.x + c.w && y >= c.y && y <= c.y + c.h)?.id ?? null
      );
    },
    destroy: () => game.destroy(true),
  };
}
