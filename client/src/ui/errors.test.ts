import { afterEach, describe, expect, it } from "vitest";
import { CloseCodes } from "../../../shared/protocol.ts";
import { en } from "../i18n/en.ts";
import { fr } from "../i18n/fr.ts";
import { setLang } from "../i18n/index.ts";
import { ApiError } from "../net/api.ts";
import { CLOSE_CODE_KEYS, ERROR_KEYS, errorCodeText, errorText, joinErrorText } from "./errors.ts";

const FRENCH_FROM_SERVER = "Cette étape est close.";

describe("error texts", () => {
  afterEach(() => setLang("fr"));

  it("give every protocol error code and every close code a sentence in both catalogues", () => {
    // ERROR_KEYS / CLOSE_CODE_KEYS are Records over the unions: tsc fails if a code is missing.
    for (const key of [...Object.values(ERROR_KEYS), ...Object.values(CLOSE_CODE_KEYS)]) {
      expect(fr[key], key).toBeTruthy();
      expect(en[key], key).toBeTruthy();
    }
    expect(Object.keys(CLOSE_CODE_KEYS).sort()).toEqual(Object.keys(CloseCodes).sort());
  });

  it("shows a refusal in the interface language, not the server's French message", () => {
    setLang("en");
    expect(errorCodeText("step-closed", FRENCH_FROM_SERVER)).toBe(en["error.step-closed"]);
    expect(errorCodeText("not-facilitator", "Action réservée à l'animateur")).toBe(
      en["error.not-facilitator"],
    );
    setLang("fr");
    expect(errorCodeText("step-closed", FRENCH_FROM_SERVER)).toBe(fr["error.step-closed"]);
  });

  it("falls back on the server's message for a code it does not know", () => {
    setLang("en");
    expect(errorCodeText("brand-new-code", "Nouveau refus.")).toContain("Nouveau refus.");
    expect(errorCodeText("brand-new-code")).toContain("brand-new-code");
  });

  it("translates join refusals by their close code", () => {
    setLang("en");
    const refusal = (code: number, message: string) => Object.assign(new Error(message), { code });
    expect(joinErrorText(refusal(CloseCodes.wrongFacilitatorKey, "Clé d'animation incorrecte."))).toBe(
      en["error.wrong-key"],
    );
    expect(joinErrorText(refusal(CloseCodes.protocolMismatch, "Version"))).toBe(en["conn.protocol"]);
    // The rules' reason code is shown in the interface language; an unknown one is kept inside a frame.
    expect(joinErrorText(refusal(CloseCodes.joinRefused, "name-taken"))).toBe(en["error.name-taken"]);
    expect(joinErrorText(refusal(CloseCodes.joinRefused, "brand-new-reason"))).toBe(
      "Join refused: brand-new-reason",
    );
    expect(joinErrorText(new ApiError(404, "unknown-session", "Aucune session avec ce code."))).toBe(
      en["join.unknown"],
    );
    expect(errorText(new ApiError(0, "network", "network"))).toBe(en["error.network"]);
  });
});
