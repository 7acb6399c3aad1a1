/**
 * The client runs under a Content-Security-Policy without `'unsafe-eval'` (server/http/security.ts):
 * zod must not probe `new Function` for its JIT (the probe alone is reported as a violation).
 */
import { config } from "zod/v4/core";

config({ jitless: true });
