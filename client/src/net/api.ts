/**
 * HTTP API calls (see docs/protocol.md). Every response error is `{ error: { code, message } }`.
 */
import type { Answer } from "../../../shared/rules/answer.ts";
import type { StepMisses } from "../../../shared/rules/missed.ts";
import type { SessionOptions } from "../../../shared/rules/model.ts";
import type { PublicScenario, RevealedStep } from "../../../shared/rules/public.ts";
import type { FacilitatorKit, StepCard } from "../../../shared/scenario/kit.ts";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: {
        accept: "application/json",
        ...(init?.body ? { "content-type": "application/json" } : {}),
        ...init?.headers,
      },
    });
  } catch {
    throw new ApiError(0, "network", "network");
  }
  const body = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(response.status, error?.code ?? "http", error?.message ?? response.statusText);
  }
  return body as T;
}

/**
 * Downloads a file an authorised request answers (an `Authorization` header cannot ride on a plain
 * link): fetched, then saved under `filename`. Errors as `request`.
 */
export async function download(
  path: string,
  headers: Record<string, string>,
  filename: string,
): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, { headers });
  } catch {
    throw new ApiError(0, "network", "network");
  }
  if (!response.ok) {
    const error = (
      (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null
    )?.error;
    throw new ApiError(response.status, error?.code ?? "http", error?.message ?? response.statusText);
  }
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export interface CatalogueEntry {
  id: string;
  title: string;
  summary: string;
  audience?: string;
  durationMinutes?: number;
  difficulty?: string;
  tags?: string[];
  stepCount?: number;
  roles?: { id: string; name: string }[];
  shortRoute?: { durationMinutes: number; stepCount: number } | null;
}

export interface Catalogue {
  entries: CatalogueEntry[];
  /** The server requires the operator's creation key to create a session (`CREATE_KEY`). */
  createKeyRequired: boolean;
}

export async function getCatalogue(): Promise<Catalogue> {
  const body = await request<unknown>("/api/scenarios");
  const list = Array.isArray(body) ? body : ((body as { scenarios?: unknown[] }).scenarios ?? []);
  return {
    entries: list.map((raw) => flattenCatalogueEntry(raw as Record<string, unknown>)),
    createKeyRequired: (body as { createKeyRequired?: unknown }).createKeyRequired === true,
  };
}

/** Accepts entries with metadata either flat or nested under `metadata`. */
function flattenCatalogueEntry(raw: Record<string, unknown>): CatalogueEntry {
  const metadata = (raw.metadata ?? {}) as Record<string, unknown>;
  return { ...metadata, ...raw } as unknown as CatalogueEntry;
}

export interface CreateSessionBody {
  scenarioId: string;
  organisation?: string;
  pace?: SessionOptions["pace"];
  teamCount?: SessionOptions["teamCount"];
  teamSize?: number;
  route?: "full" | "short";
  options?: Partial<Omit<SessionOptions, "pace" | "teamCount" | "teamSize" | "route">>;
  createKey?: string;
}

export interface CreatedSession {
  code: string;
  facilitatorKey: string;
  joinUrl: string;
  screenUrl: string;
}

export function createSession(body: CreateSessionBody): Promise<CreatedSession> {
  return request("/api/sessions", { method: "POST", body: JSON.stringify(body) });
}

export interface SessionInfo {
  code: string;
  scenarioId: string;
  scenarioTitle: string;
  phase: string;
  pace: string;
  roomId: string | null;
  canJoin: boolean;
  protocol: number;
  /** The join link on an address players can reach (the server's network address, or PUBLIC_URL). */
  joinUrl: string;
  /** `loopbackOnly`: phones cannot reach this server; `publicUrl`: lasting links use PUBLIC_URL. */
  links: { loopbackOnly: boolean; publicUrl: boolean };
}

export function getSessionInfo(code: string): Promise<SessionInfo> {
  return request(`/api/sessions/${encodeURIComponent(code)}`);
}

/** The results as a file (CSV or JSON), fetched with the key in a header: the key never goes in a
 *  URL (URLs reach access logs and browser history). */
export async function getResultsFile(code: string, key: string, format: "json" | "csv"): Promise<Blob> {
  const query = format === "csv" ? "?format=csv" : "";
  let response: Response;
  try {
    response = await fetch(`/api/sessions/${encodeURIComponent(code)}/results${query}`, {
      headers: bearer(key),
    });
  } catch {
    throw new ApiError(0, "network", "network");
  }
  if (!response.ok) throw new ApiError(response.status, "http", response.statusText);
  return response.blob();
}

export interface SkillResult {
  competence: string;
  label: string;
  points: number;
  level: string | null;
  levelLabel: string | null;
}

export interface Results {
  code: string;
  scenarioId: string;
  scenarioTitle: string;
  organisation: string;
  phase: string;
  players: {
    playerId: string;
    playerName: string;
    teamId: string;
    teamName: string;
    rank: number;
    points: number;
    skills: SkillResult[];
  }[];
  steps: {
    playerId: string;
    stepId: string;
    stepIndex: number;
    teamId: string;
    score: number;
    attempts: number;
    hintsUsed: number;
    closedAt: number;
  }[];
}

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

export interface KitResponse {
  code: string;
  route: "full" | "short";
  kit: FacilitatorKit;
  cards: StepCard[];
}

/** The facilitator's printables for a session's scenario (facilitator key needed). */
export function getKit(code: string, key: string): Promise<KitResponse> {
  return request(`/api/sessions/${encodeURIComponent(code)}/kit`, { headers: bearer(key) });
}

export function getResults(code: string, key: string): Promise<Results> {
  return request(`/api/sessions/${encodeURIComponent(code)}/results`, { headers: bearer(key) });
}

/** The step-by-step debrief, from the session's log (works after the session has ended). */
export interface Debrief {
  code: string;
  scenario: PublicScenario;
  revealed: (RevealedStep & { stepIndex: number })[];
  teams: { id: string; name: string; steps: { stepId: string; answer: Answer; score: number | null }[] }[];
  /** Per step, what the teams missed on their last attempts (shared/rules/missed.ts). */
  missed: StepMisses[];
}

export function getDebrief(code: string, key: string): Promise<Debrief> {
  return request(`/api/sessions/${encodeURIComponent(code)}/debrief`, { headers: bearer(key) });
}

export interface Attestation {
  verificationCode: string;
  sessionCode: string;
  playerId?: string;
  playerName: string;
  organisation: string;
  scenarioId: string;
  scenarioTitle: string;
  issuedAt: number;
  skills: SkillResult[];
  verifyUrl: string;
}

export async function getSessionAttestations(code: string, key: string): Promise<Attestation[]> {
  const body = await request<{ attestations: Attestation[] }>(
    `/api/sessions/${encodeURIComponent(code)}/attestations`,
    { headers: bearer(key) },
  );
  return body.attestations;
}

export function getPlayerAttestation(code: string, playerId: string, seatKey: string): Promise<Attestation> {
  return request(`/api/sessions/${encodeURIComponent(code)}/attestations/${encodeURIComponent(playerId)}`, {
    headers: { "x-seat-key": seatKey },
  });
}

export function getAttestation(verificationCode: string): Promise<Attestation> {
  return request(`/api/attestations/${encodeURIComponent(verificationCode)}`);
}
