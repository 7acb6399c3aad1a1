/**
 * Learning-record export: xAPI 1.0.3 statements (https://github.com/adlnet/xAPI-Spec, Data.md) for
 * the seats of one carnet or of every carnet met in an organisation's sessions, as one JSON array
 * an LRS accepts on `POST /statements` and an LMS imports.
 *
 * - `attempted` a scenario (session started), `answered` each step (its score), `completed` the
 *   scenario (the session reached its debrief), `earned` an attestation or a certificate of path.
 * - The competences a step trains (from the session's own copy of its scenario) are context
 *   activities of type objective; their weights a context extension.
 * - The actor is a pseudonymous account: a hash of the carnet's internal id and of who receives the
 *   file (the holder, or one organisation), never the carnet code. So two organisations cannot link
 *   their files, and nothing leads back from a file to a carnet. The holder's own file carries the
 *   display name they chose for their carnet; an organisation's carries no name at all.
 * - Statement ids are derived from the facts (same facts, same ids): importing a file twice adds nothing.
 */
import { createHash } from "node:crypto";
import type { Referential, Scenario } from "../shared/scenario/schema.ts";
import { type Catalog, sessionScenarios } from "./scenarios.ts";
import type { LearningSeat } from "./store/carnets.ts";
import type { PathCertificate } from "./store/organisations.ts";
import type { Store } from "./store/store.ts";

export const XAPI_VERSION = "1.0.3";

const VERBS = {
  attempted: { id: "http://adlnet.gov/expapi/verbs/attempted", fr: "a commencé" },
  answered: { id: "http://adlnet.gov/expapi/verbs/answered", fr: "a répondu à" },
  completed: { id: "http://adlnet.gov/expapi/verbs/completed", fr: "a terminé" },
  earned: { id: "http://id.tincanapi.com/verb/earned", fr: "a obtenu" },
} as const;
type VerbName = keyof typeof VERBS;

const ACTIVITY_TYPES = {
  scenario: "http://adlnet.gov/expapi/activities/simulation",
  step: "http://adlnet.gov/expapi/activities/question",
  competence: "http://adlnet.gov/expapi/activities/objective",
  certificate: "http://id.tincanapi.com/activitytype/certificate",
} as const;

/** Who the file is for: the pseudonyms differ between recipients. */
export type XapiRecipient = { kind: "carnet" } | { kind: "organisation"; organisationId: string };

export interface XapiInput {
  /** Base of every IRI (PUBLIC_URL): activities, account home page, extensions. */
  origin: string;
  recipient: XapiRecipient;
  seats: readonly LearningSeat[];
  certificates: readonly (PathCertificate & { carnetId: string })[];
  /** The scenario copy each session played, by session code. */
  scenarios: ReadonlyMap<string, Scenario>;
  referential: Pick<Referential, "domains">;
}

type LanguageMap = Record<string, string>;
interface Activity {
  objectType: "Activity";
  id: string;
  definition: { type: string; name: LanguageMap; description?: LanguageMap };
}
export interface XapiStatement {
  id: string;
  version: typeof XAPI_VERSION;
  timestamp: string;
  actor: { objectType: "Agent"; name?: string; account: { homePage: string; name: string } };
  verb: { id: string; display: LanguageMap };
  object: Activity;
  result?: {
    score?: { scaled?: number; raw?: number; min?: number; max?: number };
    completion?: boolean;
    extensions?: Record<string, unknown>;
  };
  context: {
    registration?: string;
    platform: string;
    language: string;
    contextActivities?: { parent?: Activity[]; other?: Activity[] };
    extensions?: Record<string, unknown>;
  };
}

const sha256 = (...parts: string[]) => createHash("sha256").update(parts.join("\u0000")).digest("hex");

