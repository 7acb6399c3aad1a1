import { cpSync, createReadStream, existsSync, statSync, writeFileSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { defineConfig, type Plugin } from "vite";
import { compression } from "vite-plugin-compression2";

const root = fileURLToPath(new URL("./client", import.meta.url));
const outDir = fileURLToPath(new URL("./dist/client", import.meta.url));

/** Initial JavaScript budget (gzip): the entry chunk and everything it imports statically. */
const INITIAL_JS_BUDGET = 450 * 1024;

/**
 * Reports gzip sizes after each build (printed and written to dist/client/bundle-report.json):
 * the initial JavaScript of each first page (entry + the route's static imports; the heaviest one
 * is checked against the budget), and every chunk that is not in the entry's closure (Phaser's board
 * scene among them, loaded only when a board is shown). Fails the build when the initial JavaScript exceeds the budget.
 */
function bundleReport(): Plugin {
  return {
    name: "datatruc-bundle-report",
    apply: "build",
    writeBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((item) => item.type === "chunk");
      const gzip = new Map(chunks.map((chunk) => [chunk.fileName, gzipSync(chunk.code).length]));
      const entry = chunks.find((chunk) => chunk.isEntry);
      const closure = (start: string, into = new Set<string>()) => {
        if (into.has(start)) return into;
        into.add(start);
        for (const imported of chunks.find((c) => c.fileName === start)?.imports ?? [])
          closure(imported, into);
        return into;
      };
      const sizeOf = (files: Set<string>) => [...files].reduce((sum, name) => sum + (gzip.get(name) ?? 0), 0);
      const initial = entry ? closure(entry.fileName) : new Set<string>();
      // Each route is a dynamic import of the entry: first page = entry + that route's static imports.
      const routes = (entry?.dynamicImports ?? []).map((route) => {
        const files = closure(route, new Set(initial));
        return { route, gzipBytes: sizeOf(files) };
      });
      const heaviest = routes.sort((a, b) => b.gzipBytes - a.gzipBytes)[0];
      const initialGzip = Math.max(sizeOf(initial), heaviest?.gzipBytes ?? 0);
      const lazy = chunks
        .filter((chunk) => !initial.has(chunk.fileName))
        .map((chunk) => ({ file: chunk.fileName, gzipBytes: gzip.get(chunk.fileName) ?? 0 }))
        .sort((a, b) => b.gzipBytes - a.gzipBytes);
      const report = {
        initialJsGzipBytes: initialGzip,
        budgetBytes: INITIAL_JS_BUDGET,
        entry: [...initial],
        routes,
        lazy,
      };
      writeFileSync(join(outDir, "bundle-report.json"), `${JSON.stringify(report, null, 2)}\n`);
      const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
      console.log(
        `[bundle] initial JS of the heaviest first page (${heaviest?.route ?? "entry"}): ${kb(initialGzip)} gzip, budget ${kb(INITIAL_JS_BUDGET)}; Phaser/board chunk loaded later: ${lazy[0]?.file ?? "-"} ${kb(lazy[0]?.gzipBytes ?? 0)} gzip`,
      );
      if (initialGzip > INITIAL_JS_BUDGET) {
        throw new Error(
          `initial JavaScript ${kb(initialGzip)} gzip exceeds the ${kb(INITIAL_JS_BUDGET)} budget`,
        );
      }
    },
  };
}

const STUDIO_MARKDOWN = fileURLToPath(new URL("./client/src/studio/markdown.ts", import.meta.url));

/**
 * codemirror-json-schema renders descriptions through its `utils/markdown` module, which starts
 * the Shiki highlighter (WebAssembly, refused by the CSP) at import: the studio's own
 * markdown-it renderer stands in for it (client/src/studio/markdown.ts).
 */
function studioMarkdown(): Plugin {
  return {
    name: "datatruc-studio-markdown",
    enforce: "pre",
    resolveId(source, importer) {
      if (importer?.includes("codemirror-json-schema") && /\/utils\/markdown(\.js)?$/.test(source))
        return STUDIO_MARKDOWN;
      return null;
    },
  };
}

const SCENARIO_ASSETS = fileURLToPath(new URL("./assets/scenarios", import.meta.url));
const MIME: Record<string, string> = {
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".gif": "image/gif",
};

/**
 * Images that scenarios reference as `assets/scenarios/…`: served from the repository in dev,
 * copied into dist/client/assets/scenarios/ by the build (the server serves dist/client).
 */
function scenarioAssets(): Plugin {
  return {
    name: "datatruc-scenario-assets",
    configureServer(server) {
      server.middlewares.use("/assets/scenarios", (req, res, next) => {
        let file: string;
        try {
          file = join(SCENARIO_ASSETS, normalize(decodeURIComponent((req.url ?? "/").split("?")[0] ?? "/")));
        } catch {
          return next();
        }
        if (!file.startsWith(`${SCENARIO_ASSETS}/`) || !existsSync(file) || !statSync(file).isFile())
          return next();
        res.setHeader("content-type", MIME[extname(file).toLowerCase()] ?? "application/octet-stream");
        createReadStream(file).pipe(res);
      });
    },
    writeBundle() {
      if (existsSync(SCENARIO_ASSETS))
        cpSync(SCENARIO_ASSETS, join(outDir, "assets", "scenarios"), { recursive: true });
    },
  };
}

/**
 * The browser client. `npm run build` writes dist/client/, which the server serves with an SPA
 * fallback. Every screen is its own chunk; Phaser is only imported by the board's table scene, so
 * it lands in its own chunk, loaded when a board is shown.
 */
export default defineConfig({
  root,
  publicDir: false,
  base: "/",
  // Brotli and gzip copies of every text file, served by express-static-gzip (server/http/client.ts).
  plugins: [
    bundleReport(),
    studioMarkdown(),
    scenarioAssets(),
    compression({ algorithms: ["brotliCompress", "gzip"], include: /\.(js|css|html|svg|json)$/ }),
  ],
  build: {
    outDir,
    emptyOutDir: true,
    target: "es2022",
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1600,
    reportCompressedSize: true,
  },
  server: { fs: { allow: [fileURLToPath(new URL(".", import.meta.url))] } },
});
