/**
 * Gzipped sizes of the built front ends (budgets: the widget's first paint ≤ 10 KB,
 * its badge alone ≤ 4 KB, kiosk ≤ 35 KB and dashboard ≤ 60 KB initial JS+CSS).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

/** The JS and CSS a page loads before it can run: its scripts, stylesheets and module preloads. */
function initialAssets(dist: string, page: string): string[] {
  const html = readFileSync(join(dist, page), "utf8");
  const refs = [...html.matchAll(/(?:src|href)="(\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  return [...new Set(refs)].map((ref) => join(dist, ref));
}

/** A module with every module it imports statically (what loads before it runs), gzipped. */
function moduleWithImports(dist: string, file: string, seen = new Set<string>()): number {
  if (seen.has(file)) return 0;
  seen.add(file);
  const code = readFileSync(join(dist, file), "utf8");
  const imports = [...code.matchAll(/(?:^|[;}])\s*import\s*(?:[^"'()]*?from\s*)?["']\.\/([^"']+)["']/g)].map(
    (m) => m[1],
  );
  return gz(join(dist, file)) + imports.reduce((sum, next) => sum + moduleWithImports(dist, `widget/${next}`, seen), 0);
}

/** One row per bundle: name, gzipped bytes, budget bytes (or null). */
export function bundleSizes(dist = "dist") {
  const page = (name: string, file: string, budget: number | null) => ({
    name,
    bytes: initialAssets(dist, file).reduce((sum, path) => sum + gz(path), 0),
    budget,
  });
  return [
    {
      name: "widget first paint (/widget/suara.js, Lit included)",
      bytes: moduleWithImports(dist, "widget/suara.js"),
      budget: 10 * 1024,
    },
    {
      name: "widget follow-up and survey (loaded after the first paint)",
      bytes: readdirSync(join(dist, "widget"))
        .filter((f) => f.startsWith("steps-"))
        .reduce((sum, f) => sum + gz(join(dist, "widget", f)), 0),
      budget: null,
    },
    { name: "badge alone (/widget/badge.js)", bytes: moduleWithImports(dist, "widget/badge.js"), budget: 4 * 1024 },
    {
      name: "classic script (/widget/suara.iife.js, everything)",
      bytes: gz(join(dist, "widget/suara.iife.js")),
      budget: null,
    },
    page("kiosk initial JS + CSS", "kiosk/index.html", 35 * 1024),
    page("dashboard initial JS + CSS", "dashboard/index.html", 60 * 1024),
  ];
}
