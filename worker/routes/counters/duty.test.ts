import { and, eq, like } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { auditLog, duties } from "../../../db/schema.ts";
import { DEMO_SUPERVISOR_EMAIL } from "../../../db/seed.ts";
import { createDeviceSigner } from "../../../tests/device-signer.ts";
import { SESSION_COOKIE } from "../../middleware/auth.ts";
import { AGENCY, OFFICER_NIPS, OTHER_ADMIN_EMAIL, OTHER_AGENCY, PIN, testApp } from "../../test-app.ts";

let t: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  t = await testApp();
});

/** The audit entries of one duty, oldest first: what happened and from where. */
async function dutyAudit(dutyId: string) {
  const rows = await t.db
    .select({ action: auditLog.action, details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.target, dutyId), like(auditLog.action, "duty.%")))
    .orderBy(auditLog.id);
  return rows.map((r) => {
    const details = r.details as { via: string; reason?: string };
    return { action: r.action, via: details.via, ...(details.reason ? { reason: details.reason } : {}) };
  });
}

describe("duty at a counter", () => {
  it("checks an officer in from the counter's kiosk with NIP and PIN, and shows who serves", async () => {
    const device = await t.pairDevice("loket-1");
    const res = await t.call("POST", "/api/v1/counters/loket-1/duty", {
      token: device,
      body: { nip: OFFICER_NIPS[3], pin: PIN },
    });
    expect(res.status).toBe(200);
    const now = await (await t.call("GET", "/api/v1/counters/loket-1/duty", { token: device })).json();
    expect(now.duty.name).toBe("Ahmad Fauzi Lubis");
  });

  it("refuses a wrong PIN, and locks that NIP on the device after 5, even for the right PIN", async () => {
    const device = await t.pairDevice("loket-1");
    const attempt = (pin: string, nip = OFFICER_NIPS[3]) =>
      t.call("POST", "/api/v1/counters/loket-1/duty", { token: device, body: { nip, pin } });
    const first = await attempt("000000");
    expect(first.status).toBe(401);
    expect((await first.json()).error.code).toBe("invalid_credentials");
    for (let i = 0; i < 4; i++) await attempt("000000");
    expect((await attempt(PIN)).status).toBe(429);
    // Another officer at the same tablet is not locked out by it.
    expect((await attempt(PIN, OFFICER_NIPS[4])).status).toBe(200);
  });

  it("never checks in after 40 concurrent wrong PINs, with the right one right after", async () => {
    const device = await t.pairDevice("loket-1");
    const attempt = (pin: string) =>
      t.call("POST", "/api/v1/counters/loket-1/duty", { token: device, body: { nip: OFFICER_NIPS[3], pin } });
    const wrong = Promise.all(Array.from({ length: 40 }, (_, i) => attempt(String(100000 + i))));
    const right = await attempt(PIN);
    await wrong;
    expect(right.status).toBe(429);
  });

  it("moves an officer who checks in elsewhere, and refuses a counter someone else serves (409 counter_busy)", async () => {
    const officer = await t.login({ nip: OFFICER_NIPS[0] });
    await t.call("POST", "/api/v1/counters/loket-1/duty", { token: officer, body: {} });
    await t.call("POST", "/api/v1/counters/loket-2/duty", { token: officer, body: {} });
    const loket1 = await (await t.call("GET", "/api/v1/counters/loket-1/duty", { token: officer })).json();
    const loket2 = await (await t.call("GET", "/api/v1/counters/loket-2/duty", { token: officer })).json();
    expect(loket1.duty).toBeNull();
    expect(loket2.duty.officerId).toBe(await t.officerId(OFFICER_NIPS[0]));
    // A colleague from the dashboard, and a supervisor for them, cannot take the counter over.
    const colleague = await t.login({ nip: OFFICER_NIPS[1] });
    const taken = await t.call("POST", "/api/v1/counters/loket-2/duty", { token: colleague, body: {} });
    expect(taken.status).toBe(409);
    expect((await taken.json()).error.code).toBe("counter_busy");
    const supervisor = await t.login({ email: DEMO_SUPERVISOR_EMAIL });
    const forColleague = await t.call("POST", "/api/v1/counters/loket-2/duty", {
      token: supervisor,
      body: { officer: await t.officerId(OFFICER_NIPS[1]) },
    });
    expect(forColleague.status).toBe(409);
    const after = await (await t.call("GET", "/api/v1/counters/loket-2/duty", { token: officer })).json();
    expect(after.duty.officerId).toBe(await t.officerId(OFFICER_NIPS[0]));
    // An officer may not check a colleague out.
    expect((await t.call("DELETE", "/api/v1/counters/loket-2/duty", { token: colleague })).status).toBe(403);
  });

  it("ends a duty at the tablet only with the PIN of the officer on duty", async () => {
    const device = await t.pairDevice("loket-1");
    await t.call("POST", "/api/v1/counters/loket-1/duty", { token: device, body: { nip: OFFICER_NIPS[3], pin: PIN } });
    const end = (body?: unknown) => t.call("DELETE", "/api/v1/counters/loket-1/duty", { token: device, body });
    const serving = async () =>
      (await (await t.call("GET", "/api/v1/counters/loket-1/duty", { token: device })).json()).duty;

    const bare = await end();
    expect(bare.status).toBe(400);
    expect((await bare.json()).error.code).toBe("pin_required");
    const wrong = await end({ pin: "000000" });
    expect(wrong.status).toBe(401);
    expect((await serving())?.name).toBe("Ahmad Fauzi Lubis");
    expect((await end({ pin: PIN })).status).toBe(200);
    expect(await serving()).toBeNull();
  });

  it("lets an officer checking in at the tablet end the previous duty there, audited as replaced", async () => {
    const device = await t.pairDevice("loket-1");
    const checkIn = (nip: string) =>
      t.call("POST", "/api/v1/counters/loket-1/duty", { token: device, body: { nip, pin: PIN } });
    const first = (await (await checkIn(OFFICER_NIPS[3])).json()).duty.id;
    expect((await checkIn(OFFICER_NIPS[4])).status).toBe(200);
    const [ended] = await t.db.select().from(duties).where(eq(duties.id, first));
    expect(ended).toMatchObject({ endedVia: "replaced", startedVia: "tablet" });
    expect(await dutyAudit(first)).toEqual([
      { action: "duty.start", via: "tablet" },
      { action: "duty.end", via: "replaced" },
    ]);
  });

  it("audits every start and end with where it came from: tablet, dashboard, API, board", async () => {
    const officer = await t.login({ nip: OFFICER_NIPS[0] });
    // As the dashboard sends it: the session cookie from a page of this origin.
    const cookie = { cookie: `${SESSION_COOKIE}=${officer}`, origin: "http://localhost" };
    const fromDashboard = await t.call("POST", "/api/v1/counters/loket-2/duty", { headers: cookie, body: {} });
    const dashboardDuty = (await fromDashboard.json()).duty.id;
    await t.call("DELETE", "/api/v1/counters/loket-2/duty", { headers: cookie });
    const fromApi = (await (await t.call("POST", "/api/v1/counters/loket-2/duty", { token: officer, body: {} })).json())
      .duty.id;
    const supervisor = await t.login({ email: DEMO_SUPERVISOR_EMAIL });
    const ended = await t.call("POST", `/api/v1/agencies/${AGENCY}/duties/${fromApi}/end`, {
      token: supervisor,
      body: { reason: "Lupa keluar saat loket tutup" },
    });
    expect(ended.status).toBe(200);
    expect(await dutyAudit(dashboardDuty)).toEqual([
      { action: "duty.start", via: "dashboard" },
      { action: "duty.end", via: "dashboard" },
    ]);
    expect(await dutyAudit(fromApi)).toEqual([
      { action: "duty.start", via: "api" },
      { action: "duty.end", via: "board", reason: "Lupa keluar saat loket tutup" },
    ]);
  });

  it("counts PIN tries per agency: another agency's tablets cannot lock an officer out", async () => {
    const foreign = await t.pairDevice("loket-1", await t.login({ email: OTHER_ADMIN_EMAIL }), OTHER_AGENCY);
    for (let i = 0; i < 30; i++) {
      const res = await t.call("POST", "/api/v1/counters/loket-1/duty", {
        token: foreign,
        body: { nip: OFFICER_NIPS[3], pin: String(100000 + i) },
      });
      expect([401, 429]).toContain(res.status);
    }
    const own = await t.pairDevice("loket-1");
    const res = await t.call("POST", "/api/v1/counters/loket-1/duty", {
      token: own,
      body: { nip: OFFICER_NIPS[3], pin: PIN },
    });
    expect(res.status).toBe(200);
  });

  it("lets an officer check in only themself", async () => {
    const officer = await t.login({ nip: OFFICER_NIPS[0] });
    const colleague = await t.officerId(OFFICER_NIPS[1]);
    const res = await t.call("POST", "/api/v1/counters/loket-1/duty", { token: officer, body: { officer: colleague } });
    expect(res.status).toBe(403);
  });
});

describe("POST /api/v1/devices/pair", () => {
  it("pairs once: the code cannot be used again", async () => {
    const admin = await t.login();
    const made = await (
      await t.call("POST", "/api/v1/agencies/disdukcapil-tebingtinggi/devices", {
        token: admin,
        body: { counter: "loket-2", name: "Tablet 2" },
      })
    ).json();
    expect(made.pairingCode).toMatch(/^\d{8}$/);
    const publicKey = createDeviceSigner().publicKey;
    const first = await t.call("POST", "/api/v1/devices/pair", { body: { code: made.pairingCode, publicKey } });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ token: expect.stringMatching(/^dev_/), counter: "loket-2" });
    const second = await t.call("POST", "/api/v1/devices/pair", { body: { code: made.pairingCode, publicKey } });
    expect(second.status).toBe(400);
    expect((await second.json()).error.code).toBe("invalid_pairing_code");
  });
});
