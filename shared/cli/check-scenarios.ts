/**
 * `npm run scenarios:check [--json] [files or directories…]`: validates the scenarios (default:
 * `scenarios/`) and the referential in two passes, prints each finding with its position, and
 * exits with 1 when there is an error.
 */

import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { loadScenarioFiles } from "../scenario/files.ts";
import { type Finding, formatExcerpt, formatFinding, hasErrors } from "../scenario/findings.ts";
import { hasFlag } from "./flags.ts";

function main(argv: string[]): number {
  const json = hasFlag(argv, "json");
  const targets = argv.filter((arg) => arg !== "--json");
  if (targets.some((arg) => arg.startsWith("-"))) {
    console.error("usage : npm run scenarios:check -- [--json] [fichiers ou dossiers…]");
    return 2;
  }
  const result = loadScenarioFiles(targets.length > 0 ? targets : undefined);
  const errors = result.findings.filter((finding) => finding.severity === "error").length;
  const warnings = result.findings.length - errors;
  if (json) {
    const output = {
      ok: !hasErrors(result.findings),
      errors,
      warnings,
      files: result.files,
      findings: result.findings satisfies Finding[],
    };
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  } else {
    const texts = new Map<string, string>();
    const textOf = (file: string) => {
      if (!texts.has(file)) {
        try {
          texts.set(file, readFileSync(resolve(file), "utf8"));
        } catch {
          texts.set(file, "");
        }
      }
      return texts.get(file) ?? "";
    };
    for (const finding of result.findings) {
      const [headline, link] = formatFinding(finding).split("\n");
      const excerpt = formatExcerpt(textOf(finding.file), finding.line, finding.column);
      console.log([headline, excerpt, link].filter(Boolean).join("\n"));
    }
    const checked = result.files.length;
    const summary = `${checked} fichier${checked > 1 ? "s" : ""} vérifié${checked > 1 ? "s" : ""} : ${errors} erreur${errors > 1 ? "s" : ""}, ${warnings} avertissement${warnings > 1 ? "s" : ""}`;
    if (result.findings.length > 0) console.log("");
    console.log(errors > 0 ? `✗ ${summary}` : `✓ ${summary}`);
  }
  return errors > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
