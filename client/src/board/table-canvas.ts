/** Keeps one Phaser table mounted in the board's container and feeds it pictures. Phaser loads lazily. */
import type { TablePicture } from "../view/table-picture.ts";
import type { TableHandle } from "./table-scene.ts";

export class TableCanvas {
  private handle: TableHandle | null = null;
  private parent: HTMLElement | null = null;
  private loading = false;
  private picture: TablePicture | null = null;
  private disposed = false;

  sync(parent: HTMLElement | null, picture: TablePicture): void {
    this.picture = picture;
    if (parent !== this.parent) {
      this.handle?.destroy();
      this.handle = null;
      this.parent = parent;
    }
    if (!parent) return;
    if (this.handle) {
      this.handle.show(picture);
      return;
    }
    if (this.loading) return;
    this.loading = true;
    void import("./table-scene.ts")
      .then(({ mountTable }) => {
        this.loading = false;
        if (this.disposed || !this.parent || this.handle) return;
        this.handle = mountTable(this.parent);
        if (this.picture) this.handle.show(this.picture);
      })
      .catch(() => {
        this.loading = false;
      });
  }

  dispose(): void {
    this.disposed = true;
    this.handle?.destroy();
    this.handle = null;
    this.parent = null;
  }
}
