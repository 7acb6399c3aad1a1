/** Turns API errors and protocol error codes into translated sentences. */
import { catalogues, type MessageKey, t } from "../i18n/index.ts";
import { ApiError } from "../net/api.ts";

export function errorCodeText(code: string, message?: string): string {
  const key = `error.${code}` as MessageKey;
  if (key in catalogues.fr) return t(key);
  return t("error.generic", { message: message ?? code });
}

export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === "network") return t("error.network");
    return errorCodeText(error.code, error.message);
  }
  if (error && typeof error === "object" && "code" in error && typeof error.code === "string") {
    return errorCodeText(error.code, (error as { message?: string }).message);
  }
  return t("error.generic", { message: error instanceof Error ? error.message : String(error) });
}
