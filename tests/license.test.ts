/** LICENSE is the full EUPL-1.2 text the package declares (as published in the SPDX license list). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import licenses from "spdx-license-list/full.js";
import { expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");

it("LICENSE holds the full text of the licence package.json declares", () => {
  const declared = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).license as string;
  expect(declared).toBe("EUPL-1.2");
  const text = readFileSync(join(ROOT, "LICENSE"), "utf8");
  expect(text.trim()).toBe(licenses[declared]?.licenseText.trim());
});
