/**
 * An export whose client went away reads no more pages: through a real socket (Node, where
 * the connection closes) and by cancelling the body (what Workers do when the client leaves).
 * Page reads are counted by drizzle's own query log on the database the app is given.
 */
import { request as httpGet } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { drizzle } from "drizzle-orm/libsql";
import { afterEach, describe, expect, it } from "vitest";
import { type Db, DRIZZLE_CONFIG } from "../../../db/client.ts";
import { createApp } from "../../app.ts";
import { AGENCY_PATH, testApp } from "../../test-app.ts";

/**
 * Ratings a minute apart in November 2026 (WIB days): ten full pages of the export (2,000 a page).
 * Each has a 1,000-character comment, so the export (about 25 MB) is far more than the socket's
 * buffers take (about 9 MB were seen here) and the server is still reading when the client leaves.
 */
const RATINGS = 20_000;
const PAGES = RATINGS / 2000 + 1; // and the empty page that ends it
const CSV = `${AGENCY_PATH}/ratings.csv?period=2026-11&format=raw`;

/** The demo app over a database holding RATINGS ratings, counting the export's page reads. */
async function countingApp() {
  const t = await testApp();
  await t.db.$client.execute(`
    WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < ${RATINGS - 1})
    INSERT INTO ratings (id, agency_id, service_id, channel, overall, comment, locale, created_at, received_at, day, flags, counted, batch)
    SELECT printf('r%05d', i), services.agency_id, services.id, 'kiosk', 1 + i % 4, hex(zeroblob(500)), 'id',
      unixepoch('2026-11-02T01:00:00Z') * 1000 + i * 60000, unixepoch('2026-11-02T01:00:00Z') * 1000 + i * 60000,
      date(unixepoch('2026-11-02T01:00:00Z') + i * 60 + 7 * 3600, 'unixepoch'), '[]', 1, 'test'
    FROM seq, services WHERE services.slug = 'ktp-el'
      AND services.agency_id = (SELECT id FROM agencies WHERE slug = 'disdukcapil-tebingtinggi')`);
  const reads = { pages: 0 };
  const db = drizzle(t.db.$client, {
    ...DRIZZLE_CONFIG,
    logger: { logQuery: (query) => void (/^select .* from "ratings" .* limit \?$/.test(query) && reads.pages++) },
  }) as unknown as Db;
  const app = createApp({ db: () => db, settings: { secureCookies: false } });
  return { app, reads, token: await t.login() };
}

/** Waits until no page has been read for a while (an abandoned export read its pages back to back). */
async function settled(reads: { pages: number }) {
  for (let seen = -1; seen !== reads.pages; ) {
    seen = reads.pages;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

let close = () => {};
afterEach(() => close());

describe("GET /agencies/:slug/ratings.csv when the client leaves", () => {
  it("reads every page for a client that stays", async () => {
    const { app, reads, token } = await countingApp();
    const res = await app.request(CSV, { headers: { authorization: `Bearer ${token}` } });
    expect((await res.text()).trim().split("\n")).toHaveLength(RATINGS + 1);
    expect(reads.pages).toBe(PAGES);
  });

  it("stops reading once the connection closes (Node)", async () => {
    const { app, reads, token } = await countingApp();
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    close = () => server.close();
    await new Promise((resolve) => server.once("listening", resolve));
    const { port } = server.address() as AddressInfo;
    const atClose = await new Promise<number>((resolve, reject) => {
      const req = httpGet(
        { port, host: "127.0.0.1", path: CSV, headers: { authorization: `Bearer ${token}` } },
        (res) => {
          expect(res.statusCode).toBe(200);
          res.once("data", () => {
            resolve(reads.pages);
            req.destroy();
          });
        },
      );
      req.on("error", reject);
      req.end();
    });
    await settled(reads);
    // At most the page being read as the connection closed; never the rest of the period.
    expect(reads.pages - atClose).toBeLessThanOrEqual(1);
    expect(reads.pages).toBeLessThan(PAGES);
  });

  it("stops reading once the body is cancelled (Workers)", async () => {
    const { app, reads, token } = await countingApp();
    const res = await app.request(CSV, { headers: { authorization: `Bearer ${token}` } });
    const body = res.body!.getReader();
    expect((await body.read()).done).toBe(false);
    const atCancel = reads.pages;
    await body.cancel();
    await settled(reads);
    expect(reads.pages - atCancel).toBeLessThanOrEqual(1);
    expect(reads.pages).toBeLessThan(PAGES);
  });
});
