/**
 * Short sound cues synthesised with Web Audio (no file, nothing fetched): step start, last seconds,
 * submission, reveal, podium. On by default on the projected screen only; one mute button on every
 * screen, remembered on this device. Every cue doubles something already shown and announced:
 * nothing relies on sound alone. The last cue asked for is written on `<html data-last-cue>` (tests).
 */
import { html } from "lit-html";
import { requestRender } from "../app.ts";
import { t } from "../i18n/index.ts";
import { icon } from "../ui/icons.ts";

export type Cue = "step" | "tick" | "submit" | "reveal" | "podium";

const STORAGE_KEY = "datatruc.sound";

/** Notes of each cue: [frequency Hz, start s, duration s]. */
const CUES: Record<Cue, [number, number, number][]> = {
  step: [
    [523.25, 0, 0.14],
    [783.99, 0.12, 0.22],
  ],
  tick: [[880, 0, 0.06]],
  submit: [
    [659.25, 0, 0.08],
    [987.77, 0.07, 0.12],
  ],
  reveal: [
    [392, 0, 0.3],
    [493.88, 0.05, 0.3],
    [587.33, 0.1, 0.35],
  ],
  podium: [
    [523.25, 0, 0.12],
    [659.25, 0.12, 0.12],
    [783.99, 0.24, 0.12],
    [1046.5, 0.36, 0.45],
  ],
};

let defaultOn = false;
let context: AudioContext | null = null;

/** The screen's default (on for the projected screen); a choice stored on this device wins. */
export function setSoundDefault(on: boolean): void {
  defaultOn = on;
}

export function soundOn(): boolean {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return stored === null || stored === undefined ? defaultOn : stored === "on";
}

export function setSoundOn(on: boolean): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, on ? "on" : "off");
  requestRender();
}

export function play(cue: Cue): void {
  document.documentElement.dataset.lastCue = cue;
  if (!soundOn()) return;
  try {
    context ??= new AudioContext();
    if (context.state === "suspended") void context.resume();
    const start = context.currentTime + 0.01;
    for (const [frequency, at, duration] of CUES[cue]) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = "triangle";
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + at);
      gain.gain.exponentialRampToValueAtTime(0.2, start + at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + at + duration);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start + at);
      oscillator.stop(start + at + duration + 0.05);
    }
  } catch {
    // No audio output: the cue was only ever a double of what the screen shows.
  }
}

/** The one mute button (same place, same words on every screen). */
export function soundToggle() {
  const on = soundOn();
  return html`<button type="button" class="sound-toggle" aria-pressed=${on ? "false" : "true"}
    @click=${() => setSoundOn(!on)}>${icon(on ? "sound" : "mute")} ${t("stage.mute")}</button>`;
}
