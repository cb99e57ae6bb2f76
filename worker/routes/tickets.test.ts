import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { auditLog, tickets } from "../../db/schema.ts";
import { AGENCY, OFFICER_NIPS, PIN, rating, testApp } from "../test-app.ts";

let t: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  t = await testApp();
});

const issue = async (body: Record<string, unknown>, token: string) => {
  const res = await t.call("POST", "/api/v1/tickets", { token, body });
  return { status: res.status, body: await res.json() };
};
const rate = (fields: Record<string, unknown>) =>
  t.call("POST", "/api/v1/ratings", { body: { ratings: [rating({ channel: "qr", ...fields })] } });

describe("tickets", () => {
  it("refuses an expired ticket and says so on the ticket page", async () => {
    const { body } = await issue({ service: "ktp-el" }, await t.login({ nip: OFFICER_NIPS[0] }));
    await t.db
      .update(tickets)
      .set({ expiresAt: Date.now() - 1 })
      .where(eq(tickets.id, body.ticket));
    const res = await rate({ ticket: body.ticket });
    expect(res.status).toBe(200);
    expect((await res.json()).results[0].error.code).toBe("ticket_expired");
    expect((await (await t.call("GET", `/api/v1/tickets/${body.ticket}`)).json()).status).toBe("expired");
  });

  it("refuses a ticket used for another service than it was issued for", async () => {
    const { body } = await issue({ service: "ktp-el" }, await t.login({ nip: OFFICER_NIPS[0] }));
    const res = await rate({ ticket: body.ticket, service: "kartu-keluarga" });
    expect((await res.json()).results[0].error.code).toBe("ticket_mismatch");
  });

  it("answers 404 for a ticket that does not exist, and refuses it in a rating", async () => {
    expect((await t.call("GET", "/api/v1/tickets/t_doesnotexist123")).status).toBe(404);
    expect((await (await rate({ ticket: "t_doesnotexist123" })).json()).results[0].error.code).toBe("invalid_ticket");
  });

  it("from a kiosk, names the officer on duty at its counter", async () => {
    const device = await t.pairDevice("loket-4");
    await t.call("POST", "/api/v1/counters/loket-4/duty", { token: device, body: { nip: OFFICER_NIPS[5], pin: PIN } });
    const { body } = await issue({ service: "pindah-datang" }, device);
    const described = await (await t.call("GET", `/api/v1/tickets/${body.ticket}`)).json();
    expect(described).toMatchObject({
      agency: { slug: AGENCY },
      service: { slug: "pindah-datang" },
      counter: { code: "loket-4" },
      officer: { name: "Hendra Saputra Siregar" },
      status: "open",
    });
  });

  it("lets a supervisor vouch for an officer of the agency, with a reason, audited; not of another", async () => {
    const supervisor = await t.login({ email: "supervisor@demo.suara.id" });
    const own = await t.officerId(OFFICER_NIPS[2]);
    const bare = await issue({ service: "ktp-el", officer: own }, supervisor);
    expect(bare.status).toBe(400);
    expect(bare.body.error.code).toBe("reason_required");
    const vouched = await issue({ service: "ktp-el", officer: own, reason: "Loket tanpa tablet hari ini" }, supervisor);
    expect(vouched.status).toBe(200);
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, "ticket.vouch"));
    expect(entry).toMatchObject({ target: own, details: { reason: "Loket tanpa tablet hari ini" } });
    const foreign = await t.officerId("199101012020011001");
    expect((await issue({ service: "ktp-el", officer: foreign, reason: "x".repeat(5) }, supervisor)).status).toBe(404);
    // The refused tickets wrote nothing to the log.
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, "ticket.vouch"))).toHaveLength(1);
  });
});

describe("tickets by NIP", () => {
  it("name the officer a queue system knows by NIP, and an officer only themself", async () => {
    const admin = await t.login();
    const issued = await t.call("POST", "/api/v1/tickets", {
      token: admin,
      body: { service: "ktp-el", nip: OFFICER_NIPS[1], reason: "Antrean manual" },
    });
    expect(issued.status).toBe(200);
    const { ticket } = await issued.json();
    const described = await (await t.call("GET", `/api/v1/tickets/${ticket}`)).json();
    expect(described.officer.name).toBe("Budi Santoso");
    const unknown = await t.call("POST", "/api/v1/tickets", {
      token: admin,
      body: { service: "ktp-el", nip: "199001012015011999", reason: "Antrean manual" },
    });
    expect(unknown.status).toBe(404);
    const officer = await t.login({ nip: OFFICER_NIPS[0] });
    const forColleague = await t.call("POST", "/api/v1/tickets", {
      token: officer,
      body: { service: "ktp-el", nip: OFFICER_NIPS[1] },
    });
    expect(forColleague.status).toBe(403);
  });
});
