/**
 * Who vouches for a rating (docs/design.md, "Who vouches"): a rating counts toward an
 * officer's indicator only when someone other than that officer vouches for the
 * service. Tried as a dishonest officer would: tickets made for oneself count for
 * the unit, never for the officer; issuing is paced; a queue system's key vouches
 * only for the officer on duty.
 */
import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { auditLog, integrationKeys, ratings, tickets } from "../../db/schema.ts";
import { AGENCY, OFFICER_NIPS, PIN, rating, STORES, testApp } from "../test-app.ts";

const ALL_TIME = "from=2020-01-01&to=2099-12-31";
const ALL_FOUR = Object.fromEntries(
  ["persyaratan", "prosedur", "waktu", "biaya", "produk", "kompetensi", "perilaku", "pengaduan", "sarana"].map((e) => [
    e,
    4,
  ]),
);

describe.each(STORES)("ratings stored through the %s", (store) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeEach(async () => {
    t = await testApp({ store });
  });

  const issue = async (token: string, body: Record<string, unknown>) => {
    const res = await t.call("POST", "/api/v1/tickets", { token, body });
    return { status: res.status, body: await res.json(), headers: res.headers };
  };
  let citizen = 0;
  /** A citizen (each from an address of their own, as phones are) rates with a ticket. */
  const rateWith = async (ticket: string, fields: Record<string, unknown> = {}) => {
    citizen += 1;
    const res = await t.call("POST", "/api/v1/ratings", {
      headers: { "x-test-ip": `198.51.100.${citizen % 250}` },
      body: { ratings: [rating({ channel: "qr", ticket, overall: 4, answers: ALL_FOUR, ...fields })] },
    });
    return (await res.json()).results[0];
  };
  /** Lets the pace's windows pass for the tickets already made, as hours would. */
  const hoursPass = () => t.db.run(sql`UPDATE tickets SET created_at = created_at - ${2 * 3_600_000}`);
  const score = async (token: string) =>
    (await (await t.call("GET", `/api/v1/me/score?${ALL_TIME}`, { token })).json()) as { n: number; fair: number };
  const report = async () =>
    (await (
      await t.call("GET", `/api/v1/agencies/${AGENCY}/report?${ALL_TIME}`, { token: await t.login() })
    ).json()) as {
      respondents: number;
      quick: { n: number };
      byOfficer: { officer: string; n: number }[];
    };

  it("leaves an officer's n and fair score unchanged by 100 tickets they made and rated themselves", async () => {
    const device = await t.pairDevice("loket-1");
    await t.call("POST", "/api/v1/counters/loket-1/duty", { token: device, body: { nip: OFFICER_NIPS[0], pin: PIN } });
    // The officer's real service: ten citizens at the tablet since the check-in, 20 s apart, mixed faces.
    const start = Date.now() + 1_000;
    const taps = Array.from({ length: 10 }, (_, i) =>
      rating({ channel: "kiosk", overall: i % 2 ? 3 : 2, createdAt: new Date(start + i * 20_000).toISOString() }),
    );
    await t.call("POST", "/api/v1/ratings", { token: device, body: { ratings: taps } });
    const officer = await t.login({ nip: OFFICER_NIPS[0] });
    const before = await score(officer);
    const unitBefore = await report();
    expect(before.n).toBe(10);

    let accepted = 0;
    for (let round = 0; round < 10; round++) {
      for (let i = 0; i < 10; i++) {
        const made = await issue(officer, { service: "ktp-el" });
        expect(made.status).toBe(200);
        if ((await rateWith(made.body.ticket)).status === "accepted") accepted += 1;
      }
      await hoursPass();
    }
    expect(accepted).toBe(100);
    const after = await score(officer);
    expect(after).toMatchObject({ n: before.n, fair: before.fair });
    // They count for the unit (its SKM respondents and quick index), flagged, under no officer.
    const unitAfter = await report();
    expect(unitAfter.respondents).toBe(unitBefore.respondents + 100);
    expect(unitAfter.quick.n).toBe(unitBefore.quick.n + 100);
    const officerId = await t.officerId(OFFICER_NIPS[0]);
    expect(unitAfter.byOfficer.find((o) => o.officer === officerId)?.n).toBe(10);
    const flagged = await t.db.select({ flags: ratings.flags }).from(ratings).where(eq(ratings.channel, "qr"));
    expect(flagged.every((r) => r.flags.includes("self_issued"))).toBe(true);
  });

  it("counts for the officer a ticket their counter's tablet, a queue system or a supervisor vouched for", async () => {
    const device = await t.pairDevice("loket-1");
    await t.call("POST", "/api/v1/counters/loket-1/duty", { token: device, body: { nip: OFFICER_NIPS[0], pin: PIN } });
    const admin = await t.login();
    const key = (
      await (
        await t.call("POST", `/api/v1/agencies/${AGENCY}/integration-keys`, { token: admin, body: { name: "Antrean" } })
      ).json()
    ).secret;
    const supervisor = await t.login({ email: "supervisor@demo.suara.id" });
    const officerId = await t.officerId(OFFICER_NIPS[0]);
    const made = [
      await issue(device, { service: "ktp-el" }),
      await issue(key, { service: "ktp-el", counter: "loket-1", nip: OFFICER_NIPS[0] }),
      await issue(supervisor, { service: "ktp-el", officer: officerId, reason: "Layanan di meja tanpa tablet" }),
    ];
    for (const m of made) expect((await rateWith(m.body.ticket)).status).toBe("accepted");
    const sources = await t.db.select({ source: tickets.source, officerId: tickets.officerId }).from(tickets);
    expect(sources.map((s) => s.source).sort()).toEqual(["device", "integration", "staff"]);
    expect(sources.every((s) => s.officerId === officerId)).toBe(true);
    const mine = await score(await t.login({ nip: OFFICER_NIPS[0] }));
    expect(mine.n).toBe(3);
    const stored = await t.db.select({ flags: ratings.flags }).from(ratings);
    expect(stored.every((r) => !r.flags.includes("self_issued"))).toBe(true);
  });
});

