/**
 * Four builds: `vite build` makes the kiosk, the dashboard and the widget's
 * pages; `vite build --mode widget` makes the embeddable module,
 * dist/widget/suara.js (its survey loaded on demand), with Lit inside and
 * nothing shared with the other pages; `--mode widget-badge` the badge alone,
 * dist/widget/badge.js; `--mode widget-classic` both as one classic script,
 * dist/widget/suara.iife.js.
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
      globIgnores: ["assets/dashboard-*", "assets/docs-*", "assets/page-*", "assets/rate-*"],
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

/**
 * The embed's builds, apart from the pages: ES modules (the survey a chunk of its own) and one classic script.
 * The badge is a build of its own: sharing core's words with suara.js in one build would put them in a
 * third file that both load, which costs the widget's first paint (10 KB budget) more than the words do.
 */
const widgetBuild = (file: "suara" | "badge" | "classic") => ({
  // A classic script has no import.meta: the elements fall back to document.currentScript.
  define: file === "classic" ? { "import.meta.url": "undefined" } : {},
  // The site's public files belong to the pages' build, not beside the embed.
  publicDir: false as const,
  build: {
    outDir: "dist/widget",
    emptyOutDir: false,
    lib:
      file === "classic"
        ? { entry: "widget/classic.ts", name: "Suara", formats: ["iife" as const], fileName: () => "suara.iife.js" }
        : {
            entry: { [file]: `widget/${file}.ts` },
            formats: ["es" as const],
            fileName: (_: string, name: string) => `${name}.js`,
          },
    rolldownOptions: {
      // What suara.js and its survey chunk share stays in suara.js (the chunk imports it from there).
      preserveEntrySignatures: "allow-extension" as const,
      // Library builds are not minified by default (TOOLCHAIN.md); an IIFE inlines the survey chunk by itself.
      output: { minify: true, chunkFileNames: "[name]-[hash].js" },
    },
  },
});

/** The build modes of the embed, by name. */
const WIDGET_BUILDS = { widget: "suara", "widget-badge": "badge", "widget-classic": "classic" } as const;

export default defineConfig(({ mode }) =>
  mode in WIDGET_BUILDS
    ? widgetBuild(WIDGET_BUILDS[mode as keyof typeof WIDGET_BUILDS])
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
            output: {
              codeSplitting: {
                includeDependenciesRecursively: false,
                // The management forms' shared pieces load as one chunk, not one per small module: each
                // chunk more is another name in the dashboard's preload map, which is in its initial bundle.
                // Only the dashboard imports these core modules today; were the kiosk to import one, it
                // would load this whole chunk (npm run bench's kiosk budget would say so).
                groups: [
                  {
                    name: "form",
                    test: /dashboard[\\/](components[\\/](action|fields|secret)\.tsx|pages[\\/]manage[\\/](words|words-en|use-words)\.ts)|core[\\/](patterns|secrets|ids)\.ts/,
                  },
                ],
              },
            },
          },
        },
      },
);
