/** Serves the built client (dist/client) with an SPA fallback to index.html for non-API paths. */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import express from "express";

const NOT_CLIENT = /^\/(api|matchmake|healthz)(\/|$)/;

export function clientRouter(clientDir: string): express.Router {
  const root = resolve(clientDir);
  const router = express.Router();
  router.use(express.static(root, { index: "index.html", maxAge: "1h" }));
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
