/**
 * Pass 1, structure: runs the zod schema and turns each issue into a finding a designer can act on
 * (French message saying what was expected, position of the mistake, closest known key for a typo).
 */
import { closest, distance } from "fastest-levenshtein";
import type { z } from "zod";
import type { FindingCode, Severity } from "./findings.ts";
import { listForMessage } from "./findings.ts";
import { type JsonPath, valueAt } from "./json-source.ts";

/** Reports one finding; `target: "key"` points at a property name rather than its value. */
export type Report = (
  severity: Severity,
  code: FindingCode,
  path: JsonPath,
  message: string,
  target?: "value" | "key",
) => void;

// Minimal view of zod 4 internals, enough to walk a schema along a JSON path.
interface ZodDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
  in?: z.ZodType;
  values?: unknown[];
  entries?: Record<string, unknown>;
  format?: string;
}
const defOf = (schema: z.ZodType): ZodDef => (schema as unknown as { _zod: { def: ZodDef } })._zod.def;

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if ((def.type === "optional" || def.type === "default" || def.type === "nullable") && def.innerType)
      current = def.innerType;
    else if (def.type === "pipe" && def.in) current = def.in;
    else return current;
  }
}

/** The option of a discriminated union that matches the data's discriminator value. */
function unionOption(schema: z.ZodType, data: unknown): z.ZodType | undefined {
  const def = defOf(schema);
  if (!def.discriminator || !def.options) return undefined;
  const value =
    data && typeof data === "object" ? (data as Record<string, unknown>)[def.discriminator] : undefined;
  return def.options.find((option) => discriminatorValues(option, def.discriminator ?? "").includes(value));
}

function discriminatorValues(option: z.ZodType, discriminator: string): unknown[] {
  const field = defOf(unwrap(option)).shape?.[discriminator];
  return field ? (defOf(unwrap(field)).values ?? []) : [];
}

/** The schema that applies at `path` in `data` (discriminated unions resolved with the data). */
export function schemaAt(root: z.ZodType, path: JsonPath, data: unknown): z.ZodType | undefined {
  let schema: z.ZodType | undefined = unwrap(root);
  for (let index = 0; index <= path.length; index++) {
    if (!schema) return undefined;
    const here = valueAt(data, path.slice(0, index));
    let def = defOf(schema);
    if (def.type === "union") {
      const option = unionOption(schema, here);
      if (!option) return index === path.length ? schema : undefined;
      schema = unwrap(option);
      def = defOf(schema);
    }
    if (index === path.length) return schema;
    const part = path[index];
    if (def.type === "object") schema = typeof part === "string" ? def.shape?.[part] : undefined;
    else if (def.type === "array") schema = def.element;
    else if (def.type === "record") schema = def.valueType;
    else return undefined;
    schema = schema ? unwrap(schema) : undefined;
  }
  return schema;
}

function objectKeys(schema: z.ZodType | undefined): string[] {
  if (!schema) return [];
  const def = defOf(schema);
  return def.type === "object" ? Object.keys(def.shape ?? {}) : [];
}

/**
 * French names designers may type for the format's English keys (folded: lower case, no accent).
 * Used when no key is close enough in spelling.
 */
const FRENCH_KEYS: Record<string, string[]> = {
  titre: ["title"],
  consigne: ["prompt"],
  question: ["prompt"],
  enonce: ["prompt"],
  documents: ["materials"],
  materiels: ["materials"],
  indices: ["hints"],
  indice: ["hints"],
  explication: ["explanation"],
  competences: ["skills", "competences"],
  competence: ["competence"],
  duree: ["timeLimitSeconds", "durationMinutes"],
  temps: ["timeLimitSeconds"],
  etapes: ["steps"],
  resume: ["summary"],
  public: ["audience"],
  difficulte: ["difficulty"],
  langue: ["language"],
  motscles: ["tags"],
  "mots-cles": ["tags"],
  libelle: ["label"],
  intitule: ["label"],
  texte: ["text", "body"],
  corps: ["body"],
  contenu: ["body"],
  cout: ["cost"],
  poids: ["weight"],
  ordre: ["order"],
  elements: ["items"],
  categories: ["buckets"],
  champs: ["fields"],
  colonnes: ["columns"],
  lignes: ["rows"],
  cellules: ["cells"],
  operations: ["operations"],
  exemple: ["example"],
  regle: ["check", "rule"],
  aide: ["help"],
  nom: ["name"],
  visiblepar: ["visibleTo"],
  "visible-par": ["visibleTo"],
  sources: ["sources"],
  lien: ["url"],
  legende: ["caption"],
  niveaux: ["levels"],
  domaines: ["domains"],
  reponses: ["correct"],
  correctes: ["correct"],
  bonnes: ["correct"],
  retour: ["feedback"],
  type: ["type", "kind"],
  genre: ["kind"],
};

