/** Keeps one Phaser table mounted in the board's container and feeds it pictures. Phaser loads lazily. */
import type { TablePicture } from "../view/table-picture.ts";
import type { TableHandle } from "./table-scene.ts";

/** Opens and shows the document a card on the table stands for. */
function openMaterial(id: string): void {
  const article = document.getElementById(`material-${id}`);
  if (!article) return;
  const details = article.querySelector("details");
  if (details) details.open = true;
  article.scrollIntoView({ behavior: "smooth", block: "center" });
  article.querySelector<HTMLElement>("summary")?.focus({ preventScroll: true });
}

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
        const handle = mountTable(this.parent);
        this.handle = handle;
        // The intent "open this document": the DOM below shows it (keyboard users reach it there).
        this.parent.addEventListener("click", (event) => {
          const id = handle.cardAt(event.clientX, event.clientY);
          if (id) openMaterial(id);
        });
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
