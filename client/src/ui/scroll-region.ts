/**
 * A region that scrolls (a wide table, a long list): focusable and named so keyboard users can
 * scroll it with the arrow keys, with a visible cue when its content overflows (`markOverflow`,
 * called after each render, sets `data-overflow`).
 */
import { html, type TemplateResult } from "lit-html";
import { t } from "../i18n/index.ts";

export function scrollRegion(label: string, content: TemplateResult, kind: "x" | "y" = "x") {
  return html`<div class=${kind === "x" ? "scroll-x" : "scroll-y"} role="region" tabindex="0" aria-label=${label}>${content}</div>
    <p class="scroll-cue" aria-hidden="true">${t(kind === "x" ? "scroll.cueX" : "scroll.cueY")}</p>`;
}

/** Flags every scroll region of `root` whose content is larger than its box. */
export function markOverflow(root: ParentNode): void {
  for (const element of root.querySelectorAll<HTMLElement>(".scroll-x, .scroll-y")) {
    const overflowing =
      element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1;
    element.toggleAttribute("data-overflow", overflowing);
  }
}