const foldKey = (text: string) =>
  text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/[ _]/g, "");

/** The known key a designer probably meant: close in spelling, or its French name. */
export function suggestKey(key: string, candidates: readonly string[]): string | undefined {
  return suggest(key, candidates) ?? FRENCH_KEYS[foldKey(key)]?.find((name) => candidates.includes(name));
}

/** The closest candidate when it is close enough to be a plausible typo. */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(word, [...candidates]);
  const folded = (text: string) => text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");
  const tolerance = Math.max(2, Math.floor(best.length / 3));
  return distance(folded(word), folded(best)) <= tolerance ? best : undefined;
}

const quote = (value: unknown) => `« ${String(value)} »`;

/** How a found value reads in a message: `le texte « 90 »`, `le nombre 3`… */
export function describeValue(value: unknown): string {
  if (value === undefined) return "rien";
  if (value === null) return "null";
  if (typeof value === "string")
    return `le texte « ${value.length > 40 ? `${value.slice(0, 40)}…` : value} »`;
  if (typeof value === "number") return `le nombre ${value}`;
  if (typeof value === "boolean") return `la valeur ${value}`;
  if (Array.isArray(value)) return `une liste [ … ] de ${value.length} élément${value.length > 1 ? "s" : ""}`;
  return "un objet { … }";
}

function expectedType(expected: string, schema: z.ZodType | undefined): string {
  const def = schema ? defOf(schema) : undefined;
  if (expected === "number" && def?.format && /int/.test(def.format))
    return "un nombre entier (sans guillemets)";
  switch (expected) {
    case "string":
      return "un texte entre guillemets";
    case "number":
      return "un nombre (sans guillemets)";
    case "int":
      return "un nombre entier (sans guillemets)";
    case "boolean":
      return "true ou false (sans guillemets)";
    case "array":
      return "une liste [ … ]";
    case "object":
    case "record":
      return "un objet { … }";
    default:
      return expected;
  }
}

const plural = (count: number | bigint, word: string) => `${count} ${word}${Number(count) > 1 ? "s" : ""}`;

function sizeMessage(
  issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig,
  found: unknown,
): {
  code: FindingCode;
  message: string;
} {
  const small = issue.code === "too_small";
  const limit = small
    ? (issue as z.core.$ZodIssueTooSmall).minimum
    : (issue as z.core.$ZodIssueTooBig).maximum;
  const inclusive = issue.inclusive !== false;
  switch (issue.origin) {
    case "string":
      if (small && Number(limit) <= 1)
        return { code: "texte-vide", message: "texte vide : écrivez au moins un caractère (hors espaces)" };
      return {
        code: "valeur-hors-limites",
        message: `texte trop ${small ? "court" : "long"} : ${small ? "au moins" : "au plus"} ${plural(limit, "caractère")}`,
      };
    case "array": {
      const count = Array.isArray(found) ? found.length : 0;
      return {
        code: "valeur-hors-limites",
        message: `${small ? "au moins" : "au plus"} ${plural(limit, "élément")} attendu${Number(limit) > 1 ? "s" : ""} dans la liste, ${count} trouvé${count > 1 ? "s" : ""}`,
      };
    }
    default: {
      const bound = small
        ? inclusive
          ? `au moins ${limit}`
          : `strictement plus de ${limit}`
        : inclusive
          ? `au plus ${limit}`
          : `strictement moins de ${limit}`;
      return {
        code: "valeur-hors-limites",
        message: `valeur ${String(found)} trop ${small ? "petite" : "grande"} : il faut ${bound}`,
      };
    }
  }
}

interface PendingMissing {
  path: JsonPath;
  message: string;
}

/**
 * Reports zod's issues for `data` against `root`. A misspelled key that matches a missing required
 * field gives one finding (the typo), not two.
 */
