/**
 * Two builds: `vite build` makes the kiosk, the dashboard and the widget's
 * pages; `vite build --mode widget` makes the one embeddable module,
 * dist/widget/suara.js, with Lit inside and nothing shared with the other pages.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import preact from "@preact/preset-vite";
import { defineConfig, type Plugin } from "vite";
import { VitePWA } from "vite-plugin-pwa";

const require = createRequire(import.meta.url);
const { version } = require("./package.json") as { version: string };

/**
 * The kiosk's service worker (/kiosk/sw.js, scope /kiosk/): it precaches the app
 * shell and every kiosk chunk, so a tablet starts with no network at all. The
 * manifest is kiosk/'s own (public/kiosk/manifest.webmanifest); the API is
 * never cached: ratings wait in IndexedDB instead.
 */
const kioskWorker = () =>
  VitePWA({
    filename: "kiosk/sw.js",
    scope: "/kiosk/",
    injectRegister: false,
    registerType: "autoUpdate",
    manifest: false,
    workbox: {
      globPatterns: ["kiosk/index.html", "kiosk/manifest.webmanifest", "assets/*.{js,css}", "favicon.svg"],
      globIgnores: ["assets/dashboard-*", "assets/docs-*", "assets/page-*"],
      // The worker lives in /kiosk/: precache URLs are from the site's root, not relative to it.
      modifyURLPrefix: { "": "/" },
      navigateFallback: "/kiosk/index.html",
      navigateFallbackAllowlist: [/^\/kiosk\//],
      cleanupOutdatedCaches: true,
    },
  });

/** Copies Swagger UI's prebuilt files beside the API docs page: served from our origin, never a CDN. */
function swaggerUi(): Plugin {
  return {
    name: "suara-swagger-ui",
    generateBundle() {
      for (const file of ["swagger-ui-bundle.js", "swagger-ui.css"]) {
        this.emitFile({
          type: "asset",
          fileName: `api-docs/${file}`,
          source: readFileSync(require.resolve(`swagger-ui-dist/${file}`)),
        });
      }
    },
  };
}

export default defineConfig(({ mode }) =>
  mode === "widget"
    ? {
        build: {
          outDir: "dist/widget",
          emptyOutDir: false,
          lib: { entry: "widget/suara.ts", formats: ["es"], fileName: () => "suara.js" },
          // Library builds are not minified by default (TOOLCHAIN.md).
          rolldownOptions: { output: { minify: true } },
        },
      }
    : {
        plugins: [preact(), swaggerUi(), kioskWorker()],
        define: { __APP_VERSION__: JSON.stringify(version) },
        server: { proxy: { "/api": "http://127.0.0.1:8787", "/widget/suara.js": "http://127.0.0.1:8787" } },
        build: {
          outDir: "dist",
          emptyOutDir: true,
          rolldownOptions: {
            input: {
              kiosk: "kiosk/index.html",
              dashboard: "dashboard/index.html",
              widget: "widget/index.html",
              rate: "widget/rate.html",
              docs: "api-docs/index.html",
            },
          },
        },
      },
);
