/**
 * The application shell: one current screen, rendered with lit-html into #app, re-rendered on
 * demand (batched), plus the ARIA live region and client-side navigation.
 */
import { html, render, type TemplateResult } from "lit-html";
import { getLang, LANGS, type Lang, setLang, t } from "./i18n/index.ts";
import { hrefFor, parseRoute, type Route } from "./router.ts";
import { markOverflow } from "./ui/scroll-region.ts";

export interface Screen {
  view(): TemplateResult;
  /** Document title (already translated). */
  title(): string;
  dispose?(): void;
  /** Called after each render (e.g. to mount or feed a canvas). */
  afterRender?(): void;
  /** Full-bleed screens (projected screen, print) hide the top bar. */
  chrome?: "full" | "none";
}

export type ScreenFactory = (route: Route) => Promise<Screen>;

let current: Screen | null = null;
let factory: ScreenFactory;
let scheduled = false;
let routeVersion = 0;

export function startApp(createScreen: ScreenFactory): void {
  factory = createScreen;
  globalThis.addEventListener("popstate", () => void show(parseRoute(location.pathname)));
  globalThis.addEventListener("resize", requestRender);
  document.addEventListener("focusin", (event) => {
    lastFocused = event.target instanceof HTMLElement ? event.target : null;
  });
  document.addEventListener("click", (event) => {
    const anchor = (event.target as Element | null)?.closest?.("a[data-nav]");
    if (!anchor || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey) return;
    event.preventDefault();
    navigate(parseRoute(new URL((anchor as HTMLAnchorElement).href).pathname));
  });
  void show(parseRoute(location.pathname));
}

export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const href = hrefFor(route);
  if (options.replace) history.replaceState(null, "", href);
  else history.pushState(null, "", href);
  void show(route);
}

async function show(route: Route): Promise<void> {
  const version = ++routeVersion;
  current?.dispose?.();
  current = null;
  const screen = await factory(route);
  if (version !== routeVersion) return screen.dispose?.();
  current = screen;
  renderNow();
  // After a navigation inside the app the focus moves to the new page's title; on the first page
  // load it stays at the top of the document, so the first Tab reaches the skip link.
  if (version > 1)
    document.getElementById("app")?.querySelector<HTMLElement>("h1")?.focus({ preventScroll: true });
}

/** The last element that had the keyboard focus inside the app. */
let lastFocused: HTMLElement | null = null;

/** Where the focus goes after the coming renders (a selector), until an element matches it. */
let pendingFocus: { selector: string; scrollTop: boolean } | null = null;

/**
 * Moves the keyboard focus to `selector` as soon as a render shows it (default: the page title);
 * with `scrollTop`, the page first scrolls back to its top (a new step, a pause, the end).
 */
export function focusAfterRender(selector = "h1", options: { scrollTop?: boolean } = {}): void {
  pendingFocus = { selector, scrollTop: options.scrollTop ?? false };
  requestRender();
}

/** Schedules a re-render of the current screen (many state patches → one render). */
export function requestRender(): void {
  if (scheduled) return;
  scheduled = true;
  queueMicrotask(() => {
    scheduled = false;
    renderNow();
  });
}

function renderNow(): void {
  const root = document.getElementById("app");
  if (!root || !current) return;
  // The page's static loading screen (index.html) gives way to the first rendered screen.
  if (root.hasAttribute("data-loading")) {
    root.removeAttribute("data-loading");
    root.replaceChildren();
  }
  document.title = `${current.title()} · Datatruc`;
  const chrome = current.chrome ?? "full";
  // Keyed elements (data-focus-key) keep the keyboard focus across re-renders, even when a list
  // re-orders and moves the focused node.
  const focused = document.activeElement as HTMLElement | null;
  const focusKey = focused?.dataset?.focusKey;
  render(
    html`${chrome === "full" ? topBar() : null}
      <main id="main" class=${`screen ${chrome === "none" ? "bare" : ""}`}>${current.view()}</main>`,
    root,
  );
  // (A focused control that becomes disabled loses the focus a moment later: handle it now.)
  if (focusKey && (document.activeElement !== focused || (focused as HTMLButtonElement | null)?.disabled)) {
    const target = root.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusKey)}"]`);
    // A control that just became disabled (e.g. "move up" on the first item) hands the focus to
    // its nearest enabled neighbour, so keyboard users never fall back to the top of the page.
    const usable =
      target && !(target as HTMLButtonElement).disabled
        ? target
        : target?.parentElement?.querySelector<HTMLElement>(
            "button:not([disabled]), select:not([disabled]), input:not([disabled])",
          );
    usable?.focus({ preventScroll: false });
  }
  markOverflow(root);
  moveFocus(root, focused);
  current.afterRender?.();
}

/** Applies a pending focus move; a focused element that a render removed hands the focus to the
 *  screen's next action (`data-focus-next`) or its title, never to <body>. */
function moveFocus(root: HTMLElement, before: HTMLElement | null): void {
  if (pendingFocus) {
    const target = root.querySelector<HTMLElement>(pendingFocus.selector);
    if (!target) return;
    if (pendingFocus.scrollTop) globalThis.scrollTo?.({ top: 0 });
    target.focus({ preventScroll: pendingFocus.scrollTop });
    pendingFocus = null;
    return;
  }
  if (document.activeElement && document.activeElement !== document.body) return;
  // The control that had the focus is gone or disabled (the browser then drops the focus).
  const last = before && before !== document.body ? before : lastFocused;
  const lost = last && (!last.isConnected || (last as HTMLButtonElement).disabled);
  if (!lost) return;
  const target =
    root.querySelector<HTMLElement>("[data-focus-next]") ?? root.querySelector<HTMLElement>("h1");
  // (No target yet, e.g. a loading line: the next render tries again.)
  if (target) {
    lastFocused = null;
    target.focus();
  }
}

function topBar(): TemplateResult {
  const switchTo = (lang: Lang) => {
    setLang(lang);
    renderNow();
  };
  return html`<header class="topbar">
    <a class="skip" href="#main">${t("app.skip")}</a>
    <a class="brand" href="/" data-nav>${t("app.name")}</a>
    <nav class="langs" aria-label=${t("app.language")}>
      ${LANGS.map(
        (lang) =>
          html`<button
            type="button"
            class="link"
            lang=${lang}
            aria-pressed=${getLang() === lang ? "true" : "false"}
            @click=${() => switchTo(lang)}
          >
            ${lang.toUpperCase()}
          </button>`,
      )}
    </nav>
  </header>`;
}

let lastAnnouncement = "";
/** Says something to screen-reader users through the polite live region. */
export function announce(message: string): void {
  const region = document.getElementById("live");
  if (!region || !message) return;
  // Repeating the same text would not be read again: toggle a trailing no-break space.
  const text = message === lastAnnouncement.trim() ? `${message}\u00a0` : message;
  lastAnnouncement = text;
  region.textContent = text;
}
