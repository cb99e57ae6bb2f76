/**
 * The Workers entry with its database missing or misconfigured: the pages and widget
 * scripts come from Workers Static Assets all the same; only the API answers 503.
 * ASSETS is the platform's binding, given here as Workers would: a fetcher of the built files.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEMO_AGENCY } from "../db/seed.ts";
import worker, { type WorkerBindings } from "./index.ts";

const BUILT: Record<string, string> = {
  "/kiosk/": "<!doctype html><title>Kiosk</title>",
  "/dashboard/index.html": "<!doctype html><title>Dashboard</title>",
  "/widget/suara.js": "export {};",
  "/widget/rate.html": "<!doctype html><title>Rate</title>",
  "/api-docs/index.html": "<!doctype html><title>API</title>",
};

/** The ASSETS binding over BUILT. */
const assets: WorkerBindings["ASSETS"] = {
  fetch: async (request) => {
    const path = new URL(request instanceof Request ? request.url : request).pathname;
    const body = BUILT[path];
    return body === undefined ? new Response("Not found", { status: 404 }) : new Response(body, { status: 200 });
  },
};

afterEach(() => vi.restoreAllMocks());

describe.each([
  ["without LIBSQL_URL", {}, /LIBSQL_URL is not set/],
  ["with an invalid LIBSQL_URL", { LIBSQL_URL: "not a url" }, /LIBSQL_URL cannot be used/],
])("the Worker %s", (_, bindings, logged) => {
  const env = { ...bindings, ASSETS: assets } as WorkerBindings;
  const get = (path: string) => worker.fetch(new Request(`https://suara.example.go.id${path}`), env, {});

  it("serves the kiosk, dashboard, widget script, rating page and docs page", async () => {
    for (const [path, text] of [
      ["/kiosk/", "Kiosk"],
      ["/dashboard/reports", "Dashboard"],
      ["/widget/suara.js", "export"],
      ["/r/tkt_abc", "Rate"],
      ["/api/v1/docs", "API"],
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toContain(text);
    }
  });

  it("answers the API and /health with 503 and a clear error, and says in the log what to fix", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    for (const path of [`/api/v1/agencies/${DEMO_AGENCY}/form`, "/health"]) {
      const res = await get(path);
      expect(res.status, path).toBe(503);
      expect(res.headers.get("retry-after")).toBe("5");
      const body = await res.json();
      expect(body.error.code).toBe("unavailable");
      expect(body.error.message).toMatch(/not configured/);
    }
    expect(log.mock.calls.flat().join("\n")).toMatch(logged);
  });
});
