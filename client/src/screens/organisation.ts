/**
 * The organisation dashboard (/organisation), opened with the admin key (kept in sessionStorage):
 * how many sessions, agents, directions, and did they find what they came for. Every chart has
 * its table, and every table a CSV export; filters by period, programme and scenario. Below, the
 * admin screens (organisation-admin.ts): directions, facilitator keys, programmes.
 */
import { html, nothing, type TemplateResult } from "lit-html";
import { announce, requestRender, type Screen } from "../app.ts";
import { formatNumber, type MessageKey, t } from "../i18n/index.ts";
import { ApiError, download, request } from "../net/api.ts";
import { scrollRegion } from "../ui/scroll-region.ts";
import { type AdminOrganisation, OrganisationAdmin } from "./organisation-admin.ts";

const KEY = "datatruc.organisation.key";

interface Dashboard {
  sessions: number;
  sessionsByMonth: { month: string; count: number }[];
  agents: number;
  directionsReached: number;
  directions: { direction: string; label: string | null; agents: number }[];
  heatmap: { direction: string; label: string | null; points: Record<string, number> }[];
  programmes: {
    id: string;
    title: string;
    carnets: number;
    complete: number;
    targets: { competence: string; level: string; reached: number }[];
  }[];
  questionnaire: {
    respondents: number;
    found: Record<string, number>;
    motivation: Record<string, number>;
    heard: Record<string, number>;
    comments: string[];
  };
}
interface Organisation extends AdminOrganisation {
  name: string;
}

const directionName = (d: { direction: string; label: string | null }) =>
  d.direction === "autres" ? t("dash.others") : (d.label ?? d.direction);

/** A horizontal bar chart drawn with the figures in text beside each bar (readable without the bars). */
function bars(title: string, rows: { label: string; value: number }[]): TemplateResult {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return html`<figure class="skills-chart" aria-label=${title}>
    <figcaption><strong>${title}</strong></figcaption>
    ${rows.map(
      (r) => html`<div class="skill-bar"><span>${r.label}</span>
        <span class="track" aria-hidden="true"><span class="fill" style=${`width:${Math.round((r.value / max) * 100)}%`}></span></span>
        <span>${formatNumber(r.value)}</span></div>`,
    )}
  </figure>`;
}

