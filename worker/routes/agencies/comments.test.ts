import { beforeEach, describe, expect, it } from "vitest";
import { DEMO_SUPERVISOR_EMAIL } from "../../../db/seed.ts";
import { AGENCY, OFFICER_NIPS, PIN, rating, testApp } from "../../test-app.ts";

let t: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  t = await testApp();
});

const day = "2026-02-02";

describe("GET /api/v1/agencies/:slug/comments", () => {
  it("lists the agency's comments newest first, masked, filtered by service and face, and paged", async () => {
    await t.storeAt([
      rating({ createdAt: `${day}T02:00:00Z`, overall: 1, comment: "Antri lama, hubungi 081234567890" }),
      rating({ createdAt: `${day}T03:00:00Z`, overall: 4, service: "kartu-keluarga", comment: "Cepat sekali" }),
      rating({ createdAt: `${day}T04:00:00Z`, overall: 4, comment: "Ramah" }),
      rating({ createdAt: `${day}T05:00:00Z`, overall: 3 }),
    ]);
    const supervisor = await t.login({ email: DEMO_SUPERVISOR_EMAIL });
    const get = async (query: string) =>
      (
        await t.call("GET", `/api/v1/agencies/${AGENCY}/comments?from=${day}&to=${day}${query}`, { token: supervisor })
      ).json();
    const all = await get("");
    expect(all.comments.map((c: { comment: string }) => c.comment)).toEqual([
      "Ramah",
      "Cepat sekali",
      "Antri lama, hubungi [nomor telepon]",
    ]);
    expect(all).toMatchObject({ page: 1, more: false });
    expect((await get("&service=kartu-keluarga")).comments).toHaveLength(1);
    expect((await get("&face=4")).comments.map((c: { comment: string }) => c.comment)).toEqual([
      "Ramah",
      "Cepat sekali",
    ]);
    const bad = await t.call("GET", `/api/v1/agencies/${AGENCY}/comments?face=5`, { token: supervisor });
    expect(bad.status).toBe(400);
  });
});

describe("GET /api/v1/me/comments", () => {
  it("pages an officer's comments, 20 at a time", async () => {
    const device = await t.pairDevice("loket-1");
    await t.call("POST", "/api/v1/counters/loket-1/duty", { token: device, body: { nip: OFFICER_NIPS[0], pin: PIN } });
    const start = Date.now();
    const taps = Array.from({ length: 25 }, (_, i) =>
      rating({ channel: "kiosk", comment: `Komentar ${i}`, createdAt: new Date(start + i * 1_000).toISOString() }),
    );
    await t.call("POST", "/api/v1/ratings", { token: device, body: { ratings: taps } });
    const officer = await t.login({ nip: OFFICER_NIPS[0] });
    const page = async (n: number) =>
      (await t.call("GET", `/api/v1/me/comments?from=2020-01-01&to=2099-12-31&page=${n}`, { token: officer })).json();
    const first = await page(1);
    expect(first.comments).toHaveLength(20);
    expect(first).toMatchObject({ page: 1, more: true });
    expect(first.comments[0].comment).toBe("Komentar 24");
    const second = await page(2);
    expect(second.comments).toHaveLength(5);
    expect(second.more).toBe(false);
  });
});

describe("a comment's counter", () => {
  it("is named as citizens see it, beside the code the counter filter takes", async () => {
    const device = await t.pairDevice("loket-1");
    await t.call("POST", "/api/v1/ratings", {
      token: device,
      body: { ratings: [rating({ channel: "kiosk", comment: "Loketnya rapi" })] },
    });
    const admin = await t.login();
    const res = await t.call(
      "GET",
      `/api/v1/agencies/${AGENCY}/comments?from=2020-01-01&to=2099-12-31&counter=loket-1`,
      {
        token: admin,
      },
    );
    const { comments } = await res.json();
    expect(comments.find((c: { comment: string }) => c.comment === "Loketnya rapi")).toMatchObject({
      counter: "loket-1",
      counterName: "Loket 1",
    });
  });
});
