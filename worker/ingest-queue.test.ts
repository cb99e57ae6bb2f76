import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { RatingInput } from "../core/contract.ts";
import { ratings } from "../db/schema.ts";
import { createIngestQueue } from "./ingest-queue.ts";
import { AGENCY, ORIGIN, rating, STORES, type Store, testApp } from "./test-app.ts";

const sender = { device: null, origin: ORIGIN };
const item = (fields: Record<string, unknown> = {}) => ({ input: rating(fields) as RatingInput, sender });

/** A fresh app and a queue storing as `store` does. */
const setUp = async (store: Store, options: { maxItems?: number; maxWaitMs?: number } = {}) => {
  const t = await testApp({ store });
  return { ...t, ingest: createIngestQueue(t.db, { ...options, file: t.embedded }) };
};

describe.each(STORES)("createIngestQueue storing through the %s", (store) => {
  it("answers each concurrent caller with its own results, in order, sharing transactions", async () => {
    const { db, ingest } = await setUp(store);
    const calls = Array.from({ length: 40 }, (_, i) => [item(), item({ service: i % 2 ? "paspor" : "ktp-el" })]);
    const answers = await Promise.all(calls.map((items) => ingest(items)));
    answers.forEach((results, i) => {
      expect(results.map((r) => r.id)).toEqual(calls[i].map((c) => c.input.id));
      expect(results[0].status).toBe("accepted");
      expect(results[1].status).toBe(i % 2 ? "rejected" : "accepted");
    });
    expect((await db.select({ n: count() }).from(ratings))[0].n).toBe(60);
  });

  it("writes 40 concurrent single-rating calls in a few shared transactions, not 40", async () => {
    const { db, ingest } = await setUp(store);
    const answers = await Promise.all(Array.from({ length: 40 }, () => ingest([item()])));
    expect(answers.flat().every((r) => r.status === "accepted")).toBe(true);
    const batches = await db.selectDistinct({ batch: ratings.batch }).from(ratings);
    // The first call starts a transaction alone; the 39 that arrive meanwhile share the next.
    expect(batches.length).toBeLessThanOrEqual(3);
  });

  it("puts calls that arrive in the next turns into the same transaction, as long as more keep coming", async () => {
    // A generous bound: what is shown is the waiting for more, not the default bound.
    const { db, ingest } = await setUp(store, { maxWaitMs: 1000 });
    const waves = [[], [], []] as Promise<unknown>[][];
    for (const wave of waves) {
      for (let i = 0; i < 5; i++) wave.push(ingest([item()]));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(waves.flat());
    const batches = await db.selectDistinct({ batch: ratings.batch }).from(ratings);
    expect(batches).toHaveLength(1);
  });

  it("holds nobody when maxWaitMs is 0: the next turn's calls get their own transaction", async () => {
    const t = await setUp(store, { maxWaitMs: 0 });
    const first = [t.ingest([item()]), t.ingest([item()])];
    await new Promise((resolve) => setImmediate(resolve));
    await Promise.all([...first, t.ingest([item()])]);
    expect(await t.db.selectDistinct({ batch: ratings.batch }).from(ratings)).toHaveLength(2);
  });

  it("stores an id sent by two callers at once only once", async () => {
    const { db, ingest } = await setUp(store);
    const twin = item();
    const [a, b] = await Promise.all([ingest([twin]), ingest([twin])]);
    expect([a[0].status, b[0].status].sort()).toEqual(["accepted", "duplicate"]);
    expect((await db.select({ n: count() }).from(ratings))[0].n).toBe(1);
  });

  it("never puts more than maxItems ratings in one transaction, nor splits a call", async () => {
    const { db, ingest } = await setUp(store, { maxItems: 3 });
    const answers = await Promise.all([
      ingest([item(), item()]),
      ingest([item(), item()]),
      ingest([item(), item(), item(), item()]),
    ]);
    expect(answers.flat().every((r) => r.status === "accepted")).toBe(true);
    const batches = await db.selectDistinct({ batch: ratings.batch }).from(ratings);
    expect(batches).toHaveLength(3);
  });

  it("fails every waiting caller when the database does, and the API answers 503", async () => {
    const t = await setUp(store);
    t.db.$client.close();
    t.embedded?.close();
    await expect(Promise.all([t.ingest([item()]), t.ingest([item()])])).rejects.toThrow();
    const res = await t.call("POST", "/api/v1/ratings", {
      body: { ratings: [rating({ agency: AGENCY })] },
      headers: { origin: ORIGIN },
    });
    expect(res.status).toBe(503);
  });
});

describe("the group commit on the file's own connection", () => {
  it("answers 503, not 500, when only the file's own connection is gone", async () => {
    const t = await setUp("file");
    t.embedded?.close();
    const res = await t.call("POST", "/api/v1/ratings", {
      body: { ratings: [rating({ agency: AGENCY })] },
      headers: { origin: ORIGIN },
    });
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe("unavailable");
  });
});
