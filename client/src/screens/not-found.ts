import { html } from "lit-html";
import type { Screen } from "../app.ts";
import { t } from "../i18n/index.ts";

export function notFoundScreen(): Screen {
  return {
    title: () => t("app.notFound"),
    view: () => html`<h1 tabindex="-1">${t("app.notFound")}</h1>
      <p><a href="/" data-nav>${t("app.backHome")}</a></p>`,
  };
}
