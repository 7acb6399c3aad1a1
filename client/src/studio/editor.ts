/**
 * The studio's JSON editor (CodeMirror 6, its own lazily loaded chunk): completion and hover help
 * from the scenario's JSON Schema (codemirror-json-schema), lint from the project's validator (the
 * findings the server's check returns, as `npm run scenarios:check` gives them), and which step the
 * cursor is in. Mounted in a shadow root: CodeMirror's styles go to an adopted style sheet there,
 * not to `<style>` elements the Content-Security-Policy refuses.
 */
import {
  autocompletion,
  closeBrackets,
  closeBracketsKeymap,
  completionKeymap,
} from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { json, jsonLanguage } from "@codemirror/lang-json";
import { bracketMatching, foldGutter, foldKeymap, indentOnInput } from "@codemirror/language";
import { type Diagnostic, forceLinting, linter, lintGutter, lintKeymap } from "@codemirror/lint";
import { searchKeymap } from "@codemirror/search";
import { EditorSelection, EditorState, StateEffect } from "@codemirror/state";
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  hoverTooltip,
  keymap,
  lineNumbers,
} from "@codemirror/view";
import { jsonCompletion, jsonSchemaHover, stateExtensions } from "codemirror-json-schema";
import type { JSONSchema7 } from "json-schema";
import { getLocation } from "jsonc-parser";
import schema from "../../../scenarios/schema/scenario.schema.json";
import type { Finding } from "../../../shared/scenario/findings.ts";

/** CodeMirror's own words (search and go-to-line panels, lint list, folding) in French. */
const FRENCH_PHRASES: Record<string, string> = {
  Find: "Rechercher",
  Replace: "Remplacer",
  next: "suivant",
  previous: "précédent",
  all: "tout",
  "match case": "respecter la casse",
  "by word": "mot entier",
  regexp: "expression régulière",
  replace: "remplacer",
  "replace all": "tout remplacer",
  close: "fermer",
  "current match": "occurrence actuelle",
  "replaced $ matches": "$ occurrences remplacées",
  "replaced match on line $": "occurrence remplacée à la ligne $",
  "on line": "à la ligne",
  "Go to line": "Aller à la ligne",
  go: "aller",
  Diagnostics: "Erreurs et avertissements",
  "No diagnostics": "Aucune erreur ni avertissement",
  Completions: "Propositions",
  "Control character": "Caractère de contrôle",
  "Selection deleted": "Sélection supprimée",
  "Folded lines": "Lignes repliées",
  "Unfolded lines": "Lignes dépliées",
  "Fold line": "Replier la ligne",
  "Unfold line": "Déplier la ligne",
  "folded code": "code replié",
  unfold: "déplier",
  to: "à",
};

export interface EditorOptions {
  text: string;
  /** The editor's accessible name. */
  label: string;
  /** The interface language: CodeMirror's panels speak French with "fr". */
  lang: "fr" | "en";
  /** Checks a text with the project's validator; the findings become the editor's diagnostics. */
  check(text: string): Promise<readonly Finding[]>;
  onChange(text: string): void;
  /** The step the cursor is in (its index in `steps`), or null outside the steps. */
  onStep(index: number | null): void;
}

export interface StudioEditor {
  text(): string;
  /** Replaces the whole text (a file loaded from the computer). */
  setText(text: string): void;
  /** Moves the cursor to a finding's place and focuses the editor. */
  goTo(line: number, column: number): void;
  /** Checks the text again now (a table it names was just imported). */
  recheck(): void;
  destroy(): void;
}

/** Asks the linter to check the unchanged text again. */
const recheckEffect = StateEffect.define<null>();

/** The offset of a 1-based line and column, kept inside the document. */
function offsetOf(state: EditorState, line: number, column: number): number {
  const target = state.doc.line(Math.min(Math.max(1, line), state.doc.lines));
  return Math.min(target.from + Math.max(0, column - 1), target.to);
}

