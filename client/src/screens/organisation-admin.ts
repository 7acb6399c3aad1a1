/**
 * The organisation's admin screens, under the dashboard (/organisation, admin key): the list of
 * directions, the facilitator keys (issued and shown once, revoked), and the programmes (ordered
 * scenarios and competence targets). Each section saves through the organisation API
 * (docs/protocol.md § Organisations); the server checks everything and its French messages are
 * shown beside the section. Keyboard: every action is a button; focus follows moved items.
 */
import { html, nothing, type TemplateResult } from "lit-html";
import { repeat } from "lit-html/directives/repeat.js";
import { announce, requestRender } from "../app.ts";
import { formatDate, t } from "../i18n/index.ts";
import { ApiError, request } from "../net/api.ts";
import { idFromLabel, moved } from "../view/admin.ts";

interface Choice {
  id: string;
  label: string;
}
interface Programme {
  id: string;
  title: string;
  scenarios: string[];
  targets: { competence: string; level: string }[];
}
export interface AdminOrganisation {
  directions: { id: string; label: string }[];
  programmes: Programme[];
  facilitators: { id: string; name: string; createdAt: number }[];
  choices: { scenarios: { id: string; title: string }[]; competences: Choice[]; levels: Choice[] };
}
type Section = "directions" | "facilitators" | "programmes";
interface Outcome {
  ok?: string;
  error?: string;
}

export class OrganisationAdmin {
  private organisation: AdminOrganisation | null = null;
  /** Drafts being edited (a direction without id is new: its id is made from its label on save). */
  private directions: { id?: string; label: string }[] = [];
  private programmes: (Programme & { isNew?: boolean })[] = [];
  private newKey: { name: string; key: string } | null = null;
  private revoking: string | null = null;
  private outcome: Partial<Record<Section, Outcome>> = {};
  /** Sections whose drafts the next `show` replaces: all at first, then the one just saved
   *  (reloading after a filter or another section's save keeps the edits in progress). */
  private fresh = new Set<Section>(["directions", "facilitators", "programmes"]);

  constructor(
    private readonly auth: () => Record<string, string>,
    /** Reloads the organisation (and the dashboard) after a change. */
    private readonly reload: () => Promise<void>,
  ) {}

  /** Takes the organisation as the server has it now (drafts start from it). */
  show(organisation: AdminOrganisation): void {
    this.organisation = organisation;
    if (this.fresh.has("directions")) this.directions = organisation.directions.map((d) => ({ ...d }));
    if (this.fresh.has("programmes"))
      this.programmes = organisation.programmes.map((p) => structuredClone(p));
    this.fresh.clear();
  }