export function organisationScreen(): Screen {
  let key = sessionStorage.getItem(KEY);
  let organisation: Organisation | null = null;
  let dashboard: Dashboard | null = null;
  let error = "";
  const filter: Record<string, string> = {};

  const auth = () => ({ authorization: `Bearer ${key}` });
  const admin = new OrganisationAdmin(auth, () => load());
  const query = (extra: Record<string, string> = {}) =>
    new URLSearchParams(Object.entries({ ...filter, ...extra }).filter(([, v]) => v)).toString();

  const load = async (): Promise<void> => {
    if (!key) return;
    try {
      organisation = await request<Organisation>("/api/organisation", { headers: auth() });
      admin.show(organisation);
      dashboard = await request<Dashboard>(`/api/organisation/dashboard?${query()}`, { headers: auth() });
      sessionStorage.setItem(KEY, key);
      error = "";
    } catch (e) {
      error = e instanceof ApiError ? e.message : t("carnet.loadError");
      if (e instanceof ApiError && e.code === "wrong-key") {
        sessionStorage.removeItem(KEY);
        key = null;
        organisation = null;
      }
      announce(error);
    }
    requestRender();
  };
  void load();

  /** Downloads an export; a failure is shown and announced like any other error. */
  const save = async (path: string, filename: string) => {
    try {
      await download(path, auth(), filename);
    } catch (e) {
      error = e instanceof ApiError ? e.message : t("carnet.loadError");
      announce(error);
      requestRender();
    }
  };
  const exportCsv = (table: string) =>
    save(`/api/organisation/dashboard?${query({ format: "csv", table })}`, `datatruc-${table}.csv`);
  const csvButton = (table: string) =>
    html`<button type="button" class="link" @click=${() => void exportCsv(table)}>${t("dash.csv")}</button>`;

  const table = (caption: string, columns: string[], rows: (string | number)[][]) =>
    scrollRegion(
      caption,
      html`<table><caption>${caption}</caption>
        <thead><tr>${columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
        <tbody>${rows.map((r) => html`<tr>${r.map((v, i) => (i === 0 ? html`<th scope="row">${v}</th>` : html`<td>${typeof v === "number" ? formatNumber(v) : v}</td>`))}</tr>`)}</tbody>
      </table>`,
    );

  const keyForm = () => html`<form class="card" style="max-width:36rem" @submit=${(e: SubmitEvent) => {
    e.preventDefault();
    key = String(new FormData(e.target as HTMLFormElement).get("admin-key") ?? "").trim() || null;
    void load();
  }}>
    <div class="field">
      <label for="admin-key">${t("dash.key")}</label>
      <input id="admin-key" name="admin-key" type="password" required autocomplete="off" />
    </div>
    <button class="primary" type="submit">${t("dash.open")}</button>
  </form>`;

  const filters = (o: Organisation) => html`<form class="card row" aria-label=${t("dash.filters")} @change=${(
    e: Event,
  ) => {
    const input = e.target as HTMLInputElement;
    filter[input.name] = input.value;
    void load();
  }} @submit=${(e: Event) => e.preventDefault()}>
    <div class="field"><label for="f-from">${t("dash.from")}</label><input id="f-from" name="from" type="date" /></div>
    <div class="field"><label for="f-to">${t("dash.to")}</label><input id="f-to" name="to" type="date" /></div>
    <div class="field"><label for="f-programme">${t("dash.programme")}</label>
      <select id="f-programme" name="programme"><option value="">${t("dash.all")}</option>
        ${o.programmes.map((p) => html`<option value=${p.id}>${p.title}</option>`)}</select></div>
    <div class="field"><label for="f-scenario">${t("dash.scenario")}</label>
      <select id="f-scenario" name="scenario"><option value="">${t("dash.all")}</option>
        ${[...new Set(o.programmes.flatMap((p) => p.scenarios))].map((id) => html`<option value=${id}>${id}</option>`)}</select></div>
  </form>`;

  const board = (o: Organisation, d: Dashboard) => {
    const q = d.questionnaire;
    const competences = [...new Set(d.heatmap.flatMap((h) => Object.keys(h.points)))].sort();
    const max = Math.max(1, ...d.heatmap.flatMap((h) => Object.values(h.points)));
    return html`<p class="lead" data-testid="dash-summary">${t("dash.summary", { sessions: d.sessions, agents: d.agents, directions: d.directionsReached })}</p>
      ${filters(o)}
      <section aria-labelledby="dash-sessions"><h2 id="dash-sessions">${t("dash.sessions")}</h2>
        ${bars(
          t("dash.sessionsChart"),
          d.sessionsByMonth.map((m) => ({ label: m.month, value: m.count })),
        )}
        ${table(
          t("dash.sessionsChart"),
          [t("dash.month"), t("dash.sessions")],
          d.sessionsByMonth.map((m) => [m.month, m.count]),
        )}
        ${csvButton("sessions")}</section>
      <section aria-labelledby="dash-directions"><h2 id="dash-directions">${t("dash.directions")}</h2>
        ${bars(
          t("dash.directionsChart"),
          d.directions.map((x) => ({ label: directionName(x), value: x.agents })),
        )}
        ${table(
          t("dash.directionsChart"),
          [t("dash.direction"), t("dash.agents")],
          d.directions.map((x) => [directionName(x), x.agents]),
        )}
        <p class="help">${t("dash.privacy")}</p>${csvButton("directions")}</section>
      <section aria-labelledby="dash-heat"><h2 id="dash-heat">${t("dash.heatmap")}</h2>
        ${scrollRegion(
          t("dash.heatmapCaption"),
          html`<table class="heatmap"><caption>${t("dash.heatmapCaption")}</caption>
            <thead><tr><th scope="col">${t("dash.direction")}</th>${competences.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
            <tbody>${d.heatmap.map(
              (h) =>
                html`<tr><th scope="row">${directionName(h)}</th>${competences.map((c) => {
                  const v = h.points[c] ?? 0;
                  return html`<td style=${`background:rgba(0,0,145,${(0.04 + (0.26 * v) / max).toFixed(2)})`}>${formatNumber(v)}</td>`;
                })}</tr>`,
            )}</tbody></table>`,
        )}${csvButton("competences")}</section>
      <section aria-labelledby="dash-prog"><h2 id="dash-prog">${t("dash.programmes")}</h2>
        ${table(
          t("dash.agentsReached"),
          [t("dash.programme"), t("att.competence"), t("carnet.level"), t("dash.agentsReached")],
          d.programmes.flatMap((p) =>
            p.targets.map((x) => [p.title, x.competence, x.level, `${x.reached} / ${p.carnets}`]),
          ),
        )}${csvButton("programmes")}</section>
      <section aria-labelledby="dash-survey"><h2 id="dash-survey">${t("dash.survey", { count: q.respondents })}</h2>
        ${bars(
          t("survey.found"),
          Object.entries(q.found).map(([k, v]) => ({
            label: t(`survey.found.${k}` as MessageKey),
            value: v,
          })),
        )}
        ${table(
          t("dash.surveyTable"),
          [t("dash.question"), t("dash.answer"), t("dash.count")],
          (["found", "motivation", "heard"] as const).flatMap((question) =>
            Object.entries(q[question]).map(([k, v]) => [
              t(`survey.${question}` as MessageKey),
              t(`survey.${question}.${k}` as MessageKey),
              v,
            ]),
          ),
        )}
        ${q.comments.length ? html`<h3>${t("dash.comments")}</h3><ul>${q.comments.map((c) => html`<li>${c}</li>`)}</ul>` : nothing}
        ${csvButton("questionnaire")}</section>
      <section aria-labelledby="dash-xapi"><h2 id="dash-xapi">${t("xapi.title")}</h2>
        <p>${t("xapi.organisationHelp")}</p>
        <button type="button" @click=${() => void save("/api/organisation/xapi", "datatruc-organisation-xapi.json")}>${t("xapi.download")}</button>
      </section>`;
  };

  return {
    title: () => t("dash.title"),
    view: () => html`<h1 tabindex="-1">${organisation ? t("dash.titleOf", { name: organisation.name }) : t("dash.title")}</h1>
      ${error ? html`<p class="notice bad" role="alert">${error}</p>` : nothing}
      ${organisation && dashboard ? html`${board(organisation, dashboard)}${admin.view()}` : key && !error ? html`<p>${t("app.loading")}</p>` : keyForm()}`,
  };
}
