/**
 * Keeps one Phaser table mounted in the board's container, feeds it pictures and turns pointer
 * gestures on it into intents: pick a card up and drop it (a pile, a place in the line, another
 * card), choose the kind of link, flip a document to read it. Phaser loads lazily.
 */
import type { BoardDrop } from "../puzzles/registry.ts";
import type { TablePicture } from "../view/table-picture.ts";
import { dropAt, thingAt } from "./table-layout.ts";
import type { TableHandle } from "./table-scene.ts";

/** What the table asks of the board: the same intents as the DOM below it. */
export interface TableIntents {
  /** A card was dropped somewhere: the board turns it into the puzzle's own draft edit. */
  drop(drop: BoardDrop): void;
  /** The player picked a piece up (or put it down: null). */
  hold(piece: string | null): void;
  /** The player touched a piece without moving it: the reactions panel is about it now. */
  select(piece: string): void;
}

/** Opens and shows the document a card on the table stands for (flipping it over). */
function openMaterial(id: string, reducedMotion: boolean): void {
  const article = document.getElementById(`material-${id}`);
  if (!article) return;
  const details = article.querySelector("details");
  if (details) details.open = true;
  article.scrollIntoView({ behavior: reducedMotion ? "auto" : "smooth", block: "center" });
  article.querySelector<HTMLElement>("summary")?.focus({ preventScroll: true });
}

/** Pointer travel (logical units) before a press becomes a drag rather than a click. */
const DRAG_START = 6;

export class TableCanvas {
  private handle: TableHandle | null = null;
  private parent: HTMLElement | null = null;
  private loading = false;
  private picture: TablePicture | null = null;
  private intents: TableIntents | null = null;
  private disposed = false;
  /** The container's size at the last draw: the drawing is fitted again when it changes. */
  private size = "";

  sync(parent: HTMLElement | null, picture: TablePicture, intents: TableIntents): void {
    this.picture = picture;
    this.intents = intents;
    if (parent !== this.parent) {
      this.handle?.destroy();
      this.handle = null;
      this.parent = parent;
    }
    if (!parent) return;
    if (this.handle) {
      const size = `${parent.clientWidth}x${parent.clientHeight}`;
      if (size !== this.size) {
        this.size = size;
        this.handle.resize();
      }
      this.show(picture);
      return;
    }
    if (this.loading) return;
    this.loading = true;
    void import("./table-scene.ts")
      .then(({ mountTable }) => {
        this.loading = false;
        if (this.disposed || !this.parent || this.handle) return;
        const reduced = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
        this.handle = mountTable(this.parent, reduced);
        this.parent.dataset.motion = reduced ? "reduced" : "full";
        this.size = `${this.parent.clientWidth}x${this.parent.clientHeight}`;
        this.listen(this.parent);
        if (this.picture) this.show(this.picture);
      })
      .catch(() => {
        this.loading = false;
      });
  }

  private show(picture: TablePicture): void {
    const handle = this.handle;
    if (!handle || !this.parent) return;
    handle.show(picture);
    // Where the cards lie, for tests and debugging (logical units of the drawing).
    const layout = handle.layout();
    if (layout) {
      const at = (r: { x: number; y: number; w: number; h: number }) => [r.x, r.y, r.w, r.h].map(Math.round);
      this.parent.dataset.layout = JSON.stringify({
        width: layout.size.width,
        height: layout.size.height,
        pieces: Object.fromEntries(layout.pieces.map((r) => [r.id, at(r)])),
        zones: Object.fromEntries(layout.zones.map((r) => [r.id, at(r)])),
        docs: Object.fromEntries(layout.docs.map((r) => [r.id, at(r)])),
        kinds: Object.fromEntries(layout.kinds.map((r) => [r.id, at(r)])),
        kind: handle.currentKind(),
      });
    }
  }

  /** Pointer gestures: press on a piece, move past a few units to drag it, release to drop it;
   *  a press and release without moving flips a document or picks a kind of link. */
  private listen(parent: HTMLElement): void {
    let press: {
      id: string;
      kind: "piece" | "doc" | "kind";
      x: number;
      y: number;
      dx: number;
      dy: number;
    } | null = null;
    let dragging = false;
    parent.addEventListener("pointerdown", (event) => {
      const handle = this.handle;
      const layout = handle?.layout();
      const point = handle?.toTable(event.clientX, event.clientY);
      if (!handle || !layout || !point) return;
      const thing = thingAt(layout, point.x, point.y);
      if (!thing) return;
      const rect = layout.pieces.find((r) => r.id === thing.id);
      press = {
        ...thing,
        x: point.x,
        y: point.y,
        dx: point.x - (rect?.x ?? 0),
        dy: point.y - (rect?.y ?? 0),
      };
      dragging = false;
      parent.setPointerCapture?.(event.pointerId);
      if (thing.kind === "piece") event.preventDefault();
    });
    parent.addEventListener("pointermove", (event) => {
      const point = this.handle?.toTable(event.clientX, event.clientY);
      if (press?.kind !== "piece" || !point || !this.handle) return;
      if (!dragging && Math.hypot(point.x - press.x, point.y - press.y) < DRAG_START) return;
      if (!dragging) {
        dragging = true;
        this.handle.startDrag(press.id);
        this.intents?.hold(press.id);
      }
      this.handle.dragTo(point.x, point.y, press.dx, press.dy);
    });
    const release = (event: PointerEvent, cancelled: boolean) => {
      const handle = this.handle;
      const held = press;
      press = null;
      if (!held || !handle) return;
      const point = handle.toTable(event.clientX, event.clientY) ?? { x: held.x, y: held.y };
      if (!dragging) {
        if (cancelled) return;
        if (held.kind === "doc") openMaterial(held.id, this.parent?.dataset.motion === "reduced");
        if (held.kind === "kind") handle.setKind(held.id);
        if (held.kind === "piece") this.intents?.select(held.id);
        if (this.picture) this.show(this.picture);
        return;
      }
      dragging = false;
      const layout = handle.layout();
      const board = this.picture?.puzzle;
      const drop =
        !cancelled && layout && board
          ? dropAt(layout, board, held.id, point.x, point.y, handle.currentKind())
          : null;
      handle.endDrag(point.x, point.y, held.dx, held.dy);
      this.intents?.hold(null);
      if (drop) this.intents?.drop(drop);
    };
    parent.addEventListener("pointerup", (event) => release(event, false));
    parent.addEventListener("pointercancel", (event) => release(event, true));
  }

  dispose(): void {
    this.disposed = true;
    this.handle?.destroy();
    this.handle = null;
    this.parent = null;
  }
}
