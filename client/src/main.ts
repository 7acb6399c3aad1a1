import "./csp.ts";
import "@fontsource/atkinson-hyperlegible/400.css";
import "@fontsource/atkinson-hyperlegible/700.css";
import "./styles.css";
import { type Screen, startApp } from "./app.ts";
import { initLang } from "./i18n/index.ts";
import type { Route } from "./router.ts";

initLang();

/** Each screen is its own chunk; the board pulls Phaser in only when it is shown. */
async function createScreen(route: Route): Promise<Screen> {
  switch (route.name) {
    case "home":
      return (await import("./screens/home.ts")).homeScreen();
    case "join":
    case "play":
      return (await import("./screens/player.ts")).playerScreen(route.code, route.name);
    case "facilitator":
      return (await import("./screens/facilitator.ts")).facilitatorScreen(route.code);
    case "screen":
      return (await import("./screens/projected.ts")).projectedScreen(route.code);
    case "kit":
      return (await import("./screens/kit.ts")).kitScreen(route.code);
    case "debrief":
      return (await import("./screens/debrief.ts")).debriefScreen(route.code);
    case "attestation":
      return (await import("./screens/attestation.ts")).attestationScreen(route.verificationCode);
    case "path":
      return (await import("./screens/path-certificate.ts")).pathCertificateScreen(route.verificationCode);
    case "organisation":
      return (await import("./screens/organisation.ts")).organisationScreen();
    case "carnet":
      return (await import("./screens/carnet.ts")).carnetScreen();
    case "verify":
      return (await import("./screens/verify.ts")).verifyScreen(route.verificationCode);
    case "preview":
      return (await import("./screens/preview.ts")).previewScreen(route.scenarioId);
    case "studio":
      return (await import("./screens/studio.ts")).studioScreen(route.scenarioId);
    case "not-found":
      return (await import("./screens/not-found.ts")).notFoundScreen();
  }
}

startApp(createScreen);
