/**
 * The file stays the file (app level, through both stores): once the database file
 * is deleted or replaced under the app, nothing is acknowledged that went into the
 * old file: ratings, management writes and /health answer 503 database_file_lost.
 * The same through the real Node server is in worker/node-file.test.ts. Not the remote
 * store: a server on sqld or Turso has no file of its own to watch; the database's host does.
 */
import { copyFileSync, renameSync, rmSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEMO_ADMIN_EMAIL } from "../db/seed.ts";
import { createNodeLog } from "./log-node.ts";
import { AGENCY, ORIGIN, rating, STORES, testApp } from "./test-app.ts";

const widget = { headers: { origin: ORIGIN } };

/** Ways the file at the path stops being the file the app opened. */
const CHANGES = {
  deleted: (file: string) => rmSync(file),
  // A copy renamed over the path: the same content, but a new file (new inode) nobody's connection has open.
  replaced: (file: string) => {
    copyFileSync(file, `${file}.copy`);
    renameSync(`${file}.copy`, file);
  },
};

const EMBEDDED = STORES.filter((store) => store !== "remote");

describe.each(EMBEDDED)("a database file deleted or replaced under the app (%s store)", (store) => {
  it.each(Object.keys(CHANGES) as (keyof typeof CHANGES)[])(
    "%s: ratings, other writes and /health answer 503 database_file_lost with Retry-After",
    async (change) => {
      const lines: string[] = [];
      const log = createNodeLog({ destination: { write: (line: string) => void lines.push(line) } });
      const t = await testApp({ store, log });
      const admin = await t.login({ email: DEMO_ADMIN_EMAIL });
      const before = await t.call("POST", "/api/v1/ratings", { body: { ratings: [rating()] }, ...widget });
      expect((await before.json()).results[0].status).toBe("accepted");

      CHANGES[change](t.file);

      const ratings = await t.call("POST", "/api/v1/ratings", { body: { ratings: [rating()] }, ...widget });
      expect(ratings.status).toBe(503);
      expect(ratings.headers.get("retry-after")).toBe("30");
      const body = await ratings.json();
      expect(body.error.code).toBe("database_file_lost");
      expect(body.error.message).toMatch(/deleted or replaced/);

      const service = await t.call("POST", `/api/v1/agencies/${AGENCY}/services`, {
        token: admin,
        body: { slug: "akta-lahir-baru", name: "Akta Kelahiran (baru)" },
      });
      expect(service.status).toBe(503);
      expect((await service.json()).error.code).toBe("database_file_lost");

      const health = await t.call("GET", "/health");
      expect(health.status).toBe(503);
      expect((await health.json()).error.code).toBe("database_file_lost");

      // The log names the cause the callers were given, once per route, with no stack.
      const logged = lines.map((line) => JSON.parse(line)).filter((e) => e.status === 503);
      expect(logged.map((e) => `${e.route} ${e.code} ${e.kind}`)).toEqual([
        "/api/v1/ratings database_file_lost storage",
        "/api/v1/agencies/:slug/services database_file_lost storage",
        "/health database_file_lost storage",
      ]);
      expect(logged.some((e) => "stack" in e)).toBe(false);
    },
  );

  it("keeps refusing once the file was lost, even if the same content is put back", async () => {
    const t = await testApp({ store });
    CHANGES.replaced(t.file);
    expect((await t.call("GET", "/health")).status).toBe(503);
    // Another copy at the path: still not the file the app opened, still refused.
    CHANGES.replaced(t.file);
    const res = await t.call("POST", "/api/v1/ratings", { body: { ratings: [rating()] }, ...widget });
    expect(res.status).toBe(503);
  });
});
