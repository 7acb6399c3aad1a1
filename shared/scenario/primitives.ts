/**
 * The small building blocks of the scenario format, shared by `schema.ts` and every puzzle type's
 * schemas (`shared/puzzles/<type>/schema.ts`). Every `.describe()` text is read by designers: French.
 */
import { z } from "zod";

/** Identifiers are short, lower-case, stable: they appear in URLs, logs and results. */
export const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, {
    message: "identifiant attendu : minuscules, chiffres et tirets, sans espace ni accent (ex. « doc-1 »)",
  })
  .describe("Identifiant stable : minuscules, chiffres et tirets (ex. « etape-licence », « doc-1 »).");

/** A non-empty trimmed text with its French description. */
export const Text = (description: string) =>
  z.string().trim().min(1, { message: "texte vide" }).describe(description);

/** A label shown to players. */
export const Label = Text("Libellé affiché au joueur.");

/**
 * Longest text value of an edit (form field, table cell), in UTF-16 code units: the `maxlength` of the
 * client's inputs. At most 3 bytes of UTF-8 each, so an edit always fits in a frame (MAX_FRAME_BYTES).
 */
export const MAX_VALUE_LENGTH = 1000;

/** A text value a player types into a draft. */
export const Value = z.string().max(MAX_VALUE_LENGTH, `${MAX_VALUE_LENGTH} caractères au plus`);
