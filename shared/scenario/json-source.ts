/**
 * A JSON file's text with its syntax tree: parses it, reports syntax errors and duplicate keys,
 * and turns a JSON path (`["steps", 2, "solution"]`) into a line and column of the source.
 * No I/O: the browser preview uses it on text it received.
 */
import { findNodeAtLocation, type Node, type ParseError, parseTree, printParseErrorCode } from "jsonc-parser";

export type JsonPath = readonly (string | number)[];

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column, counted in UTF-16 code units like editors do. */
  column: number;
}

export interface SyntaxProblem extends Position {
  message: string;
}

export interface DuplicateKey {
  path: JsonPath;
  key: string;
  offset: number;
}

export interface JsonSource {
  text: string;
  /** The syntax tree, undefined when the text has no value at all. */
  tree: Node | undefined;
  /** The parsed value when the text is valid JSON, else undefined. */
  value: unknown;
  /** The first syntax error (later ones are usually consequences of it); undefined when valid. */
  syntaxError: SyntaxProblem | undefined;
  duplicateKeys: DuplicateKey[];
  lineStarts: number[];
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (char === 10) starts.push(index + 1);
    else if (char === 13 && text.charCodeAt(index + 1) !== 10) starts.push(index + 1);
  }
  return starts;
}

export function positionAt(source: Pick<JsonSource, "lineStarts">, offset: number): Position {
  const starts = source.lineStarts;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
}

function previousSignificantChar(text: string, offset: number): string {
  for (let index = offset - 1; index >= 0; index--) {
    const char = text[index] ?? "";
    if (!/\s/.test(char)) return char;
  }
  return "";
}

function syntaxMessage(error: ParseError, text: string): string {
  const found = text.slice(error.offset, error.offset + Math.max(error.length, 1));
  const shown = found.trim() === "" ? "la fin du fichier" : `« ${found.slice(0, 20)} »`;
  const atEnd = error.offset >= text.trimEnd().length;
  switch (printParseErrorCode(error.error)) {
    case "PropertyNameExpected":
    case "ValueExpected":
      if (/\d\s*,$/.test(text.slice(0, error.offset).trimEnd()) && /^\d/.test(found))
        return `nombre écrit avec une virgule décimale ? En JSON, le séparateur décimal est le point (ex. 0.25, pas 0,25)`;
      if (previousSignificantChar(text, error.offset) === ",")
        return `virgule en trop avant ${shown} : en JSON, le dernier élément d'une liste ou d'un objet n'est pas suivi d'une virgule`;
      if (printParseErrorCode(error.error) === "PropertyNameExpected")
        return `nom de champ attendu entre guillemets droits (ex. "title"), trouvé ${shown}`;
      return `valeur attendue (texte entre guillemets, nombre, true, false, liste [ ] ou objet { }), trouvé ${shown}`;
    case "CommaExpected":
      return `virgule manquante avant ${shown} : séparez les éléments par des virgules (regardez la fin de la ligne précédente)`;
    case "ColonExpected":
      return `deux-points « : » attendus après le nom du champ, trouvé ${shown}`;
    case "CloseBraceExpected":
      return atEnd
        ? "accolade fermante « } » manquante avant la fin du fichier"
        : `accolade fermante « } » ou virgule attendue, trouvé ${shown}`;
    case "CloseBracketExpected":
      return atEnd
        ? "crochet fermant « ] » manquant avant la fin du fichier"
        : `crochet fermant « ] » ou virgule attendu, trouvé ${shown}`;
    case "EndOfFileExpected":
      return `fin du fichier attendue, trouvé ${shown} : le fichier contient un seul objet { … }`;
    case "InvalidCommentToken":
      return "les commentaires ne sont pas permis en JSON : mettez l'information dans un champ texte";
    case "UnexpectedEndOfString":
      return 'texte non terminé : il manque le guillemet droit fermant " (les guillemets « » ou “ ” ne comptent pas)';
    case "InvalidEscapeCharacter":
      return `caractère d'échappement invalide ${shown} : écrivez \\\\ pour une barre oblique inverse, \\" pour un guillemet, \\n pour un saut de ligne`;
    case "InvalidCharacter":
      return "caractère invalide dans un texte : un saut de ligne ou une tabulation s'écrit \\n ou \\t";
    case "InvalidNumberFormat":
    case "UnexpectedEndOfNumber":
      return `nombre mal écrit ${shown} : utilisez le point comme séparateur décimal (ex. 0.25)`;
    case "InvalidUnicode":
      return `séquence unicode invalide ${shown}`;
    case "UnexpectedEndOfComment":
      return "commentaire non terminé (et les commentaires ne sont pas permis en JSON)";
    default:
      return `symbole inattendu ${shown} : le texte doit être entre guillemets droits "…"`;
  }
}

