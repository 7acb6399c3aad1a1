/**
 * Serves the built client (dist/client) with an SPA fallback to index.html for non-API paths. The
 * build writes brotli and gzip copies of every text file (vite-plugin-compression2);
 * express-static-gzip sends the best one the browser accepts (Content-Encoding, Vary:
 * Accept-Encoding), else the file itself.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import express from "express";
import expressStaticGzip from "express-static-gzip";

const NOT_CLIENT = /^\/(api|matchmake|healthz)(\/|$)/;

export function clientRouter(clientDir: string): express.Router {
  const root = resolve(clientDir);
  const router = express.Router();
  router.use(
    expressStaticGzip(root, {
      enableBrotli: true,
      orderPreference: ["br", "gz"],
      index: "index.html",
      serveStatic: { maxAge: "1h" },
    }),
  );
  router.use((req, res, next) => {
    if ((req.method !== "GET" && req.method !== "HEAD") || NOT_CLIENT.test(req.path)) return next();
    const index = join(root, "index.html");
    if (!existsSync(index)) {
      res
        .status(503)
        .type("text/plain; charset=utf-8")
        .send("Le client n'est pas construit : lancez « npm run build » puis relancez le serveur.");
      return;
    }
    res.setHeader("Cache-Control", "no-cache");
    res.sendFile(index);
  });
  return router;
}
