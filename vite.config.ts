/**
 * Two builds: `vite build` makes the kiosk, the dashboard and the widget's
 * pages; `vite build --mode widget` makes the one embeddable module,
 * dist/widget/suara.js, with Lit inside and nothing shared with the other pages.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import preact from "@preact/preset-vite";
import { defineConfig, type Plugin } from "vite";

const require = createRequire(import.meta.url);

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
        plugins: [preact(), swaggerUi()],
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
