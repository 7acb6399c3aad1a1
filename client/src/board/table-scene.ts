/**
 * The Phaser table: the team's seats around a table, the step's documents as cards, the timer.
 * It renders a TablePicture and holds no rule, no string and no socket. Loaded lazily (own chunk).
 */
import * as Phaser from "phaser";
import { clip, initials, seatPositions, type TablePicture } from "../view/table-picture.ts";

const WIDTH = 960;
const HEIGHT = 420;
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

  constructor() {
    super("table");
  }

  create(): void {
    this.draw();
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
    const g = this.add.graphics();

    // The table.
    g.fillStyle(COLORS.feltEdge, 1).fillRoundedRect(150, 70, 660, 250, 120);
    g.fillStyle(COLORS.felt, 1).fillRoundedRect(160, 80, 640, 230, 110);

    // Heading and status.
    this.add.text(20, 14, picture.heading, {
      fontFamily: FONT,
      fontSize: "22px",
      color: "#ffffff",
      fontStyle: "bold",
      resolution: 2,
    });
    this.add.text(20, 42, clip(picture.subtitle, 60), {
      fontFamily: FONT,
      fontSize: "18px",
      color: "#ffffff",
      resolution: 2,
    });
    if (picture.status) this.text(WIDTH / 2, 300, clip(picture.status, 70), 17, "#ffffff", true);

    // Timer ring (top right).
    const tx = WIDTH - 70;
    const ty = 60;
    g.lineStyle(10, COLORS.timerTrack, 1).strokeCircle(tx, ty, 38);
    if (picture.timerFraction !== null) {
      g.lineStyle(10, COLORS.timer, 1);
      g.beginPath();
      g.arc(
        tx,
        ty,
        38,
        -Math.PI / 2,
        -Math.PI / 2 + 2 * Math.PI * Math.max(0, Math.min(1, picture.timerFraction)),
        false,
      );
      g.strokePath();
    }
    this.text(tx, ty, picture.timerText, 20, "#ffffff", true);

    // Documents as cards on the table.
    const cards = picture.cards.slice(0, 6);
    const cardW = 140;
    const cardH = 92;
    const gap = 14;
    const startX = WIDTH / 2 - (cards.length * cardW + (cards.length - 1) * gap) / 2;
    cards.forEach((card, index) => {
      const x = startX + index * (cardW + gap);
      const y = 140 + (index % 2) * 14;
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
        .text(x + cardW / 2, y + 36, clip(card.title, 44), {
          fontFamily: FONT,
          fontSize: "14px",
          color: "#1b1f2a",
          align: "center",
          wordWrap: { width: cardW - 16 },
          resolution: 2,
        })
        .setOrigin(0.5);
      if (isPrivate)
        this.text(x + cardW / 2, y + cardH - 14, clip(card.privateLabel, 22), 12, "#6a2c91", true);
    });

    // Seats around the table.
    const positions = seatPositions(picture.seats.length, WIDTH / 2, 195, 390, 165);
    picture.seats.forEach((seat, index) => {
      const pos = positions[index];
      if (!pos) return;
      const y = Math.min(HEIGHT - 40, Math.max(40, pos.y));
      const x = Math.min(WIDTH - 60, Math.max(60, pos.x));
      if (seat.me) g.fillStyle(COLORS.me, 1).fillCircle(x, y, 31);
      g.fillStyle(seat.online ? COLORS.seat : COLORS.seatOff, 1).fillCircle(x, y, 26);
      if (!seat.online) g.lineStyle(3, 0xffffff, 1).strokeCircle(x, y, 22);
      this.text(x, y, initials(seat.name), 18, "#ffffff", true);
      const label = `${clip(seat.name, 16)}${seat.agreed ? " ✔" : ""}${seat.online ? "" : " ⨯"}`;
      const nameText = this.text(x, y + 40, label, 15, "#ffffff", true);
      nameText.setBackgroundColor("#1b1f2a").setPadding(4, 2, 4, 2);
      if (seat.activity) {
        const bubble = this.text(x, y - 44, clip(seat.activity, 34), 13, "#1b1f2a");
        bubble.setBackgroundColor("#ffffff").setPadding(6, 3, 6, 3);
      }
    });
  }
}

export interface TableHandle {
  show(picture: TablePicture): void;
  destroy(): void;
}

export function mountTable(parent: HTMLElement): TableHandle {
  const scene = new TableScene();
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    width: WIDTH,
    height: HEIGHT,
    transparent: true,
    banner: false,
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
    scene,
    audio: { noAudio: true },
  });
  return {
    show: (picture) => scene.show(picture),
    destroy: () => game.destroy(true),
  };
}
