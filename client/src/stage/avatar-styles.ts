/**
 * DiceBear styles, bundled (no network): « Thumbs » for players, « Notionists » for the story's
 * characters (both CC0 1.0, see assets/README.md). Its own lazy chunk, loaded by identity.ts.
 */
import { createAvatar } from "@dicebear/core";
import * as notionists from "@dicebear/notionists";
import * as thumbs from "@dicebear/thumbs";

export function drawAvatar(style: "player" | "character", seed: string): string {
  if (style === "character")
    return createAvatar(notionists, { seed, backgroundColor: ["e8eef7", "f3ece3", "e7f3ec"] }).toString();
  return createAvatar(thumbs, { seed }).toString();
}
