/**
 * Every browser test runs axe-core (`expectAccessible` from harness.ts) on the screens it visits: a
 * new e2e file that opens pages without calling it fails here.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const DIR = import.meta.dirname;

describe("axe-core coverage of the e2e suite", () => {
  const files = readdirSync(DIR).filter(
    (name) => name.endsWith(".test.ts") && name !== "axe-coverage.test.ts",
  );

  it.each(files)("%s runs expectAccessible", (name) => {
    const source = readFileSync(join(DIR, name), "utf8");
    const opensPages = /\.goto\(|newPage\(/.test(source);
    if (opensPages)
      expect(source, `${name} opens pages without checking them with axe`).toMatch(/expectAccessible\(/);
  });
});
