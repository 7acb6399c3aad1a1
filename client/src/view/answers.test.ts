import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { solutionAnswer } from "../../../shared/rules/drafts.ts";
import { toPublicScenario } from "../../../shared/rules/public.ts";
import { Scenario } from "../../../shared/scenario/schema.ts";
import { translate } from "../i18n/index.ts";
import { answerLines, describeEdit, feedbackTarget } from "./answers.ts";

const scenario = Scenario.parse(JSON.parse(readFileSync("scenarios/exemple.json", "utf8")));
const publicScenario = toPublicScenario(scenario);
const step = (type: string) => {
  const index = scenario.steps.findIndex((s) => s.type === type);
  const full = scenario.steps[index];
  const pub = publicScenario.steps[index];
  if (!full || !pub) throw new Error(`no ${type} step in exemple.json`);
  return { full, pub };
};
function first<T>(list: readonly T[]): T {
  const value = list[0];
  if (value === undefined) throw new Error("empty list");
  return value;
}

describe("answerLines", () => {
  it("lists the selected options of a choice", () => {
    const { full, pub } = step("choice");
    const lines = answerLines(pub, solutionAnswer(full));
    expect(lines.map((l) => l.value)).toEqual(
      pub.type === "choice"
        ? pub.puzzle.options
            .filter((o) => (full.solution as { correct: string[] }).correct.includes(o.id))
            .map((o) => o.label)
        : [],
    );
  });

  it("gives one line per bucket for a categorize answer", () => {
    const { full, pub } = step("categorize");
    const lines = answerLines(pub, solutionAnswer(full));
    expect(lines).toHaveLength(pub.type === "categorize" ? pub.puzzle.buckets.length : 0);
    expect(lines.every((l) => l.value.length > 0)).toBe(true);
  });

  it("numbers an order answer", () => {
    const { full, pub } = step("order");
    const lines = answerLines(pub, solutionAnswer(full));
    expect(lines[0]?.label).toBe("1.");
  });

  it("drops removed rows and columns of a table answer", () => {
    const { full, pub } = step("table");
    const answer = solutionAnswer(full);
    if (answer.type !== "table" || pub.type !== "table") throw new Error("table step expected");
    const lines = answerLines(pub, answer);
    expect(lines).toHaveLength(answer.rows.length - answer.removedRows.length);
  });

  it("is empty for a missing or mismatched answer", () => {
    const { pub } = step("form");
    expect(answerLines(pub, null)).toEqual([]);
    expect(answerLines(pub, { type: "choice", selected: [] })).toEqual([]);
  });
});

describe("describeEdit", () => {
  it("names the player, the item and the bucket", () => {
    const { pub } = step("categorize");
    if (pub.type !== "categorize") throw new Error();
    const item = first(pub.puzzle.items);
    const bucket = first(pub.puzzle.buckets.slice(1));
    const sentence = describeEdit(pub, { op: "place-item", itemId: item.id, bucketId: bucket.id }, "Ana");
    const text = translate("fr", sentence.key, sentence.params);
    expect(text).toContain("Ana");
    expect(text).toContain(item.label);
    expect(text).toContain(bucket.label);
  });

  it("names a cleaning operation by its label, not its internal id", () => {
    const { pub } = step("table");
    if (pub.type !== "table") throw new Error();
    const column = first(pub.puzzle.columns);
    const sentence = describeEdit(
      pub,
      { op: "apply-operation", operation: "pad-zeros", columnId: column.id },
      "Ana",
    );
    const text = translate("fr", sentence.key, sentence.params);
    expect(text).toBe(
      `Ana a appliqué «\u202fRétablir les zéros initiaux\u202f» à «\u202f${column.label}\u202f»`,
    );
  });

  it("uses 1-based positions for order moves", () => {
    const { pub } = step("order");
    if (pub.type !== "order") throw new Error();
    const sentence = describeEdit(
      pub,
      { op: "move-item", itemId: first(pub.puzzle.items).id, toIndex: 0 },
      "Bo",
    );
    expect(sentence.params.position).toBe(1);
  });

  it("distinguishes removing and restoring a row", () => {
    const { pub } = step("table");
    expect(describeEdit(pub, { op: "set-row-removed", rowId: "r1", removed: true }, "C").key).toBe(
      "edit.remove-row",
    );
    expect(describeEdit(pub, { op: "set-row-removed", rowId: "r1", removed: false }, "C").key).toBe(
      "edit.restore-row",
    );
  });
});

describe("feedbackTarget", () => {
  it("labels table cells by column and row", () => {
    const { pub } = step("table");
    if (pub.type !== "table") throw new Error();
    const column = first(pub.puzzle.columns);
    expect(feedbackTarget(pub, `r1:${column.id}`)).toBe(`${column.label} · r1`);
  });
});
