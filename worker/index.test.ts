/**
 * The Workers entry with its database missing or misconfigured: the pages and widget
 * scripts come from Workers Static Assets all the same; only the API answers 503.
 * ASSETS is the platform's binding, given here as Workers would: a fetcher of the built files.
 */
import { createClient } from "@libsql/client/web";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEMO_AGENCY } from "../db/seed.ts";
import worker, { type WorkerBindings } from "./index.ts";

// The library's own createClient, counted: how a test sees which requests made a database client.
vi.mock("@libsql/client/web", async (original) => {
  const library = await original<typeof import("@libsql/client/web")>();
  return { ...library, createClient: vi.fn(library.createClient) };
});

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
  // The log says it once per route every 10 s (an outage's way), so only a case's first run finds it there.
  ["without LIBSQL_URL", {}, /^LIBSQL_URL is not set/, /LIBSQL_URL is not set/],
  ["with an empty LIBSQL_URL", { LIBSQL_URL: " " }, /^LIBSQL_URL is not set/, null],
  ["with an invalid LIBSQL_URL", { LIBSQL_URL: "not a url" }, /^LIBSQL_URL cannot be used/, /URL_INVALID|not a url/],
  [
    "with a file: LIBSQL_URL, which Workers cannot open",
    { LIBSQL_URL: "file:suara.db" },
    /^LIBSQL_URL cannot be used/,
    /file:/,
  ],
])("the Worker %s", (_, bindings, said, logged) => {
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

  it("answers every API route and /health with a 503 that names LIBSQL_URL, and says so in the log", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const paths = [`/api/v1/agencies/${DEMO_AGENCY}/form`, "/api/v1/openapi.json", "/api/v1/auth/login", "/health"];
    for (const path of paths) {
      const res = await get(path);
      expect(res.status, path).toBe(503);
      expect(res.headers.get("retry-after")).toBe("30");
      const body = await res.json();
      expect(body.error.code, path).toBe("database_not_configured");
      expect(body.error.message, path).toMatch(said);
    }
    if (logged) expect(log.mock.calls.flat().join("\n")).toMatch(logged);
  });
});

describe("the Worker with a usable LIBSQL_URL", () => {
  // Nothing listens on port 9 (discard): a query gets no answer, only a refused connection.
  const env = { LIBSQL_URL: "http://127.0.0.1:9", ASSETS: assets } as WorkerBindings;
  const get = (path: string) => worker.fetch(new Request(`https://suara.example.go.id${path}`), env, {});
  const made = vi.mocked(createClient);

  it("makes a database client only for a request that queries, and none for pages or the API's document", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    await get("/api/v1/openapi.json"); // the isolate's first API request checks the URL once
    made.mockClear();
    for (const path of ["/kiosk/", "/widget/suara.js", "/r/tkt_abc", "/api/v1/docs", "/api/v1/openapi.json"]) {
      expect((await get(path)).status, path).toBe(200);
    }
    expect(made).not.toHaveBeenCalled();
    const res = await get(`/api/v1/agencies/${DEMO_AGENCY}/form`);
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe("unavailable");
    expect(made).toHaveBeenCalledTimes(1);
  });
});
