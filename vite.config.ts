import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL("./client", import.meta.url));

/**
 * The browser client. `npm run build` writes dist/client/, which the server serves with an SPA
 * fallback. Phaser is only imported dynamically by the board, so it lands in its own chunk.
 */
export default defineConfig({
  root,
  publicDir: false,
  base: "/",
  build: {
    outDir: fileURLToPath(new URL("./dist/client", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1600,
    reportCompressedSize: true,
  },
  server: { fs: { allow: [fileURLToPath(new URL(".", import.meta.url))] } },
});
