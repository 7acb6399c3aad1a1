/**
 * The one routing table of the client. Paths are parsed into typed routes; `hrefFor` builds them
 * back. Pure: the history/DOM glue lives in main.ts.
 */
export type Route =
  | { name: "home" }
  | { name: "carnet" }
  | { name: "organisation" }
  | { name: "join"; code: string }
  | { name: "play"; code: string }
  | { name: "facilitator"; code: string }
  | { name: "screen"; code: string }
  | { name: "debrief"; code: string }
  | { name: "kit"; code: string }
  | { name: "attestation"; verificationCode: string }
  | { name: "verify"; verificationCode: string }
  | { name: "path"; verificationCode: string }
  | { name: "preview"; scenarioId: string }
  /** The designers' studio: the list (empty id) or one scenario's editor. */
  | { name: "studio"; scenarioId: string }
  | { name: "not-found"; path: string };

type ParamRoute = Exclude<
  Route,
  { name: "home" } | { name: "carnet" } | { name: "organisation" } | { name: "not-found" }
>;

const PARAM_ROUTES: Record<string, (value: string) => ParamRoute> = {
  join: (code) => ({ name: "join", code: normalizeCode(code) }),
  play: (code) => ({ name: "play", code: normalizeCode(code) }),
  facilitator: (code) => ({ name: "facilitator", code: normalizeCode(code) }),
  screen: (code) => ({ name: "screen", code: normalizeCode(code) }),
  debrief: (code) => ({ name: "debrief", code: normalizeCode(code) }),
  kit: (code) => ({ name: "kit", code: normalizeCode(code) }),
  attestation: (verificationCode) => ({ name: "attestation", verificationCode }),
  verify: (verificationCode) => ({ name: "verify", verificationCode }),
  parcours: (verificationCode) => ({ name: "path", verificationCode }),
  preview: (scenarioId) => ({ name: "preview", scenarioId }),
  studio: (scenarioId) => ({ name: "studio", scenarioId }),
};

/** Join codes are typed by people: upper-case, no spaces or dashes. */
export function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

export function parseRoute(pathname: string): Route {
  const parts = pathname.split("/").filter(Boolean).map(safeDecode);
  if (parts.length === 0) return { name: "home" };
  if (parts.length === 1 && parts[0] === "carnet") return { name: "carnet" };
  // /verify alone: the form to type a verification code.
  if (parts.length === 1 && parts[0] === "verify") return { name: "verify", verificationCode: "" };
  if (parts.length === 1 && parts[0] === "organisation") return { name: "organisation" };
  if (parts.length === 1 && parts[0] === "studio") return { name: "studio", scenarioId: "" };
  const [head, value, ...rest] = parts;
  const make = head ? PARAM_ROUTES[head] : undefined;
  if (make && value && rest.length === 0 && value.length <= 80) return make(value);
  return { name: "not-found", path: pathname };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case "home":
      return "/";
    case "carnet":
      return "/carnet";
    case "organisation":
      return "/organisation";
    case "not-found":
      return route.path;
    case "verify":
      return route.verificationCode ? `/verify/${encodeURIComponent(route.verificationCode)}` : "/verify";
    case "attestation":
      return `/${route.name}/${encodeURIComponent(route.verificationCode)}`;
    case "path":
      return `/parcours/${encodeURIComponent(route.verificationCode)}`;
    case "preview":
      return `/preview/${encodeURIComponent(route.scenarioId)}`;
    case "studio":
      return route.scenarioId ? `/studio/${encodeURIComponent(route.scenarioId)}` : "/studio";
    default:
      return `/${route.name}/${encodeURIComponent(route.code)}`;
  }
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