  private async send(
    section: Section,
    ok: string,
    path: string,
    method: string,
    body?: unknown,
  ): Promise<unknown> {
    try {
      const answer = await request(path, {
        method,
        headers: this.auth(),
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      this.outcome[section] = { ok };
      announce(ok);
      this.fresh.add(section);
      await this.reload();
      return answer ?? true;
    } catch (error) {
      const message = error instanceof ApiError ? error.message : t("carnet.loadError");
      this.outcome[section] = { error: message };
      announce(message);
      requestRender();
      queueMicrotask(() => document.getElementById(`admin-${section}-error`)?.focus());
      return null;
    }
  }

  private outcomeView(section: Section) {
    const o = this.outcome[section];
    if (o?.error)
      return html`<div class="notice bad" role="alert" id=${`admin-${section}-error`} tabindex="-1">
        <p>${t("admin.notSaved")}</p><ul>${o.error.split(" ; ").map((line) => html`<li>${line}</li>`)}</ul></div>`;
    return o?.ok ? html`<p class="notice ok" role="status">${o.ok}</p>` : nothing;
  }

  // Directions ---------------------------------------------------------------------------------

  private saveDirections(event: SubmitEvent) {
    event.preventDefault();
    const taken = this.directions.flatMap((d) => (d.id ? [d.id] : []));
    const directions = this.directions.map((d) => {
      if (d.id) return { id: d.id, label: d.label.trim() };
      const id = idFromLabel(d.label, taken, "direction");
      taken.push(id);
      return { id, label: d.label.trim() };
    });
    void this.send("directions", t("admin.savedDirections"), "/api/organisation/directions", "PUT", {
      directions,
    });
  }

  private directionsView() {
    return html`<section aria-labelledby="admin-directions"><h3 id="admin-directions">${t("admin.directions")}</h3>
      <p>${t("admin.directionsHelp")}</p>
      <form class="card" @submit=${(e: SubmitEvent) => this.saveDirections(e)}>
        ${
          this.directions.length === 0
            ? html`<p>${t("admin.noDirection")}</p>`
            : html`<ul class="admin-list">${this.directions.map(
                (d, i) => html`<li class="row">
                  <div class="field">
                    <label for=${`direction-${i}`}>${t("admin.directionLabel", { n: i + 1 })}</label>
                    <input id=${`direction-${i}`} type="text" required maxlength="120" .value=${d.label}
                      @input=${(e: Event) => {
                        d.label = (e.target as HTMLInputElement).value;
                      }} />
                  </div>
                  <button type="button" data-focus-key=${`direction-remove-${i}`} aria-label=${t("admin.removeNamed", { name: d.label || t("admin.directionLabel", { n: i + 1 }) })}
                    @click=${() => {
                      this.directions.splice(i, 1);
                      requestRender();
                    }}>${t("admin.remove")}</button>
                </li>`,
              )}</ul>`
        }
        <div class="row">
          <button type="button" @click=${() => {
            this.directions.push({ label: "" });
            requestRender();
            queueMicrotask(() => document.getElementById(`direction-${this.directions.length - 1}`)?.focus());
          }}>${t("admin.addDirection")}</button>
          <button type="submit" class="primary">${t("admin.saveDirections")}</button>
        </div>
        ${this.outcomeView("directions")}
      </form>
    </section>`;
  }

  // Facilitators -------------------------------------------------------------------------------

  private async issueKey(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const name = String(new FormData(form).get("facilitator-name") ?? "").trim();
    if (!name) return;
    const answer = (await this.send(
      "facilitators",
      t("admin.issued", { name }),
      "/api/organisation/facilitators",
      "POST",
      {
        name,
      },
    )) as {
      name: string;
      facilitatorKey: string;
    } | null;
    if (!answer) return;
    form.reset();
    this.newKey = { name: answer.name, key: answer.facilitatorKey };
    this.outcome.facilitators = {};
    requestRender();
    queueMicrotask(() => document.getElementById("admin-new-key")?.focus());
  }

  private facilitatorsView(o: AdminOrganisation) {
    return html`<section aria-labelledby="admin-facilitators"><h3 id="admin-facilitators">${t("admin.facilitators")}</h3>
      <p>${t("admin.facilitatorsHelp")}</p>
      <div class="card">
        ${
          o.facilitators.length === 0
            ? html`<p>${t("admin.noFacilitator")}</p>`
            : html`<ul class="admin-list" data-testid="admin-facilitators">${o.facilitators.map(
                (f) => html`<li>
                  <span>${t("admin.facilitatorSince", { name: f.name, date: formatDate(f.createdAt) })}</span>
                  ${
                    this.revoking === f.id
                      ? html`<div class="notice bad" role="alert"><p>${t("admin.revokeWarning", { name: f.name })}</p>
                          <div class="row">
                            <button type="button" class="danger" id="admin-revoke-confirm" @click=${async () => {
                              this.revoking = null;
                              await this.send(
                                "facilitators",
                                t("admin.revoked", { name: f.name }),
                                `/api/organisation/facilitators/${f.id}`,
                                "DELETE",
                              );
                              this.newKey = null;
                              requestRender();
                              queueMicrotask(() => document.getElementById("facilitator-name")?.focus());
                            }}>${t("admin.revokeConfirm")}</button>
                            <button type="button" @click=${() => {
                              this.revoking = null;
                              requestRender();
                            }}>${t("carnet.cancel")}</button>
                          </div></div>`
                      : html`<button type="button" class="danger" aria-label=${t("admin.revokeNamed", { name: f.name })} @click=${() => {
                          this.revoking = f.id;
                          requestRender();
                          queueMicrotask(() => document.getElementById("admin-revoke-confirm")?.focus());
                        }}>${t("admin.revoke")}</button>`
                  }
                </li>`,
              )}</ul>`
        }
        ${
          this.newKey
            ? html`<div class="notice ok" id="admin-new-key" tabindex="-1" role="status">
                <p>${t("admin.newKey", { name: this.newKey.name })}</p>
                <p class="big-code" data-testid="admin-new-key">${this.newKey.key}</p>
                <p>${t("admin.newKeyOnce")}</p>
              </div>`
            : nothing
        }
        <form @submit=${(e: SubmitEvent) => void this.issueKey(e)}>
          <div class="field">
            <label for="facilitator-name">${t("admin.facilitatorName")}</label>
            <input id="facilitator-name" name="facilitator-name" type="text" required maxlength="80" autocomplete="off" />
          </div>
          <button type="submit" class="primary">${t("admin.issueKey")}</button>
        </form>
        ${this.outcomeView("facilitators")}
      </div>
    </section>`;
  }

  // Programmes ---------------------------------------------------------------------------------

  private saveProgrammes(event: SubmitEvent) {
    event.preventDefault();
    // Clear French messages for what a form can leave out; the server checks the rest (ids, links).
    const problems = this.programmes.flatMap((p) => {
      const name = p.title.trim() || t("admin.untitled");
      return [
        ...(p.scenarios.length === 0 ? [t("admin.needScenario", { title: name })] : []),
        ...(p.targets.length === 0 ? [t("admin.needTarget", { title: name })] : []),
      ];
    });
    if (problems.length > 0) {
      this.outcome.programmes = { error: problems.join(" ; ") };
      announce(problems.join(" ; "));
      requestRender();
      queueMicrotask(() => document.getElementById("admin-programmes-error")?.focus());
      return;
    }
    const taken = this.programmes.filter((p) => !p.isNew).map((p) => p.id);
    const programmes = this.programmes.map(({ isNew, ...p }) => {
      if (!isNew) return { ...p, title: p.title.trim() };
      const id = idFromLabel(p.title, taken, "programme");
      taken.push(id);
      return { ...p, id, title: p.title.trim() };
    });
    void this.send("programmes", t("admin.savedProgrammes"), "/api/organisation/programmes", "PUT", {
      programmes,
    });
  }

  private programmeView(o: AdminOrganisation, p: Programme & { isNew?: boolean }, i: number) {
    const titles = new Map(o.choices.scenarios.map((s) => [s.id, s.title]));
    const available = o.choices.scenarios.filter((s) => !p.scenarios.includes(s.id));
    const name = p.title || t("admin.untitled");
    const change = () => requestRender();
    return html`<fieldset class="card" data-testid=${`programme-${i}`}>
      <legend>${t("admin.programme", { title: name })}</legend>
      <div class="field">
        <label for=${`programme-${i}-title`}>${t("admin.programmeTitle")}</label>
        <input id=${`programme-${i}-title`} type="text" required maxlength="120" .value=${p.title}
          @input=${(e: Event) => {
            p.title = (e.target as HTMLInputElement).value;
          }} @change=${change} />
      </div>
      <h4 id=${`programme-${i}-scenarios`}>${t("admin.scenarios")}</h4>
      ${
        p.scenarios.length === 0
          ? html`<p>${t("admin.noScenario")}</p>`
          : html`<ol class="admin-list" aria-labelledby=${`programme-${i}-scenarios`}>${repeat(
              p.scenarios,
              (id) => id,
              (id, j) => {
                const title = titles.get(id);
                const label = title ?? id;
                return html`<li class="row">
                  <span>${title ?? html`« ${id} » <strong>${t("admin.missingScenario")}</strong>`}</span>
                  <button type="button" data-focus-key=${`p${i}-up-${id}`} ?disabled=${j === 0}
                    aria-label=${t("admin.upNamed", { name: label })} @click=${() => {
                      p.scenarios = moved(p.scenarios, j, -1);
                      change();
                    }}>${t("admin.up")}</button>
                  <button type="button" data-focus-key=${`p${i}-down-${id}`} ?disabled=${j === p.scenarios.length - 1}
                    aria-label=${t("admin.downNamed", { name: label })} @click=${() => {
                      p.scenarios = moved(p.scenarios, j, 1);
                      change();
                    }}>${t("admin.down")}</button>
                  <button type="button" aria-label=${t("admin.removeNamed", { name: label })} @click=${() => {
                    p.scenarios = p.scenarios.filter((x) => x !== id);
                    change();
                    queueMicrotask(() => document.getElementById(`programme-${i}-add`)?.focus());
                  }}>${t("admin.remove")}</button>
                </li>`;
              },
            )}</ol>`
      }
      ${
        available.length === 0
          ? nothing
          : html`<div class="row">
              <div class="field">
                <label for=${`programme-${i}-add`}>${t("admin.addScenario")}</label>
                <select id=${`programme-${i}-add`}>${available.map((s) => html`<option value=${s.id}>${s.title}</option>`)}</select>
              </div>
              <button type="button" @click=${() => {
                const select = document.getElementById(`programme-${i}-add`) as HTMLSelectElement | null;
                if (!select?.value) return;
                p.scenarios = [...p.scenarios, select.value];
                change();
              }}>${t("admin.add")}</button>
            </div>`
      }
      <h4>${t("admin.targets")}</h4>
      ${p.targets.length === 0 ? html`<p>${t("admin.noTarget")}</p>` : nothing}
      ${p.targets.map(
        (target, j) => html`<div class="row">
          <div class="field">
            <label for=${`programme-${i}-target-${j}`}>${t("admin.targetCompetence", { n: j + 1 })}</label>
            <select id=${`programme-${i}-target-${j}`} .value=${target.competence} @change=${(e: Event) => {
              target.competence = (e.target as HTMLSelectElement).value;
            }}>${o.choices.competences.map((c) => html`<option value=${c.id} ?selected=${c.id === target.competence}>${c.label}</option>`)}</select>
          </div>
          <div class="field">
            <label for=${`programme-${i}-level-${j}`}>${t("admin.targetLevel", { n: j + 1 })}</label>
            <select id=${`programme-${i}-level-${j}`} .value=${target.level} @change=${(e: Event) => {
              target.level = (e.target as HTMLSelectElement).value;
            }}>${o.choices.levels.map((l) => html`<option value=${l.id} ?selected=${l.id === target.level}>${l.label}</option>`)}</select>
          </div>
          <button type="button" data-focus-key=${`p${i}-target-remove-${j}`} aria-label=${t("admin.removeTarget", { n: j + 1 })} @click=${() => {
            p.targets.splice(j, 1);
            change();
          }}>${t("admin.remove")}</button>
        </div>`,
      )}
      <div class="row">
        <button type="button" @click=${() => {
          const [competence] = o.choices.competences;
          const [level] = o.choices.levels;
          if (!competence || !level) return;
          p.targets.push({ competence: competence.id, level: level.id });
          change();
          queueMicrotask(() =>
            document.getElementById(`programme-${i}-target-${p.targets.length - 1}`)?.focus(),
          );
        }}>${t("admin.addTarget")}</button>
        <button type="button" class="danger" aria-label=${t("admin.removeProgrammeNamed", { title: name })} @click=${() => {
          this.programmes.splice(i, 1);
          change();
          queueMicrotask(() => document.getElementById("admin-new-programme")?.focus());
        }}>${t("admin.removeProgramme")}</button>
      </div>
    </fieldset>`;
  }

  private programmesView(o: AdminOrganisation) {
    return html`<section aria-labelledby="admin-programmes"><h3 id="admin-programmes">${t("admin.programmes")}</h3>
      <p>${t("admin.programmesHelp")}</p>
      <form @submit=${(e: SubmitEvent) => this.saveProgrammes(e)}>
        ${this.programmes.length === 0 ? html`<p>${t("admin.noProgramme")}</p>` : nothing}
        ${this.programmes.map((p, i) => this.programmeView(o, p, i))}
        <div class="row">
          <button type="button" id="admin-new-programme" @click=${() => {
            this.programmes.push({ id: "", title: "", scenarios: [], targets: [], isNew: true });
            requestRender();
            queueMicrotask(() =>
              document.getElementById(`programme-${this.programmes.length - 1}-title`)?.focus(),
            );
          }}>${t("admin.newProgramme")}</button>
          <button type="submit" class="primary">${t("admin.saveProgrammes")}</button>
        </div>
        ${this.outcomeView("programmes")}
      </form>
    </section>`;
  }

  view(): TemplateResult | typeof nothing {
    const o = this.organisation;
    if (!o) return nothing;
    return html`<section class="admin" aria-labelledby="admin-title">
      <h2 id="admin-title">${t("admin.title")}</h2>
      ${this.directionsView()}${this.facilitatorsView(o)}${this.programmesView(o)}
    </section>`;
  }
}
