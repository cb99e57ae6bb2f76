/**
 * The built Worker in workerd with no usable LIBSQL_URL: its pages, widget scripts and docs come from
 * Static Assets all the same, while every API route and /health answer a 503 that names LIBSQL_URL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_AGENCY } from "../../db/seed.ts";
import { type RunningWorker, startWorker } from "../workerd.ts";

const PAGES: [string, RegExp][] = [
  ["/kiosk/", /<html/],
  ["/dashboard/reports", /<html/],
  ["/widget/suara.js", /customElements|export/],
  ["/r/tkt_abc", /<html/],
  ["/api/v1/docs", /<html/],
];

const API = [`/api/v1/agencies/${DEMO_AGENCY}/form`, "/api/v1/openapi.json", "/api/v1/auth/login", "/health"];

describe.each([
  ["without LIBSQL_URL", {}, /^LIBSQL_URL is not set/],
  ["with a LIBSQL_URL the client refuses", { LIBSQL_URL: "file:suara.db" }, /^LIBSQL_URL cannot be used/],
])("the built Worker %s", (_, bindings, said) => {
  let worker: RunningWorker;
  beforeAll(async () => {
    worker = await startWorker({ bindings });
  });
  afterAll(() => worker?.dispose());

  it("serves the kiosk, dashboard, widget script, hosted rating page and docs page", async () => {
    for (const [path, body] of PAGES) {
      const res = await worker.fetch(path);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toMatch(body);
    }
  });

  it("answers every API route and /health with a JSON 503 that names LIBSQL_URL, and logs it", async () => {
    for (const path of API) {
      const res = await worker.fetch(path, path.endsWith("/login") ? { method: "POST", body: "{}" } : undefined);
      expect(res.status, path).toBe(503);
      expect(res.headers.get("content-type"), path).toMatch(/application\/json/);
      const { error } = (await res.json()) as { error: { code: string; message: string } };
      expect(error.code, path).toBe("database_not_configured");
      expect(error.message, path).toMatch(said);
    }
    expect(worker.logs.join("\n")).toMatch(/"code":"database_not_configured"/);
  });
});