describe("issuing tickets", () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeEach(async () => {
    t = await testApp();
  });
  const issue = (token: string, body: Record<string, unknown>) => t.call("POST", "/api/v1/tickets", { token, body });

  it("keeps a plausible pace per officer: 10 in 5 minutes, then 429 ticket_pace with Retry-After", async () => {
    const officer = await t.login({ nip: OFFICER_NIPS[0] });
    for (let i = 0; i < 10; i++) expect((await issue(officer, { service: "ktp-el" })).status).toBe(200);
    const refused = await issue(officer, { service: "ktp-el" });
    expect(refused.status).toBe(429);
    expect((await refused.json()).error.code).toBe("ticket_pace");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(200);
    expect(await t.db.select().from(tickets)).toHaveLength(10);
    // A colleague is not slowed down by it.
    expect((await issue(await t.login({ nip: OFFICER_NIPS[1] }), { service: "ktp-el" })).status).toBe(200);
  });

  it("holds the pace when tickets are asked for all at once", async () => {
    const officer = await t.login({ nip: OFFICER_NIPS[0] });
    const answers = await Promise.all(Array.from({ length: 30 }, () => issue(officer, { service: "ktp-el" })));
    expect(answers.filter((r) => r.status === 200)).toHaveLength(10);
    expect(answers.filter((r) => r.status === 429)).toHaveLength(20);
    expect(await t.db.select().from(tickets)).toHaveLength(10);
  });

  it("keeps the pace per counter and per hour: 60 an hour, however they are spread", async () => {
    const device = await t.pairDevice("loket-2");
    for (let i = 0; i < 60; i++) {
      if (i % 10 === 0 && i > 0) {
        // Each ten 6 minutes older than the next: the 5-minute window lets them through, the hour does not.
        await t.db.run(sql`UPDATE tickets SET created_at = created_at - ${6 * 60_000}`);
      }
      expect((await issue(device, { service: "akta-kelahiran" })).status).toBe(200);
    }
    await t.db.run(sql`UPDATE tickets SET created_at = created_at - ${6 * 60_000}`);
    expect((await issue(device, { service: "akta-kelahiran" })).status).toBe(429);
  });

  it("refuses tickets naming a deactivated officer", async () => {
    const admin = await t.login();
    const officerId = await t.officerId(OFFICER_NIPS[1]);
    await t.call("DELETE", `/api/v1/agencies/${AGENCY}/officers/${officerId}`, { token: admin });
    const res = await issue(admin, { service: "ktp-el", officer: officerId, reason: "Antrean manual" });
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe("officer_inactive");
    expect(await t.db.select().from(tickets)).toHaveLength(0);
  });
});

