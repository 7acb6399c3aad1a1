/**
 * Scenario files must be UTF-8. A file saved in UTF-16 (Notepad's « Unicode ») or in Windows-1252
 * (« ANSI ») would otherwise fail with a puzzling syntax error or show « m�tadonn�es » everywhere:
 * this says what happened and how to save it again. Pure (bytes in, text or finding out).
 */
import { type Finding, guideLink } from "./findings.ts";
import { parseJsonSource, positionAt } from "./json-source.ts";

export const SAVE_AS_UTF8 = "enregistrez le fichier en UTF-8 (votre éditeur : Enregistrer sous… › Encodage)";

/** UTF-16 by its byte order mark, or by the zero bytes of an ASCII text written two bytes a character. */
function looksUtf16(bytes: Uint8Array): "UTF-16 LE" | "UTF-16 BE" | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "UTF-16 LE";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "UTF-16 BE";
  if (bytes.length >= 4 && bytes[1] === 0 && bytes[3] === 0 && bytes[0] !== 0) return "UTF-16 LE";
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[2] === 0 && bytes[1] !== 0) return "UTF-16 BE";
  return undefined;
}

/** The file's text, or the finding that says it is not UTF-8 (at the first unreadable character). */
export function decodeScenarioBytes(
  bytes: Uint8Array,
  file: string,
): { text: string } | { finding: Finding } {
  const finding = (line: number, column: number, message: string): { finding: Finding } => ({
    finding: {
      severity: "error",
      code: "encodage",
      file,
      path: "(racine)",
      line,
      column,
      message,
      help: guideLink("encodage"),
    },
  });
  const utf16 = looksUtf16(bytes);
  if (utf16) return finding(1, 1, `le fichier est enregistré en ${utf16}, pas en UTF-8 : ${SAVE_AS_UTF8}`);
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    const offset = Math.max(0, text.indexOf("\uFFFD"));
    const { line, column } = positionAt(parseJsonSource(text), offset);
    return finding(
      line,
      column,
      `le fichier n'est pas en UTF-8 (un caractère illisible ici, sans doute un accent : le fichier est probablement en Windows-1252, dit « ANSI ») : ${SAVE_AS_UTF8}`,
    );
  }
}
