/** Keyboard gestures in the studio's CodeMirror editor, shared by the studio e2e tests. */
import type { Page } from "playwright-core";

/** Goes to a 1-based line with CodeMirror's « Aller à la ligne » (Ctrl+Alt+G) and replaces it with `text`. */
export async function replaceLine(page: Page, line: number, text: string): Promise<void> {
  await page.locator("#studio-editor .cm-content").click();
  await page.keyboard.press("Control+Alt+g");
  await page.locator("#studio-editor .cm-panel", { hasText: "Aller à la ligne" }).waitFor();
  await page.keyboard.type(String(line));
  await page.keyboard.press("Enter");
  // The cursor is at the line's start: select to its end (Shift+End goes one wrap point further
  // each time, and stays at the end of the line) and type over it.
  for (let i = 0; i < 6; i++) await page.keyboard.press("Shift+End");
  await page.keyboard.insertText(text);
}
