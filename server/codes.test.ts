import { describe, expect, it } from "vitest";
import {
  CODE_ALPHABET,
  hashSecret,
  isWellFormedJoinCode,
  newCarnetCode,
  newJoinCode,
  newSecret,
  newVerificationCode,
  normalizeCarnetCode,
  normalizeJoinCode,
  normalizeVerificationCode,
  secretMatches,
} from "./codes.ts";

describe("codes and secrets", () => {
  it("draws join codes of 6 unambiguous characters", () => {
    expect(CODE_ALPHABET).not.toMatch(/[01OIL]/);
    const codes = new Set(Array.from({ length: 2000 }, newJoinCode));
    for (const code of codes) expect(isWellFormedJoinCode(code)).toBe(true);
    // 887 million possibilities: 2,000 draws practically never collide.
    expect(codes.size).toBeGreaterThan(1990);
  });

  it("reads codes the way people type them", () => {
    expect(normalizeJoinCode(" k7q-x3m ")).toBe("K7QX3M");
    expect(isWellFormedJoinCode("K7QX3O")).toBe(false);
    expect(normalizeVerificationCode("v4qm8kzp 2wxr-ht7n")).toBe("V4QM-8KZP-2WXR-HT7N");
    expect(newVerificationCode()).toMatch(/^([A-Z2-9]{4}-){3}[A-Z2-9]{4}$/);
  });

  it("draws carnet codes of 20 unambiguous characters and reads them as typed", () => {
    const codes = new Set(Array.from({ length: 500 }, newCarnetCode));
    expect(codes.size).toBe(500);
    for (const code of codes) {
      expect(code).toMatch(/^([A-Z2-9]{4}-){4}[A-Z2-9]{4}$/);
      expect(normalizeCarnetCode(code.toLowerCase().replaceAll("-", " "))).toBe(code);
    }
    expect(normalizeCarnetCode("ABCD-EFGH")).toBe("");
    expect(normalizeCarnetCode("ABCD-EFGH-JKMN-PQRS-TUV0")).toBe("");
  });

  it("checks secrets against their hash only", () => {
    const secret = newSecret();
    expect(secret.length).toBeGreaterThanOrEqual(43);
    const hash = hashSecret(secret);
    expect(hash).not.toContain(secret);
    expect(secretMatches(secret, hash)).toBe(true);
    expect(secretMatches(`${secret}x`, hash)).toBe(false);
    expect(secretMatches(secret, "not-a-hash")).toBe(false);
  });
});
