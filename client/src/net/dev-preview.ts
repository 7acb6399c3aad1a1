/**
 * Dev-server preview API (served by server/dev.ts only, never in production): the full scenario
 * with solutions, or the validation findings, plus a Server-Sent Events stream that says when a
 * scenario file changed on disk.
 */
import type { Finding } from "../../../shared/scenario/findings.ts";
import type { Scenario } from "../../../shared/scenario/schema.ts";

export const PREVIEW_API = "/__preview";

export type PreviewLoad =
  | { kind: "ok"; scenario: Scenario; findings: Finding[] }
  | { kind: "invalid"; findings: Finding[] }
  /** No such scenario file: the ids there are. */
  | { kind: "unknown"; scenarios: string[] }
  | { kind: "unavailable" };

export async function loadPreview(scenarioId: string): Promise<PreviewLoad> {
  let response: Response;
  try {
    response = await fetch(`${PREVIEW_API}/scenarios/${encodeURIComponent(scenarioId)}`, {
      cache: "no-store",
    });
  } catch {
    return { kind: "unavailable" };
  }
  const type = response.headers.get("content-type") ?? "";
  if (!type.includes("application/json")) return { kind: "unavailable" };
  const body = (await response.json()) as { scenario?: Scenario; findings?: Finding[]; scenarios?: string[] };
  if (response.status === 404) return { kind: "unknown", scenarios: body.scenarios ?? [] };
  if (body.scenario) return { kind: "ok", scenario: body.scenario, findings: body.findings ?? [] };
  return { kind: "invalid", findings: body.findings ?? [] };
}

/** Calls `onChange(id)` whenever a scenario file changes; returns a function that stops listening. */
export function watchScenarios(onChange: (scenarioId: string) => void): () => void {
  const source = new EventSource(`${PREVIEW_API}/events`);
  source.addEventListener("scenario-changed", (event) => {
    const { id } = JSON.parse((event as MessageEvent<string>).data) as { id: string };
    onChange(id);
  });
  return () => source.close();
}