export function reportStructureIssues(
  root: z.ZodType,
  data: unknown,
  issues: readonly z.core.$ZodIssue[],
  report: Report,
): void {
  const missing = new Map<string, PendingMissing>();
  const typos: { path: JsonPath; key: string; message: string }[] = [];
  const keyOf = (path: JsonPath) => JSON.stringify(path);

  for (const issue of issues) {
    const path = issue.path as (string | number)[];
    const found = valueAt(data, path);
    switch (issue.code) {
      case "invalid_type": {
        const parent = valueAt(data, path.slice(0, -1));
        const name = path[path.length - 1];
        if (found === undefined && parent && typeof parent === "object" && typeof name === "string") {
          const description = schemaAt(root, path, data)?.description;
          missing.set(keyOf(path), {
            path,
            message: `champ obligatoire ${quote(name)} manquant${description ? ` : ${description}` : ""}`,
          });
        } else {
          const schema = schemaAt(root, path, data);
          report(
            "error",
            "type-incorrect",
            path,
            `type incorrect : on attend ${expectedType(issue.expected, schema)}, on trouve ${describeValue(found)}`,
          );
        }
        break;
      }
      case "unrecognized_keys": {
        const known = objectKeys(schemaAt(root, path, data));
        const present = found && typeof found === "object" ? Object.keys(found) : [];
        for (const key of issue.keys) {
          const candidates = known.filter((name) => !present.includes(name));
          const suggestion = suggestKey(key, candidates);
          const message = suggestion
            ? `clé ${quote(key)} inconnue : vouliez-vous dire ${quote(suggestion)} ?`
            : `clé ${quote(key)} inconnue ici (clés possibles : ${listForMessage(known)})`;
          typos.push({ path: [...path, key], key: suggestion ?? "", message });
        }
        break;
      }
      case "invalid_union": {
        const discriminator = (issue as { discriminator?: string }).discriminator;
        const options = ((issue as { options?: unknown[] }).options ?? []).map(String);
        if (discriminator && issue.errors.length === 0) {
          const unionPath = path[path.length - 1] === discriminator ? path.slice(0, -1) : path;
          const fieldPath = [...unionPath, discriminator];
          const value = valueAt(data, fieldPath);
          if (value === undefined) {
            missing.set(keyOf(fieldPath), {
              path: fieldPath,
              message: `champ obligatoire ${quote(discriminator)} manquant : il vaut l'une de ces valeurs : ${listForMessage(options)}`,
            });
          } else {
            const suggestion = typeof value === "string" ? suggest(value, options) : undefined;
            report(
              "error",
              "valeur-invalide",
              fieldPath,
              `${quote(discriminator)} vaut ${quote(value)}, valeur non prévue ; valeurs possibles : ${listForMessage(options)}${suggestion ? ` (vouliez-vous dire ${quote(suggestion)} ?)` : ""}`,
            );
          }
        } else {
          report("error", "type-incorrect", path, `valeur non reconnue : ${describeValue(found)}`);
        }
        break;
      }
      case "invalid_value": {
        const values = issue.values.map(String);
        const suggestion = typeof found === "string" ? suggest(found, values) : undefined;
        const expected =
          values.length === 1
            ? `la valeur attendue est ${values[0]}`
            : `valeurs possibles : ${listForMessage(values)}`;
        report(
          "error",
          "valeur-invalide",
          path,
          `${describeValue(found)} n'est pas prévu ici : ${expected}${suggestion ? ` (vouliez-vous dire ${quote(suggestion)} ?)` : ""}`,
        );
        break;
      }
      case "invalid_format": {
        if (issue.format === "url") {
          report(
            "error",
            "valeur-invalide",
            path,
            `lien ${quote(found)} invalide : une adresse complète est attendue (ex. https://www.cada.fr)`,
          );
        } else if (issue.format === "regex" && issue.pattern?.includes("a-z0-9-")) {
          report(
            "error",
            "identifiant-invalide",
            path,
            `identifiant ${quote(found)} invalide : minuscules, chiffres et tirets seulement, sans espace ni accent, 64 caractères au plus (ex. « doc-1 »)`,
          );
        } else {
          report("error", "valeur-invalide", path, `format invalide : ${issue.message}`);
        }
        break;
      }
      case "too_small":
      case "too_big": {
        const { code, message } = sizeMessage(issue, found);
        report("error", code, path, message);
        break;
      }
      default:
        report("error", "valeur-invalide", path, issue.message);
    }
  }

  for (const typo of typos) {
    const parentPath = typo.path.slice(0, -1);
    const fixed = typo.key ? missing.get(keyOf([...parentPath, typo.key])) : undefined;
    if (fixed) missing.delete(keyOf(fixed.path));
    report("error", "cle-inconnue", typo.path, typo.message, "key");
  }
  for (const { path, message } of missing.values()) {
    report("error", "champ-manquant", path, message);
  }
}