describe("integration keys", () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let admin: string;
  const keys = `/api/v1/agencies/${AGENCY}/integration-keys`;
  beforeEach(async () => {
    t = await testApp();
    admin = await t.login();
  });
  const makeKey = async (name = "Sistem antrean") => {
    const res = await t.call("POST", keys, { token: admin, body: { name } });
    expect(res.status).toBe(200);
    return res.json() as Promise<{ key: { id: string; name: string }; secret: string }>;
  };

  it("are shown once, stored hashed, listed with their last use, and audited", async () => {
    const made = await makeKey();
    expect(made.secret).toMatch(/^key_/);
    const [row] = await t.db.select().from(integrationKeys);
    expect(row.keyHash).not.toContain(made.secret);
    expect(JSON.stringify(row)).not.toContain(made.secret);
    const listed = await (await t.call("GET", keys, { token: admin })).json();
    expect(listed.keys).toEqual([
      expect.objectContaining({ id: made.key.id, name: "Sistem antrean", lastUsedAt: null }),
    ]);
    expect(JSON.stringify(listed)).not.toContain(made.secret);

    const device = await t.pairDevice("loket-3", admin);
    await t.call("POST", "/api/v1/counters/loket-3/duty", { token: device, body: { nip: OFFICER_NIPS[2], pin: PIN } });
    const ticket = await t.call("POST", "/api/v1/tickets", {
      token: made.secret,
      body: { service: "pindah-datang", counter: "loket-3" },
    });
    expect(ticket.status).toBe(200);
    const described = await (await t.call("GET", `/api/v1/tickets/${(await ticket.json()).ticket}`)).json();
    expect(described.officer.name).toBe("Dewi Lestari Nasution");
    const used = await (await t.call("GET", keys, { token: admin })).json();
    expect(used.keys[0].lastUsedAt).toBeGreaterThan(0);
    const audit = await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.target, made.key.id));
    expect(audit.map((a) => a.action)).toEqual(["integration_key.create"]);
  });

  it("vouch only for the officer on duty at the counter they name", async () => {
    const { secret } = await makeKey();
    const ticket = (body: Record<string, unknown>) => t.call("POST", "/api/v1/tickets", { token: secret, body });
    const noCounter = await ticket({ service: "ktp-el" });
    expect(noCounter.status).toBe(400);
    expect((await noCounter.json()).error.code).toBe("counter_required");
    // Nobody on duty: a colleague named by NIP is not on duty there.
    const notOnDuty = await ticket({ service: "ktp-el", counter: "loket-1", nip: OFFICER_NIPS[1] });
    expect(notOnDuty.status).toBe(409);
    expect((await notOnDuty.json()).error.code).toBe("not_on_duty");
    expect(await t.db.select().from(tickets)).toHaveLength(0);
    // A key may do nothing else.
    expect((await t.call("GET", `/api/v1/agencies/${AGENCY}/report`, { token: secret })).status).toBe(403);
  });

  it("stop working at once when revoked, audited", async () => {
    const made = await makeKey();
    const revoked = await t.call("DELETE", `${keys}/${made.key.id}`, { token: admin });
    expect(revoked.status).toBe(200);
    expect((await revoked.json()).key.revokedAt).toBeGreaterThan(0);
    const res = await t.call("POST", "/api/v1/tickets", {
      token: made.secret,
      body: { service: "ktp-el", counter: "loket-1" },
    });
    expect(res.status).toBe(401);
    const audit = await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.target, made.key.id));
    expect(audit.map((a) => a.action)).toEqual(["integration_key.create", "integration_key.revoke"]);
  });

  it("of one agency make no ticket at another's counter", async () => {
    const other = await t.login({ email: "admin@jayapura.test" });
    const foreignKey = (
      await (
        await t.call("POST", "/api/v1/agencies/dukcapil-jayapura/integration-keys", {
          token: other,
          body: { name: "A" },
        })
      ).json()
    ).secret;
    // Its loket-1 is its own agency's; the demo agency's officers are not there.
    const res = await t.call("POST", "/api/v1/tickets", {
      token: foreignKey,
      body: { service: "ktp-el", counter: "loket-1", nip: OFFICER_NIPS[0] },
    });
    expect(res.status).toBe(404);
  });
});
