/**
 * The log carries no personal data (UU 27/2022): requests full of e-mails,
 * NIPs, names, comments, phone numbers, tokens, passwords and addresses, some
 * of them failing on our side, leave JSON lines with route patterns, statuses
 * and codes only, through both ways of storing ratings.
 */
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createNodeLog } from "./log-node.ts";
import { OUTAGE_LOG_MS } from "./middleware/observe.ts";
import { AGENCY, OFFICER_NIPS, ORIGIN, rating, STORES, testApp } from "./test-app.ts";

/** Everything personal the requests below carry; none of it may reach the log. */
const PERSONAL = {
  email: "siti.rahayu@example.go.id",
  password: "Rahasia-Sandi-99",
  nip: OFFICER_NIPS[0],
  name: "Budi Santoso",
  phone: "081234567890",
  commentEmail: "warga.kecewa@example.com",
  citizenIp: "203.0.113.77",
  forwardedIp: "198.51.100.23",
  token: "ses_f4k3t0k3n5ecr3tvalue",
};

afterEach(() => {
  vi.useRealTimers();
});

describe.each(STORES)("the log (%s store)", (store) => {
  it("has one JSON object per line with route, status and code, and no personal data", async () => {
    const lines: string[] = [];
    // At debug, so the access lines are checked too.
    const log = createNodeLog({ level: "debug", destination: { write: (line: string) => void lines.push(line) } });
    const t = await testApp({ store, log });
    const caller = { "x-test-ip": PERSONAL.citizenIp, "x-forwarded-for": PERSONAL.forwardedIp };
    const comment = `Petugas ${PERSONAL.name} kasar, hubungi ${PERSONAL.phone} atau ${PERSONAL.commentEmail}`;

    const signIns = [{ email: PERSONAL.email }, { nip: PERSONAL.nip }];
    for (const who of signIns) {
      const res = await t.call("POST", "/api/v1/auth/login", {
        body: { ...who, password: PERSONAL.password },
        headers: caller,
      });
      expect(res.status).toBe(401);
    }
    const refused = await t.call("GET", `/api/v1/agencies/${AGENCY}/report?email=${PERSONAL.email}`, {
      token: PERSONAL.token,
      headers: caller,
    });
    expect(refused.status).toBe(401);
    const rated = await t.call("POST", "/api/v1/ratings", {
      body: { ratings: [rating({ overall: 1, comment })] },
      headers: { ...caller, origin: ORIGIN },
    });
    expect(rated.status).toBe(200);

    // A database that fails a rating: 503, logged once.
    const release = await t.holdWriteLock();
    try {
      const res = await t.call("POST", "/api/v1/ratings", {
        body: { ratings: [rating({ overall: 2, comment })] },
        headers: { ...caller, origin: ORIGIN },
      });
      expect(res.status).toBe(503);
    } finally {
      await release();
    }
    // A failure nobody expected, in a query whose parameters hold the e-mail: 500, logged once.
    await t.db.run(sql`ALTER TABLE users RENAME TO users_gone`);
    const broken = await t.call("POST", "/api/v1/auth/login", {
      body: { email: PERSONAL.email, password: PERSONAL.password },
      headers: caller,
    });
    expect(broken.status).toBe(500);

    const events = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.every((line) => line.endsWith("\n") && !line.slice(0, -1).includes("\n"))).toBe(true);
    const failures = events.filter((e) => Number(e.status) >= 500);
    expect(failures).toEqual([
      expect.objectContaining({
        level: "error",
        route: "/api/v1/ratings",
        status: 503,
        code: "unavailable",
        kind: "busy",
        msg: expect.any(String),
      }),
      expect.objectContaining({
        level: "error",
        route: "/api/v1/auth/login",
        status: 500,
        code: "internal",
        error: expect.stringMatching(/no such table: users/),
      }),
    ]);
    expect(events.filter((e) => e.level === "debug").map((e) => `${e.route} ${e.status}`)).toEqual([
      "/api/v1/auth/login 401",
      "/api/v1/auth/login 401",
      "/api/v1/agencies/:slug/report 401",
      "/api/v1/ratings 200",
    ]);
    const text = lines.join("");
    for (const [what, value] of Object.entries(PERSONAL)) expect(text, what).not.toContain(value);
    expect(text).not.toMatch(/Santoso|kasar|example\.(go\.id|com)/);
  });

  it("writes a database outage once per route and kind every 10 s, saying how many it left out", async () => {
    const lines: string[] = [];
    const log = createNodeLog({ level: "info", destination: { write: (line: string) => void lines.push(line) } });
    const t = await testApp({ store, log });
    vi.useFakeTimers({ toFake: ["Date"] });
    const rate = () =>
      t.call("POST", "/api/v1/ratings", { body: { ratings: [rating()] }, headers: { origin: ORIGIN } });
    const release = await t.holdWriteLock();
    try {
      for (let i = 0; i < 3; i++) expect((await rate()).status).toBe(503);
      vi.setSystemTime(Date.now() + OUTAGE_LOG_MS + 1);
      expect((await rate()).status).toBe(503);
    } finally {
      await release();
    }
    const failures = lines.map((line) => JSON.parse(line)).filter((e) => e.status === 503);
    expect(failures).toEqual([
      expect.objectContaining({ route: "/api/v1/ratings", code: "unavailable", kind: "busy" }),
      expect.objectContaining({ route: "/api/v1/ratings", kind: "busy", omitted: 2 }),
    ]);
    expect(failures[0]).not.toHaveProperty("omitted");
  });
});
