/**
 * What the validator reports: one finding per mistake, with where it is (file, JSON path, line and
 * column), a plain French message saying what was expected, and a link to the guide section that
 * explains what to do. Codes are the anchors of `docs/guide-scenarios.md`.
 */

export type Severity = "error" | "warning";

/** Every kind of finding, with the title of its guide section. */
export const FINDING_CODES = {
  encodage: "Le fichier n'est pas enregistré en UTF-8",
  "json-invalide": "Le fichier n'est pas du JSON valide",
  "cle-en-double": "Clé en double",
  "cle-inconnue": "Clé inconnue",
  "champ-manquant": "Champ obligatoire manquant",
  "type-incorrect": "Type de valeur incorrect",
  "valeur-invalide": "Valeur non prévue",
  "identifiant-invalide": "Identifiant mal écrit",
  "texte-vide": "Texte vide",
  "valeur-hors-limites": "Valeur hors limites",
  "identifiant-en-double": "Identifiant en double",
  "reference-inconnue": "Référence inconnue",
  "solution-impossible": "Solution impossible",
  "solution-triviale": "Solution trop facile",
  "indices-trop-chers": "Indices trop chers",
  "regle-incoherente": "Règle de champ incohérente",
  "tableau-irregulier": "Tableau irrégulier",
  "tableau-sans-defaut": "Tableau sans défaut",
  "tableau-csv": "Tableau en fichier CSV",
  "image-introuvable": "Image introuvable",
  "role-sans-document": "Rôle sans document privé",
  "competence-en-double": "Compétence en double dans une étape",
  "duree-incoherente": "Durée prévue trop courte",
  "parcours-court-invalide": "Parcours court invalide",
  "nom-de-fichier": "Identifiant différent du nom de fichier",
  "scenario-en-double": "Deux scénarios avec le même identifiant",
  "schema-manquant": "Lien vers le schéma manquant",
  "referentiel-introuvable": "Référentiel introuvable",
  "niveau-non-decrit": "Niveau non décrit",
  "niveaux-desordonnes": "Niveaux dans le désordre",
  "niveau-haut-un-scenario": "Plus haut niveau atteint dans un seul scénario",
} as const;

export type FindingCode = keyof typeof FINDING_CODES;

export const GUIDE_PATH = "docs/guide-scenarios.md";

export interface Finding {
  severity: Severity;
  code: FindingCode;
  /** The file as given (e.g. `scenarios/licence.json`). */
  file: string;
  /** JSON path, e.g. `steps[2].solution.buckets.communicable[1]`; `(racine)` for the whole file. */
  path: string;
  /** 1-based line and column in the file. */
  line: number;
  column: number;
  /** Plain French, says what was expected. */
  message: string;
  /** Link to the guide section about this kind of finding. */
  help: string;
}

export function guideLink(code: FindingCode): string {
  return `${GUIDE_PATH}#${code}`;
}

const SEVERITY_LABEL: Record<Severity, string> = { error: "erreur", warning: "avertissement" };

/**
 * One finding as text, e.g.
 * `scenarios/licence.json:41:15: erreur: steps[2].solution.buckets.communicable[1]: l'élément « doc-7 » n'existe pas (…)`
 * then the guide link on the next line. `file:line:column` is clickable in editors' terminals.
 */
export function formatFinding(finding: Finding): string {
  const where = `${finding.file}:${finding.line}:${finding.column}`;
  return `${where}: ${SEVERITY_LABEL[finding.severity]}: ${finding.path}: ${finding.message}\n    → ${finding.help}`;
}

/**
 * The source line of a finding with a caret under its column, as compilers show it:
 * `   58 |           "communicable": ["doc-1", "doc-7"],` then `      |                                     ^`.
 * Empty when the line does not exist. Long lines are cut around the column.
 */
export function formatExcerpt(text: string, line: number, column: number): string {
  const source = text.split(/\r\n|\r|\n/)[line - 1];
  if (source === undefined) return "";
  const width = 100;
  const start = column > width - 20 ? column - (width - 20) : 0;
  const shown = (start > 0 ? "…" : "") + source.slice(start, start + width).replace(/\t/g, " ");
  const caret = " ".repeat(Math.max(0, column - 1 - start + (start > 0 ? 1 : 0)));
  const gutter = String(line).padStart(5);
  return `${gutter} | ${shown}\n${" ".repeat(gutter.length)} | ${caret}^`;
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((finding) => finding.severity === "error");
}

/** By file, then position in the file. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

/** « a, b, c » lists for messages, shortened after `max` entries. */
export function listForMessage(values: readonly string[], max = 12): string {
  if (values.length === 0) return "aucun";
  const shown = values.slice(0, max).join(", ");
  return values.length > max ? `${shown}, … (${values.length} en tout)` : shown;
}
