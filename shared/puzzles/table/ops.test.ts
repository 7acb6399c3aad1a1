import { describe, expect, it } from "vitest";
import {
  applyOperationToTable,
  decimalPoint,
  emptyToNull,
  isoDate,
  normalizeBoolean,
  padZeros,
  sameCell,
  stripUnit,
  trimValue,
} from "./ops.ts";

describe("trim", () => {
  it("removes outer whitespace including NBSP and collapses inner runs", () => {
    expect(trimValue("\u00a0 Rennes  Métropole\t ")).toBe("Rennes Métropole");
    expect(trimValue("a\u00a0\u00a0b")).toBe("a b");
    expect(trimValue("")).toBe("");
  });
});

describe("normalize-boolean", () => {
  it.each([
    ["oui", "true"],
    [" OUI ", "true"],
    ["O", "true"],
    ["yes", "true"],
    ["x", "true"],
    ["Vrai", "true"],
    ["1", "true"],
    ["non", "false"],
    ["N", "false"],
    ["faux", "false"],
    ["FALSE", "false"],
    ["0", "false"],
    ["", ""],
    ["peut-être", "peut-être"],
  ])("%j → %j", (input, expected) => expect(normalizeBoolean(input)).toBe(expected));
});

describe("decimal-point", () => {
  it.each([
    ["535,01", "535.01"],
    ["1 234,5", "1234.5"],
    ["1\u00a0234\u00a0567,25", "1234567.25"],
    ["-2,5", "-2.5"],
    [" 3,0 ", "3.0"],
    ["535.01", "535.01"],
    ["535,01 m²", "535,01 m²"],
    ["12", "12"],
    ["a,b", "a,b"],
    ["12 34,5", "12 34,5"],
  ])("%j → %j", (input, expected) => expect(decimalPoint(input)).toBe(expected));
});

describe("iso-date", () => {
  it.each([
    ["12/03/2015", "2015-03-12"],
    ["1/3/2015", "2015-03-01"],
    ["12-03-2015", "2015-03-12"],
    ["12.03.2015", "2015-03-12"],
    ["2015/03/12", "2015-03-12"],
    ["2015-3-12", "2015-03-12"],
    ["12 mars 2015", "2015-03-12"],
    ["1er mars 2015", "2015-03-01"],
    ["3 Août 2020", "2020-08-03"],
    ["3 aout 2020", "2020-08-03"],
    ["29/02/2024", "2024-02-29"],
    ["29/02/2023", "29/02/2023"],
    ["31/04/2020", "31/04/2020"],
    ["12/13/2015", "12/13/2015"],
    ["12/03/15", "12/03/15"],
    ["12 brumaire 2015", "12 brumaire 2015"],
    ["12/03-2015", "12/03-2015"],
    ["", ""],
  ])("%j → %j", (input, expected) => expect(isoDate(input)).toBe(expected));
});

describe("strip-unit", () => {
  it.each([
    ["535,01 m²", "535,01"],
    ["1200 m2", "1200"],
    ["45 p", "45"],
    ["0 p", "0"],
    ["12 places", "12"],
    ["3 pers.", "3"],
    ["3 pers", "3"],
    ["8 personnes", "8"],
    ["2,5 km", "2,5"],
    ["10 ha", "10"],
    ["15 €", "15"],
    ["15 EUR", "15"],
    ["20%", "20"],
    ["1 200 m2", "1 200"],
    ["535,01", "535,01"],
    ["12 pommes", "12 pommes"],
    ["m²", "m²"],
  ])("%j → %j", (input, expected) => expect(stripUnit(input)).toBe(expected));
});

describe("pad-zeros", () => {
  it("left-pads digit-only values shorter than the width", () => {
    expect(padZeros("9", 2)).toBe("09");
    expect(padZeros("1004", 5)).toBe("01004");
    expect(padZeros("35238", 5)).toBe("35238");
    expect(padZeros("2A004", 5)).toBe("2A004");
    expect(padZeros("", 5)).toBe("");
    expect(padZeros("12", undefined)).toBe("12");
  });
});

describe("empty-to-null", () => {
  it.each([
    ["0", ""],
    ["-", ""],
    ["N/A", ""],
    ["na", ""],
    ["NC", ""],
    ["?", ""],
    [" inconnu ", ""],
    ["00", "00"],
    ["Rennes", "Rennes"],
  ])("%j → %j", (input, expected) => expect(emptyToNull(input)).toBe(expected));
});

describe("applyOperationToTable", () => {
  it("transforms one column of non-removed rows and leaves the input untouched", () => {
    const table = {
      type: "table" as const,
      rows: [
        { id: "r1", cells: { a: "1", b: "x" } },
        { id: "r2", cells: { a: "2", b: "y" } },
      ],
      removedRows: ["r2"],
      removedColumns: [],
    };
    const result = applyOperationToTable(table, "pad-zeros", "a", 3);
    expect(result.rows).toEqual([
      { id: "r1", cells: { a: "001", b: "x" } },
      { id: "r2", cells: { a: "2", b: "y" } },
    ]);
    expect(table.rows[0]?.cells.a).toBe("1");
  });
});

describe("sameCell", () => {
  it("compares after trimming outer whitespace only", () => {
    expect(sameCell(" a ", "a")).toBe(true);
    expect(sameCell("a  b", "a b")).toBe(false);
    expect(sameCell(undefined, "")).toBe(true);
  });

  it("compares decimal numbers by value (audit R4: « 612.4 » typed for « 612.40 »), codes stay text", () => {
    expect(sameCell("612.4", "612.40")).toBe(true);
    expect(sameCell("612.41", "612.40")).toBe(false);
    expect(sameCell("9122", "09122")).toBe(false);
    expect(sameCell("1013", "1013.0")).toBe(false);
  });
});