/** A finding as a diagnostic: from its column to the end of the JSON token there. */
function diagnostic(state: EditorState, finding: Finding): Diagnostic {
  const from = offsetOf(state, finding.line, finding.column);
  const rest = state.doc.sliceString(from, state.doc.lineAt(from).to);
  const token = /^("(?:[^"\\]|\\.)*"?|[^\s,:\]}]+|.)/.exec(rest)?.[0] ?? "";
  return {
    from,
    to: from + token.length,
    severity: finding.severity === "error" ? "error" : "warning",
    message: `${finding.path} : ${finding.message}`,
  };
}

/** The step index at an offset: the path there starts with `steps`, n. */
function stepAt(text: string, offset: number): number | null {
  const [head, index] = getLocation(text, offset).path;
  return head === "steps" && typeof index === "number" ? index : null;
}

export function createEditor(host: HTMLElement, options: EditorOptions): StudioEditor {
  const root = host.shadowRoot ?? host.attachShadow({ mode: "open" });
  let lastStep: number | null = null;
  let focusInPanel = false;
  const restoreFocus = () => {
    if (!focusInPanel || root.activeElement) return;
    focusInPanel = false;
    view.focus();
  };
  const reportStep = (state: EditorState) => {
    const step = stepAt(state.doc.toString(), state.selection.main.head);
    if (step === lastStep) return;
    lastStep = step;
    options.onStep(step);
  };
  const view = new EditorView({
    root,
    parent: root,
    state: EditorState.create({
      doc: options.text,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        foldGutter(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        autocompletion(),
        highlightActiveLine(),
        keymap.of([
          ...closeBracketsKeymap,
          ...defaultKeymap,
          ...searchKeymap,
          ...historyKeymap,
          ...foldKeymap,
          ...completionKeymap,
          ...lintKeymap,
        ]),
        json(),
        jsonLanguage.data.of({ autocomplete: jsonCompletion() }),
        hoverTooltip(jsonSchemaHover()),
        stateExtensions(schema as unknown as JSONSchema7),
        linter(
          async (editor) => {
            const findings = await options.check(editor.state.doc.toString());
            // A CSV table's findings are on its own lines: listed under the editor, not placed here.
            return findings
              .filter((finding) => !finding.file.endsWith(".csv"))
              .map((finding) => diagnostic(editor.state, finding));
          },
          {
            delay: 400,
            needsRefresh: (update) =>
              update.transactions.some((tr) => tr.effects.some((effect) => effect.is(recheckEffect))),
          },
        ),
        lintGutter(),
        // tabindex: axe counts the scroller's content as focusable only with it (it is anyway).
        EditorView.contentAttributes.of({ "aria-label": options.label, tabindex: "0" }),
        options.lang === "fr" ? EditorState.phrases.of(FRENCH_PHRASES) : [],
        EditorView.lineWrapping,
        EditorView.theme({
          "&": { height: "70vh", fontSize: "0.95rem", border: "1px solid #5c5f66" },
          ".cm-scroller": { fontFamily: "ui-monospace, monospace" },
          "&.cm-focused": { outline: "3px solid #1d4ed8" },
        }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
          if (update.docChanged || update.selectionSet) reportStep(update.state);
          if (focusInPanel) {
            restoreFocus();
            setTimeout(restoreFocus);
          }
        }),
      ],
    }),
  });
  reportStep(view.state);
  // A panel (go to line, search) that closes gives the focus back to the text: CodeMirror does it
  // only when it sees the focus inside the panel, which a shadow root hides from it.
  root.addEventListener("focusin", (event) => {
    focusInPanel = (event.target as HTMLElement).closest?.(".cm-panels") !== null;
  });
  return {
    text: () => view.state.doc.toString(),
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    goTo(line, column) {
      const anchor = offsetOf(view.state, line, column);
      view.dispatch({ selection: EditorSelection.cursor(anchor), scrollIntoView: true });
      view.focus();
    },
    recheck() {
      view.dispatch({ effects: recheckEffect.of(null) });
      forceLinting(view);
    },
    destroy: () => view.destroy(),
  };
}
