import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { RatingInput } from "../core/contract.ts";
import { ratings } from "../db/schema.ts";
import { createIngestQueue } from "./ingest-queue.ts";
import { AGENCY, ORIGIN, rating, testApp } from "./test-app.ts";

const sender = { device: null, origin: ORIGIN };
const item = (fields: Record<string, unknown> = {}) => ({ input: rating(fields) as RatingInput, sender });

describe("createIngestQueue", () => {
  it("answers each concurrent caller with its own results, in order, sharing transactions", async () => {
    const { db } = await testApp();
    const ingest = createIngestQueue(db);
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
    const { db } = await testApp();
    const ingest = createIngestQueue(db);
    const answers = await Promise.all(Array.from({ length: 40 }, () => ingest([item()])));
    expect(answers.flat().every((r) => r.status === "accepted")).toBe(true);
    const batches = await db.selectDistinct({ batch: ratings.batch }).from(ratings);
    // The first call starts a transaction alone; the 39 that arrive meanwhile share the next.
    expect(batches.length).toBeLessThanOrEqual(3);
  });

  it("stores an id sent by two callers at once only once", async () => {
    const { db } = await testApp();
    const ingest = createIngestQueue(db);
    const twin = item();
    const [a, b] = await Promise.all([ingest([twin]), ingest([twin])]);
    expect([a[0].status, b[0].status].sort()).toEqual(["accepted", "duplicate"]);
    expect((await db.select({ n: count() }).from(ratings))[0].n).toBe(1);
  });

  it("never puts more than maxItems ratings in one transaction, nor splits a call", async () => {
    const { db } = await testApp();
    const ingest = createIngestQueue(db, { maxItems: 3 });
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
    const t = await testApp();
    const ingest = createIngestQueue(t.db);
    t.db.$client.close();
    await expect(Promise.all([ingest([item()]), ingest([item()])])).rejects.toThrow();
    const res = await t.call("POST", "/api/v1/ratings", {
      body: { ratings: [rating({ agency: AGENCY })] },
      headers: { origin: ORIGIN },
    });
    expect(res.status).toBe(503);
  });
});
