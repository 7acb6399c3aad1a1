/**
 * Secrets and codes: join codes (short, unambiguous), facilitator keys, seat keys, attestation
 * verification codes. All drawn from the OS CSPRNG (`crypto.randomInt`).
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";

/** No 0/O, 1/I/L: readable aloud and on a projected screen. 31 symbols. */
export const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 6;

function randomString(length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return out;
}

/** 6 characters from 31 symbols: about 887 million codes. */
export function newJoinCode(): string {
  return randomString(JOIN_CODE_LENGTH);
}

/** Upper-cases and drops spaces and dashes, so "k7q x3m" finds "K7QX3M". */
export function normalizeJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "");
}

export function isWellFormedJoinCode(code: string): boolean {
  return code.length === JOIN_CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c));
}

/** 16 symbols in 4 groups (about 79 bits): printed on attestations, typed to check them. */
export function newVerificationCode(): string {
  return [0, 1, 2, 3].map(() => randomString(4)).join("-");
}

export function normalizeVerificationCode(input: string): string {
  const compact = input.toUpperCase().replace(/[\s-]/g, "");
  return compact.match(/.{1,4}/g)?.join("-") ?? "";
}

/**
 * Carnet de compétences code: 20 symbols in 5 groups (about 99 bits), printed on attestations and
 * typed on another device. Only its hash is stored.
 */
export function newCarnetCode(): string {
  return [0, 1, 2, 3, 4].map(() => randomString(4)).join("-");
}

/** Upper-cases, drops spaces and dashes, regroups by 4; "" when it cannot be a carnet code. */
export function normalizeCarnetCode(input: string): string {
  const compact = input.toUpperCase().replace(/[\s-]/g, "");
  if (compact.length !== 20 || ![...compact].every((c) => CODE_ALPHABET.includes(c))) return "";
  return compact.match(/.{4}/g)?.join("-") ?? "";
}

/** 256-bit secret, URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** Constant-time comparison of a presented secret with a stored hash. */
export function secretMatches(secret: string, hash: string): boolean {
  const a = Buffer.from(hashSecret(secret), "hex");
  const b = Buffer.from(hash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
