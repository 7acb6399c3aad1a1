/**
 * Event handlers of a drag-and-drop target: highlighted (`.drop-target`) while something is dragged
 * over it, and on drop handing over the dragged payload of one data type. Bind them with
 * `@dragover=${zone.over} @dragleave=${zone.leave} @drop=${zone.drop}`.
 */
export interface DropZone {
  over: (event: DragEvent) => void;
  leave: (event: DragEvent) => void;
  drop: (event: DragEvent) => void;
}

export function dropZone(dataType: string, onDrop: (data: string) => void, enabled = true): DropZone {
  const highlight = (event: DragEvent, on: boolean) =>
    (event.currentTarget as HTMLElement).classList.toggle("drop-target", on);
  return {
    over: (event) => {
      if (!enabled) return;
      event.preventDefault();
      highlight(event, true);
    },
    leave: (event) => highlight(event, false),
    drop: (event) => {
      event.preventDefault();
      highlight(event, false);
      const data = event.dataTransfer?.getData(dataType);
      if (data) onDrop(data);
    },
  };
}
