/**
 * The carnet de compétences on the client: the code this browser remembers (localStorage; a link
 * `/carnet#code=…` from an attestation's QR code sets it) and the carnet API (docs/protocol.md).
 */
import type { CompetenceProgress, Suggestion } from "../../../shared/rules/carnet.ts";
import { download, request } from "./api.ts";

const STORAGE_KEY = "datatruc.carnet";

export interface CarnetView {
  displayName: string;
  createdAt: number;
  levels: { id: string; label: string; minPoints: number; minScenarios: number }[];
  competences: CompetenceProgress[];
  sessions: {
    sessionCode: string;
    scenarioId: string;
    scenarioTitle: string;
    organisation: string;
    phase: string;
    createdAt: number;
  }[];
  attestations: { verificationCode: string; sessionCode: string; scenarioTitle: string; issuedAt: number }[];
  suggestions: Suggestion[];
  paths: {
    organisation: string;
    programmeId: string;
    title: string;
    targets: { competence: string; level: string; met: boolean; reached: string | null }[];
    complete: boolean;
    certificate: string | null;
  }[];
}

export interface PathCertificate {
  verificationCode: string;
  organisationName: string;
  programmeTitle: string;
  displayName: string;
  targets: { competence: string; label: string; level: string; levelLabel: string }[];
  issuedAt: number;
}

export function getPathCertificate(code: string): Promise<PathCertificate> {
  return request(`/api/path-certificates/${encodeURIComponent(code)}`);
}

export interface SeatProof {
  sessionCode: string;
  playerId: string;
  seatKey: string;
}

/** The carnet code this browser remembers (a `#code=` in the address wins and is remembered). */
export function rememberedCarnetCode(): string | null {
  const fromHash = new URLSearchParams(globalThis.location?.hash.slice(1) ?? "").get("code");
  if (fromHash) {
    rememberCarnetCode(fromHash);
    return fromHash;
  }
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

export function rememberCarnetCode(code: string | null): void {
  try {
    if (code) globalThis.localStorage?.setItem(STORAGE_KEY, code);
    else globalThis.localStorage?.removeItem(STORAGE_KEY);
  } catch {
    // private mode: the code lasts for this page only
  }
}

/** The address an attestation's QR code points to: opens the carnet on another device. */
export function carnetLink(code: string): string {
  return `${location.origin}/carnet#code=${encodeURIComponent(code)}`;
}

const bearer = (code: string) => ({ authorization: `Bearer ${code}` });

export function createCarnet(
  displayName: string,
  seat?: SeatProof,
): Promise<{ code: string; displayName: string }> {
  return request("/api/carnets", { method: "POST", body: JSON.stringify({ displayName, seat }) });
}

export function getCarnet(code: string): Promise<CarnetView> {
  return request("/api/carnet", { headers: bearer(code) });
}

export function linkSeat(code: string, seat: SeatProof): Promise<CarnetView> {
  return request("/api/carnet/sessions", {
    method: "POST",
    headers: bearer(code),
    body: JSON.stringify(seat),
  });
}

export async function eraseCarnet(code: string): Promise<void> {
  await request("/api/carnet", { method: "DELETE", headers: bearer(code) });
}

/** Saves the carnet's learning record (xAPI statements) as a JSON file. */
export function downloadCarnetStatements(code: string): Promise<void> {
  return download("/api/carnet/xapi", bearer(code), "datatruc-carnet-xapi.json");
}