function collectDuplicateKeys(node: Node | undefined, path: (string | number)[], out: DuplicateKey[]): void {
  if (!node) return;
  if (node.type === "object") {
    const seen = new Set<string>();
    for (const property of node.children ?? []) {
      const keyNode = property.children?.[0];
      if (!keyNode || typeof keyNode.value !== "string") continue;
      const key = keyNode.value;
      if (seen.has(key)) out.push({ path: [...path], key, offset: keyNode.offset });
      seen.add(key);
      collectDuplicateKeys(property.children?.[1], [...path, key], out);
    }
  } else if (node.type === "array") {
    (node.children ?? []).forEach((child, index) => {
      collectDuplicateKeys(child, [...path, index], out);
    });
  }
}

/** Parses JSON text strictly (no comments, no trailing commas) while keeping positions. */
export function parseJsonSource(rawText: string): JsonSource {
  // A byte order mark is replaced by a space so that offsets stay those of the file.
  const text = rawText.startsWith("\uFEFF") ? ` ${rawText.slice(1)}` : rawText;
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const lineStarts = computeLineStarts(text);
  const first = errors[0];
  let value: unknown;
  let syntaxError: SyntaxProblem | undefined;
  if (text.trim() === "") {
    syntaxError = { line: 1, column: 1, message: "fichier vide : un objet JSON { … } est attendu" };
  } else if (first) {
    syntaxError = { ...positionAt({ lineStarts }, first.offset), message: syntaxMessage(first, text) };
  } else if (!tree) {
    syntaxError = { line: 1, column: 1, message: "fichier vide : un objet JSON { … } est attendu" };
  } else {
    value = JSON.parse(text);
  }
  const duplicateKeys: DuplicateKey[] = [];
  if (!syntaxError) collectDuplicateKeys(tree, [], duplicateKeys);
  return { text, tree, value, syntaxError, duplicateKeys, lineStarts };
}

/**
 * Where a path points in the source. `key` targets the property name rather than its value
 * (for unknown keys). A path that does not exist (missing field) points at the deepest existing
 * node: the object that lacks the field.
 */
export function locate(source: JsonSource, path: JsonPath, target: "value" | "key" = "value"): Position {
  if (!source.tree) return { line: 1, column: 1 };
  for (let length = path.length; length >= 0; length--) {
    const node = findNodeAtLocation(source.tree, path.slice(0, length) as (string | number)[]);
    if (!node) continue;
    const keyNode = node.parent?.type === "property" ? node.parent.children?.[0] : undefined;
    // A missing field: point at the object that should hold it (its name when it has one).
    const useKey = keyNode !== undefined && (target === "key" || length < path.length);
    return positionAt(source, useKey ? keyNode.offset : node.offset);
  }
  return positionAt(source, source.tree.offset);
}

/** `steps[2].solution.buckets.communicable[1]`; the root is `(racine)`. */
export function formatPath(path: JsonPath): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(part)) out += out === "" ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out === "" ? "(racine)" : out;
}

/** The raw value at a path, undefined when absent. */
export function valueAt(value: unknown, path: JsonPath): unknown {
  let current = value;
  for (const part of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}
