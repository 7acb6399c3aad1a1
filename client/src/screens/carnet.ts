/**
 * The carnet de compétences page (/carnet): opened with the code this browser remembers, or a
 * code typed from an attestation. Competences with level and progress (chart + table), sessions,
 * attestations, scenarios to play next; forget the carnet on this device, or erase it.
 */
import { html, nothing } from "lit-html";
import { announce, requestRender, type Screen } from "../app.ts";
import { formatDate, formatNumber, t } from "../i18n/index.ts";
import { ApiError } from "../net/api.ts";
import {
  type CarnetView,
  downloadCarnetStatements,
  eraseCarnet,
  getCarnet,
  rememberCarnetCode,
  rememberedCarnetCode,
} from "../net/carnet.ts";
import { markOverflow, scrollRegion } from "../ui/scroll-region.ts";
import { skillsChart } from "../ui/skills-chart.ts";
import { carnetBars } from "../view/carnet.ts";

export function carnetScreen(): Screen {
  let code = rememberedCarnetCode();
  let carnet: CarnetView | null = null;
  let error = "";
  let loading = false;
  let confirming = false;
  if (location.hash) history.replaceState(null, "", location.pathname); // the code leaves the address bar

  const errorText = (e: unknown) =>
    e instanceof ApiError && e.code === "unknown-carnet"
      ? t("carnet.unknown")
      : e instanceof ApiError && e.code === "rate-limited"
        ? t("carnet.rateLimited")
        : t("carnet.loadError");

  const load = async (candidate: string) => {
    loading = true;
    error = "";
    requestRender();
    try {
      carnet = await getCarnet(candidate);
      code = candidate;
      rememberCarnetCode(candidate);
    } catch (e) {
      carnet = null;
      error = errorText(e);
      if (e instanceof ApiError && e.code === "unknown-carnet" && candidate === rememberedCarnetCode())
        rememberCarnetCode(null);
      announce(error);
    } finally {
      loading = false;
      requestRender();
    }
  };
  if (code) void load(code);

  const onOpen = (event: SubmitEvent) => {
    event.preventDefault();
    const typed = String(new FormData(event.target as HTMLFormElement).get("carnet-code") ?? "").trim();
    if (typed) void load(typed);
  };

  const forget = () => {
    rememberCarnetCode(null);
    code = null;
    carnet = null;
    announce(t("carnet.forgotten"));
    requestRender();
  };

  const erase = async () => {
    if (!code) return;
    try {
      await eraseCarnet(code);
      forget();
      error = "";
      announce(t("carnet.erased"));
      document.getElementById("carnet-open")?.focus();
    } catch (e) {
      error = errorText(e);
      announce(error);
      requestRender();
    }
  };

  const exportStatements = async () => {
    if (!code) return;
    try {
      await downloadCarnetStatements(code);
    } catch (e) {
      error = errorText(e);
      announce(error);
      requestRender();
    }
  };

  const openForm = () => html`<p>${t("carnet.intro")}</p>
    <form class="card" id="carnet-open" tabindex="-1" @submit=${onOpen} style="max-width:36rem">
      <div class="field">
        <label for="carnet-code">${t("carnet.codeLabel")}</label>
        <input id="carnet-code" name="carnet-code" type="text" required autocomplete="off" spellcheck="false"
          aria-describedby="carnet-code-help" />
        <p class="help" id="carnet-code-help">${t("carnet.codeHelp")}</p>
      </div>
      <button class="primary" type="submit" ?disabled=${loading}>${t("carnet.open")}</button>
    </form>
    <p>${t("carnet.howToCreate")}</p>`;

  const nextText = (c: CarnetView["competences"][number]) => {
    if (!c.next) return t("carnet.top");
    const parts = [];
    if (c.next.pointsMissing > 0) parts.push(t("carnet.missingPoints", { points: c.next.pointsMissing }));
    if (c.next.scenariosMissing > 0)
      parts.push(t("carnet.missingScenarios", { count: c.next.scenariosMissing }));
    return t("carnet.toNext", { level: c.next.label, needs: parts.join(t("carnet.and")) });
  };

  const page = (c: CarnetView) => {
    const labels = new Map(c.competences.map((x) => [x.competence, x.label]));
    const levelLabels = new Map(c.levels.map((l) => [l.id, l.label]));
    return html`<p>${t("carnet.of", { name: c.displayName })}</p>
      <section class="card" aria-labelledby="carnet-code-title">
        <h2 id="carnet-code-title">${t("carnet.codeTitle")}</h2>
        <p class="big-code" data-testid="carnet-code">${code}</p>
        <p class="help">${t("carnet.codeKeep")}</p>
      </section>
      <section aria-labelledby="carnet-skills-title">
        <h2 id="carnet-skills-title">${t("carnet.skills")}</h2>
        ${skillsChart(t("carnet.chart"), carnetBars(c.levels, c.competences))}
        ${scrollRegion(
          t("carnet.tableCaption"),
          html`<table>
            <caption id="carnet-table-caption">${t("carnet.tableCaption")}</caption>
            <thead><tr>
              <th scope="col">${t("att.competence")}</th><th scope="col">${t("carnet.level")}</th>
              <th scope="col">${t("att.points")}</th><th scope="col">${t("carnet.scenarios")}</th>
              <th scope="col">${t("carnet.next")}</th>
            </tr></thead>
            <tbody>${c.competences.map(
              (x) => html`<tr>
                <th scope="row">${x.label}</th>
                <td>${x.level?.label ?? t("debrief.noLevel")}</td>
                <td>${formatNumber(x.points)}</td>
                <td>${x.scenarios.length}</td>
                <td>${nextText(x)} <progress max="1" value=${x.progress} aria-label=${t("carnet.progress", { competence: x.label })}></progress></td>
              </tr>`,
            )}</tbody>
          </table>`,
        )}
      </section>
      <section aria-labelledby="carnet-sessions-title">
        <h2 id="carnet-sessions-title">${t("carnet.sessions", { count: c.sessions.length })}</h2>
        ${
          c.sessions.length === 0
            ? html`<p>${t("carnet.noSession")}</p>`
            : html`<ul data-testid="carnet-sessions">${c.sessions.map(
                (s) => html`<li>${formatDate(s.createdAt)} — « ${s.scenarioTitle} » — ${s.organisation}</li>`,
              )}</ul>`
        }
      </section>
      <section aria-labelledby="carnet-attestations-title">
        <h2 id="carnet-attestations-title">${t("carnet.attestations")}</h2>
        ${
          c.attestations.length === 0
            ? html`<p>${t("carnet.noAttestation")}</p>`
            : html`<ul>${c.attestations.map(
                (a) =>
                  html`<li><a href=${`/attestation/${encodeURIComponent(a.verificationCode)}`} data-nav>${t("carnet.attestationOf", { scenario: a.scenarioTitle, date: formatDate(a.issuedAt) })}</a></li>`,
              )}</ul>`
        }
      </section>
      ${
        c.paths.length === 0
          ? nothing
          : html`<section aria-labelledby="carnet-paths-title">
              <h2 id="carnet-paths-title">${t("carnet.paths")}</h2>
              ${c.paths.map(
                (p) => html`<article class="card">
                  <h3>${t("carnet.path", { title: p.title, organisation: p.organisation })}</h3>
                  <ul>${p.targets.map(
                    (target) =>
                      html`<li>${target.met ? t("carnet.targetMet") : t("carnet.targetOpen")} — ${labels.get(target.competence) ?? target.competence} : ${levelLabels.get(target.level) ?? target.level}</li>`,
                  )}</ul>
                  ${
                    p.certificate
                      ? html`<a class="button primary" href=${`/parcours/${encodeURIComponent(p.certificate)}`} data-nav>${t("carnet.certificate")}</a>`
                      : nothing
                  }
                </article>`,
              )}
            </section>`
      }
      <section aria-labelledby="carnet-next-title">
        <h2 id="carnet-next-title">${t("carnet.suggestions")}</h2>
        ${
          c.suggestions.length === 0
            ? html`<p>${t("carnet.noSuggestion")}</p>`
            : html`<ul>${c.suggestions.map(
                (s) =>
                  html`<li><strong>${s.title}</strong> — ${t("carnet.trains", { competences: s.competences.map((id) => labels.get(id) ?? id).join(", ") })}</li>`,
              )}</ul>`
        }
      </section>
      <section aria-labelledby="carnet-xapi-title">
        <h2 id="carnet-xapi-title">${t("xapi.title")}</h2>
        <p>${t("xapi.carnetHelp")}</p>
        <button type="button" @click=${() => void exportStatements()}>${t("xapi.download")}</button>
      </section>
      <section class="card" aria-labelledby="carnet-manage-title">
        <h2 id="carnet-manage-title">${t("carnet.manage")}</h2>
        <div class="row">
          <button type="button" @click=${forget}>${t("carnet.forget")}</button>
          ${
            confirming
              ? nothing
              : html`<button type="button" class="danger" data-focus-key="carnet-erase" @click=${() => {
                  confirming = true;
                  requestRender();
                  queueMicrotask(() => document.getElementById("carnet-erase-confirm")?.focus());
                }}>${t("carnet.erase")}</button>`
          }
        </div>
        ${
          confirming
            ? html`<div class="notice bad" role="alert">
                <p>${t("carnet.eraseWarning")}</p>
                <div class="row">
                  <button type="button" class="danger" id="carnet-erase-confirm" @click=${() => void erase()}>${t("carnet.eraseConfirm")}</button>
                  <button type="button" @click=${() => {
                    confirming = false;
                    requestRender();
                  }}>${t("carnet.cancel")}</button>
                </div>
              </div>`
            : nothing
        }
      </section>`;
  };

  return {
    title: () => t("carnet.title"),
    afterRender: () => markOverflow(document),
    view: () => html`<h1 tabindex="-1">${t("carnet.title")}</h1>
      ${error ? html`<p class="notice bad" role="alert">${error}</p>` : nothing}
      ${carnet ? page(carnet) : loading ? html`<p>${t("app.loading")}</p>` : openForm()}`,
  };
}
