/**
 * Who is who, the same on every screen: each team has a colour and an emblem (bundled SVGs from
 * `assets/emblems/`, named in the text so colour never carries the meaning alone); each player and
 * each story character has an avatar drawn offline from their name by DiceBear (styles bundled,
 * loaded lazily in their own chunk; initials show until it is there).
 */
import { html } from "lit-html";
import { unsafeSVG } from "lit-html/directives/unsafe-svg.js";
import { requestRender } from "../app.ts";
import { type MessageKey, t } from "../i18n/index.ts";

const EMBLEM_FILES = import.meta.glob<string>("../../../assets/emblems/*.svg", {
  query: "?raw",
  import: "default",
  eager: true,
});

/** Emblem names, in the order teams get them (file names under assets/emblems/). */
export const EMBLEMS = [
  "etoile",
  "cercle",
  "triangle",
  "losange",
  "hexagone",
  "feuille",
  "eclair",
  "vague",
] as const;
export type Emblem = (typeof EMBLEMS)[number];

/** Team colours: white text on each has a contrast ratio of at least 4.5:1 (client/src/ui/contrast.test.ts). */
export const TEAM_COLOURS = [
  "#1d4ed8",
  "#b91c1c",
  "#047857",
  "#6d28d9",
  "#9a3412",
  "#0e7490",
  "#be185d",
  "#4d7c0f",
] as const;

export interface TeamLook {
  colour: string;
  emblem: Emblem;
  /** The emblem's name in the interface language (« étoile »). */
  emblemName: string;
}

/** A team's colour and emblem from its position in `game.teams` (stable for the session). */
export function teamLook(index: number): TeamLook {
  const i = Math.max(0, index);
  const emblem = EMBLEMS[i % EMBLEMS.length] ?? "etoile";
  return {
    colour: TEAM_COLOURS[i % TEAM_COLOURS.length] ?? "#1d4ed8",
    emblem,
    emblemName: t(`emblem.${emblem}` as MessageKey),
  };
}

export function emblemSvg(emblem: Emblem): string {
  return EMBLEM_FILES[`../../../assets/emblems/${emblem}.svg`] ?? "";
}

/** The team's badge: its emblem, white on its colour; the emblem's name for screen readers. */
export function teamBadge(index: number, size = "1.4em") {
  const look = teamLook(index);
  return html`<span class="team-badge" style=${`background:${look.colour};width:${size};height:${size}`}
    role="img" aria-label=${t("stage.emblem", { emblem: look.emblemName })}>${unsafeSVG(emblemSvg(look.emblem))}</span>`;
}

/** The team's name with its badge, on a band of its colour. */
export function teamName(index: number, name: string) {
  return html`<span class="team-name" style=${`--team:${teamLook(index).colour}`}>${teamBadge(index)} ${name}</span>`;
}

// ---------------------------------------------------------------------------------------------
// Avatars, drawn offline by DiceBear from a name.

type Draw = (style: "player" | "character", seed: string) => string;
let draw: Draw | null = null;
let loading: Promise<void> | null = null;
const cache = new Map<string, string>();

/** Loads the DiceBear chunk once; renders again when it is there. */
export function loadAvatars(): Promise<void> {
  loading ??= import("./avatar-styles.ts")
    .then((module) => {
      draw = module.drawAvatar;
      requestRender();
    })
    .catch(() => undefined);
  return loading;
}

function avatarUri(style: "player" | "character", seed: string): string | null {
  const key = `${style}:${seed}`;
  const hit = cache.get(key);
  if (hit) return hit;
  if (!draw) {
    void loadAvatars();
    return null;
  }
  const uri = `data:image/svg+xml;utf8,${encodeURIComponent(draw(style, seed))}`;
  cache.set(key, uri);
  return uri;
}

export function initials(name: string): string {
  const words = name
    .trim()
    .split(/[\s-]+/)
    .filter(Boolean);
  return words
    .slice(0, 2)
    .map((word) => word.charAt(0).toUpperCase())
    .join("");
}

/** A player's avatar (decorative: the name is always written next to it). */
export function avatar(name: string, style: "player" | "character" = "player", size = "2rem") {
  const uri = avatarUri(style, name);
  const box = `width:${size};height:${size}`;
  return uri
    ? html`<img class=${`avatar ${style}`} src=${uri} alt="" style=${box} />`
    : html`<span class=${`avatar ${style} placeholder`} aria-hidden="true" style=${box}>${initials(name)}</span>`;
}