/** A UUID (version 8: custom, RFC 9562) from a hash of its parts: the same facts, the same id. */
export function factUuid(...parts: string[]): string {
  const h = sha256("datatruc-xapi-id", ...parts);
  const variant = ((Number.parseInt(h[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The pseudonym of a carnet for one recipient (32 hex digits; the carnet code never enters it). */
export function carnetPseudonym(carnetId: string, recipient: XapiRecipient): string {
  const scope = recipient.kind === "carnet" ? "carnet" : `organisation:${recipient.organisationId}`;
  return sha256("datatruc-xapi-actor", scope, carnetId).slice(0, 32);
}

const iso = (ms: number) => new Date(ms).toISOString();
/** A step's team score, within the [0, 1] the statement declares. */
const unit = (score: number) => Math.min(1, Math.max(0, score));
const fr = (text: string): LanguageMap => ({ "fr-FR": text });

export function xapiStatements(input: XapiInput): XapiStatement[] {
  const { origin, recipient } = input;
  const iri = (...segments: string[]) =>
    `${origin}/xapi/${segments.map((s) => encodeURIComponent(s)).join("/")}`;
  const labels = new Map(
    input.referential.domains.flatMap((d) => d.competences.map((c) => [c.id, c.label] as const)),
  );
  const competence = (id: string): Activity => ({
    objectType: "Activity",
    id: iri("competences", id),
    definition: { type: ACTIVITY_TYPES.competence, name: fr(labels.get(id) ?? id) },
  });
  const scenarioActivity = (id: string, title: string): Activity => ({
    objectType: "Activity",
    id: iri("scenarios", id),
    definition: { type: ACTIVITY_TYPES.scenario, name: fr(title) },
  });
  const actorOf = (carnetId: string, displayName: string): XapiStatement["actor"] => ({
    objectType: "Agent",
    ...(recipient.kind === "carnet" ? { name: displayName } : {}),
    account: { homePage: origin, name: carnetPseudonym(carnetId, recipient) },
  });
  const statement = (
    verb: VerbName,
    fact: string[],
    rest: Omit<XapiStatement, "id" | "version" | "verb" | "context"> & {
      context?: Omit<XapiStatement["context"], "platform" | "language">;
    },
  ): XapiStatement => ({
    id: factUuid(rest.actor.account.name, verb, ...fact),
    version: XAPI_VERSION,
    ...rest,
    verb: { id: VERBS[verb].id, display: { "fr-FR": VERBS[verb].fr, "en-US": verb } },
    context: { platform: "Datatruc", language: "fr-FR", ...rest.context },
  });
  const sessionExtension = iri("extensions", "session");

  const out: XapiStatement[] = [];
  for (const seat of input.seats) {
    const actor = actorOf(seat.carnetId, seat.displayName);
    const scenario = input.scenarios.get(seat.sessionCode);
    const activity = scenarioActivity(seat.scenarioId, seat.scenarioTitle);
    const registration = factUuid("registration", actor.account.name, seat.sessionCode);
    /** The statement's context: the seat's registration and session, the scenario, the competences. */
    const context = (
      parent: Activity | null,
      other: Activity[],
      extensions: Record<string, unknown> = {},
    ) => ({
      registration,
      ...(parent || other.length
        ? {
            contextActivities: {
              ...(parent ? { parent: [parent] } : {}),
              ...(other.length ? { other } : {}),
            },
          }
        : {}),
      extensions: { [sessionExtension]: seat.sessionCode, ...extensions },
    });
    const allSkills = [...new Set(scenario?.steps.flatMap((s) => s.skills.map((k) => k.competence)) ?? [])];
    if (seat.startedAt !== null)
      out.push(
        statement("attempted", [seat.sessionCode], {
          actor,
          object: activity,
          timestamp: iso(seat.startedAt),
          context: context(null, allSkills.map(competence)),
        }),
      );
    for (const step of seat.steps) {
      const definition = scenario?.steps.find((s) => s.id === step.stepId);
      const skills = definition?.skills ?? [];
      out.push(
        statement("answered", [seat.sessionCode, step.stepId], {
          actor,
          object: {
            objectType: "Activity",
            id: iri("scenarios", seat.scenarioId, "steps", step.stepId),
            definition: {
              type: ACTIVITY_TYPES.step,
              name: fr(definition?.title ?? step.stepId),
              ...(definition ? { description: fr(definition.prompt) } : {}),
            },
          },
          timestamp: iso(step.closedAt ?? seat.endedAt ?? seat.startedAt ?? seat.createdAt),
          result: {
            score: { scaled: unit(step.score), raw: unit(step.score), min: 0, max: 1 },
            completion: step.closedAt !== null,
            extensions: { [iri("extensions", "attempts")]: step.attempts },
          },
          context: context(
            activity,
            skills.map((s) => competence(s.competence)),
            {
              [iri("extensions", "competence-weights")]: Object.fromEntries(
                skills.map((s) => [s.competence, s.weight]),
              ),
            },
          ),
        }),
      );
    }
    const lastClosed = Math.max(...seat.steps.map((s) => s.closedAt ?? 0));
    const finishedAt = lastClosed > 0 ? lastClosed : seat.endedAt;
    if ((seat.phase === "debrief" || seat.phase === "ended") && finishedAt !== null)
      out.push(
        statement("completed", [seat.sessionCode], {
          actor,
          object: activity,
          timestamp: iso(finishedAt),
          result: {
            completion: true,
            score: { raw: Math.round(seat.steps.reduce((n, s) => n + s.score, 0) * 1e6) / 1e6, min: 0 },
          },
          context: context(null, allSkills.map(competence)),
        }),
      );
    if (seat.attestation) {
      const { verificationCode, issuedAt, skills } = seat.attestation;
      out.push(
        statement("earned", ["attestation", verificationCode], {
          actor,
          object: {
            objectType: "Activity",
            id: `${origin}/verify/${encodeURIComponent(verificationCode)}`,
            definition: {
              type: ACTIVITY_TYPES.certificate,
              name: fr(`Attestation Datatruc — ${seat.scenarioTitle}`),
            },
          },
          timestamp: iso(issuedAt),
          result: {
            extensions: {
              [iri("extensions", "competence-points")]: Object.fromEntries(
                skills.map((s) => [s.competence, s.points]),
              ),
            },
          },
          context: context(
            activity,
            skills.map((s) => competence(s.competence)),
          ),
        }),
      );
    }
  }
  const names = new Map(input.seats.map((s) => [s.carnetId, s.displayName]));
  for (const c of input.certificates) {
    out.push(
      statement("earned", ["certificate", c.verificationCode], {
        actor: actorOf(c.carnetId, names.get(c.carnetId) ?? c.displayName),
        object: {
          objectType: "Activity",
          id: `${origin}/verify/${encodeURIComponent(c.verificationCode)}`,
          definition: {
            type: ACTIVITY_TYPES.certificate,
            name: fr(`Attestation de parcours « ${c.programmeTitle} » — ${c.organisationName}`),
          },
        },
        timestamp: iso(c.issuedAt),
        result: {
          extensions: {
            [iri("extensions", "competence-levels")]: Object.fromEntries(
              c.targets.map((t) => [t.competence, t.level]),
            ),
          },
        },
        context: {
          contextActivities: {
            other: c.targets.map((t) => competence(t.competence)),
          },
        },
      }),
    );
  }
  return out;
}

/** The statements of one carnet (for its holder) or of an organisation's carnets (for its admin). */
export async function exportStatements(
  store: Store,
  catalog: Catalog,
  origin: string,
  scope: { carnetId: string } | { organisationId: string },
): Promise<XapiStatement[]> {
  const [seats, certificates] = await Promise.all([
    store.carnets.learningSeats(scope),
    store.organisations.certificatesWith(scope),
  ]);
  return xapiStatements({
    origin,
    recipient:
      "carnetId" in scope
        ? { kind: "carnet" }
        : { kind: "organisation", organisationId: scope.organisationId },
    seats,
    certificates,
    scenarios: await sessionScenarios(
      store,
      catalog,
      seats.map((s) => s.sessionCode),
    ),
    referential: catalog.referential,
  });
}
