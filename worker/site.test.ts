/**
 * The site around the API as Node serves it (node-server's serveStatic over a
 * built folder): every page and file carries the security headers.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { describe, expect, it } from "vitest";
import { withSite } from "./site.ts";
import { testApp } from "./test-app.ts";

const FILES: Record<string, string> = {
  "kiosk/index.html": "<!doctype html><title>Kiosk</title>",
  "dashboard/index.html": "<!doctype html><title>Dashboard</title>",
  "widget/rate.html": "<!doctype html><title>Rate</title>",
  "widget/suara.js": "export {};",
  "assets/kiosk-AbCdEf12.js": "export {};",
  "assets/kiosk-AbCdEf12.css": "body{}",
  "favicon.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
};

async function site() {
  const root = mkdtempSync(join(tmpdir(), "suara-dist-"));
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const t = await testApp();
  return withSite(t.app, {
    serve: serveStatic({ root }),
    file: (path) => serveStatic({ path: join(root, path) }),
  });
}

describe("the site's files", () => {
  it.each([
    "/kiosk/",
    "/dashboard/laporan",
    "/r/abc",
    "/widget/suara.js",
    "/assets/kiosk-AbCdEf12.js",
    "/assets/kiosk-AbCdEf12.css",
    "/favicon.svg",
  ])("%s comes with nosniff, a CSP and no framing", async (path) => {
    const res = await (await site()).request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("hashed chunks are cached for good; the widget's entry briefly and for any site", async () => {
    const app = await site();
    const chunk = await app.request("/assets/kiosk-AbCdEf12.js");
    expect(chunk.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const entry = await app.request("/widget/suara.js");
    expect(entry.headers.get("cache-control")).toBe("public, max-age=300");
    expect(entry.headers.get("access-control-allow-origin")).toBe("*");
    expect(entry.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
  });
});
