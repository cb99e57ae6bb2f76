/** Gzipped sizes of the built front ends (budgets: widget ≤ 10 KB, kiosk ≤ 35 KB and dashboard ≤ 60 KB initial JS+CSS). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

/** The JS and CSS a page loads before it can run: its scripts, stylesheets and module preloads. */
function initialAssets(dist: string, page: string): string[] {
  const html = readFileSync(join(dist, page), "utf8");
  const refs = [...html.matchAll(/(?:src|href)="(\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  return [...new Set(refs)].map((ref) => join(dist, ref));
}

/** One row per bundle: name, gzipped bytes, budget bytes (or null). */
export function bundleSizes(dist = "dist") {
  const page = (name: string, file: string, budget: number | null) => ({
    name,
    bytes: initialAssets(dist, file).reduce((sum, path) => sum + gz(path), 0),
    budget,
  });
  return [
    { name: "widget /widget/suara.js", bytes: gz(join(dist, "widget/suara.js")), budget: 10 * 1024 },
    page("kiosk initial JS + CSS", "kiosk/index.html", 35 * 1024),
    page("dashboard initial JS + CSS", "dashboard/index.html", 60 * 1024),
  ];
}
