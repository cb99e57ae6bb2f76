/**
 * Feedback to an officer for a period (issue 20, item 4): supervisors and admins write it, never
 * to themselves; the officer reads and acknowledges it once; the agency's readers see whether it
 * was; nobody else sees it. Every write audited.
 */
import { asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { MAX_FEEDBACK } from "../../../core/patterns.ts";
import { auditLog } from "../../../db/schema.ts";
import { AGENCY, OFFICER_NIPS, PASSWORD, STORES, testApp } from "../../test-app.ts";

let t: Awaited<ReturnType<typeof testApp>>;
const tokens: Record<string, string> = {};
let officerId: string;

const path = (id = officerId) => `/api/v1/agencies/${AGENCY}/officers/${id}/feedback`;
const give = (
  token: string | undefined,
  body: unknown = { period: "2026-S2", text: "Pertahankan keramahan Anda." },
  id = officerId,
) => t.call("POST", path(id), { token, body });
const mine = async (token = tokens.officer, query = "") =>
  (await (await t.call("GET", `/api/v1/me/feedback${query}`, { token })).json()).feedback as {
    id: string;
    period: string;
    acknowledgedAt: string | null;
  }[];
const acknowledge = (id: string, token = tokens.officer) =>
  t.call("POST", `/api/v1/me/feedback/${id}/acknowledge`, { token });
const audits = async (target: string) =>
  (await t.db.select().from(auditLog).where(eq(auditLog.target, target)).orderBy(asc(auditLog.id))).map(
    (a) => a.action,
  );

describe.each(STORES)("feedback to officers, stored through the %s", (store) => {
  beforeEach(async () => {
    t = await testApp({ store });
    Object.assign(tokens, await t.signInEveryone());
    officerId = await t.officerId(OFFICER_NIPS[0]);
  });

  it("a supervisor gives feedback; the officer reads it and acknowledges it once; readers see when; audited", async () => {
    const res = await give(tokens.supervisor, { period: "2026-S2", text: " Hubungi 0812 3456 7890 bila perlu. " });
    expect(res.status).toBe(200);
    const { feedback } = await res.json();
    expect(feedback).toMatchObject({
      period: "2026-S2",
      text: "Hubungi [nomor telepon] bila perlu.",
      by: "Kepala Bidang Pelayanan",
      acknowledgedAt: null,
    });
    expect(await audits(feedback.id)).toEqual(["feedback.give"]);

    // The officer's own list: all of it, or that of the periods overlapping the one asked for.
    expect((await mine()).map((f) => f.id)).toEqual([feedback.id]);
    expect((await mine(tokens.officer, "?period=2026-11")).map((f) => f.id)).toEqual([feedback.id]);
    expect(await mine(tokens.officer, "?period=2026-S1")).toEqual([]);

    const ack = await acknowledge(feedback.id);
    expect(ack.status).toBe(200);
    const acknowledgedAt = (await ack.json()).feedback.acknowledgedAt;
    expect(Date.parse(acknowledgedAt)).toBeGreaterThan(Date.now() - 60_000);
    const again = await acknowledge(feedback.id);
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe("already_acknowledged");
    expect(await audits(feedback.id)).toEqual(["feedback.give", "feedback.acknowledge"]);

    for (const reader of ["supervisor", "admin", "regional"]) {
      const list = await t.call("GET", path(), { token: tokens[reader] });
      expect(list.status, reader).toBe(200);
      const body = await list.json();
      expect(body.officer).toEqual({ id: officerId, name: expect.any(String) });
      expect(body.feedback).toEqual([{ ...feedback, acknowledgedAt }]);
    }
  });

  it("two acknowledgments at once record one", async () => {
    const { feedback } = await (await give(tokens.supervisor)).json();
    const both = await Promise.all([acknowledge(feedback.id), acknowledge(feedback.id)]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await both.find((r) => r.status === 409)!.json()).error.code).toBe("already_acknowledged");
    expect(await audits(feedback.id)).toEqual(["feedback.give", "feedback.acknowledge"]);
  });

  it("nobody else reads or acknowledges it: another officer, another agency, nobody, a device", async () => {
    const { feedback } = await (await give(tokens.admin)).json();
    expect(await mine(tokens.colleague)).toEqual([]);
    const theirs = await acknowledge(feedback.id, tokens.colleague);
    expect(theirs.status).toBe(404);
    for (const who of ["officer", "colleague", "otherAdmin"]) {
      expect((await t.call("GET", path(), { token: tokens[who] })).status, who).toBe(403);
    }
    const device = await t.pairDevice("loket-1", tokens.admin);
    expect((await t.call("GET", path(), { token: device })).status).toBe(403);
    expect((await t.call("GET", path())).status).toBe(401);
    expect((await t.call("GET", "/api/v1/me/feedback", { token: tokens.supervisor })).status).toBe(403);
    expect((await acknowledge(feedback.id, tokens.supervisor)).status).toBe(403);
    expect(await audits(feedback.id)).toEqual(["feedback.give"]);
  });

  it("only the agency's supervisors and admins write it; never to themselves", async () => {
    for (const who of ["officer", "colleague", "regional", "otherAdmin"])
      expect((await give(tokens[who])).status, who).toBe(403);
    expect((await give(await t.pairDevice("loket-1", tokens.admin))).status).toBe(403);
    expect((await give(undefined)).status).toBe(401);

    // A supervisor who is an officer too (a new officer: each demo officer has their account): feedback
    // to others, never to themself.
    const added = await t.call("POST", `/api/v1/agencies/${AGENCY}/officers`, {
      token: tokens.admin,
      body: { nip: "199005152015031001", name: "Kasi Pelayanan" },
    });
    const kasi = (await added.json()).officer.id;
    const made = await t.call("POST", `/api/v1/agencies/${AGENCY}/users`, {
      token: tokens.admin,
      body: {
        email: "kasi@demo.suara.id",
        name: "Kasi Pelayanan",
        role: "supervisor",
        password: PASSWORD,
        officer: kasi,
      },
    });
    expect(made.status).toBe(200);
    const temporary = await t.login({ email: "kasi@demo.suara.id" });
    const own = await t.login({ email: "kasi@demo.suara.id", password: await t.changePassword(temporary, PASSWORD) });
    const self = await give(own, undefined, kasi);
    expect(self.status).toBe(403);
    expect(await mine(own)).toEqual([]);
    expect((await give(own)).status).toBe(200);
    expect(await mine()).toHaveLength(1);
  });

  it("bad input is a 4xx: a period that is no named one, empty or long text, unknown fields, an unknown or other agency's officer", async () => {
    for (const body of [
      { period: "2026-S3", text: "ok" },
      { period: "2026-01-01..2026-02-01", text: "ok" },
      { text: "ok" },
      { period: "2026-S2", text: "  " },
      { period: "2026-S2", text: "x".repeat(MAX_FEEDBACK + 1) },
      { period: "2026-S2", text: "ok", officer: "x" },
    ]) {
      expect((await give(tokens.supervisor, body)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await give(tokens.supervisor, undefined, "off_unknown")).status).toBe(404);
    const [other] = await t.db.$client
      .execute("SELECT id FROM officers WHERE nip = '199101012020011001'")
      .then((r) => r.rows);
    expect((await give(tokens.supervisor, undefined, String(other.id))).status).toBe(404);
    expect((await t.call("GET", path(String(other.id)), { token: tokens.supervisor })).status).toBe(404);
    expect((await acknowledge("fbk_unknown")).status).toBe(404);
    expect((await t.call("GET", "/api/v1/me/feedback?period=2026-S9", { token: tokens.officer })).status).toBe(400);
  });
});
