/**
 * Deactivating an officer (docs/design.md, "Duties"; issue 15): their sessions end, sign-in is refused
 * with a clear message, tickets naming them are refused, their duty ends (audited);
 * reactivating restores sign-in.
 */
import { and, eq, isNull } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { auditLog, duties, sessions, users } from "../../../db/schema.ts";
import { AGENCY, OFFICER_NIPS, PASSWORD, PIN, testApp } from "../../test-app.ts";

let t: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  t = await testApp();
});

const officers = `/api/v1/agencies/${AGENCY}/officers`;
const signIn = (password = PASSWORD) =>
  t.call("POST", "/api/v1/auth/login", { body: { nip: OFFICER_NIPS[1], password } });

describe.each(["DELETE", "PATCH"])("deactivating an officer with %s", (method) => {
  it("ends their sessions and duty, refuses their sign-in, tickets and check-ins; reactivating restores sign-in", async () => {
    const admin = await t.login();
    const officerId = await t.officerId(OFFICER_NIPS[1]);
    const session = await t.login({ nip: OFFICER_NIPS[1] });
    await t.call("POST", "/api/v1/counters/loket-2/duty", { token: session, body: {} });

    const res =
      method === "DELETE"
        ? await t.call("DELETE", `${officers}/${officerId}`, { token: admin })
        : await t.call("PATCH", `${officers}/${officerId}`, { token: admin, body: { active: false } });
    expect(res.status).toBe(200);

    expect((await t.call("GET", "/api/v1/me", { token: session })).status).toBe(401);
    // Ended, not merely refused: nothing of the session is left to come back on reactivation.
    const [account] = await t.db.select({ id: users.id }).from(users).where(eq(users.officerId, officerId));
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, account.id))).toEqual([]);
    const refused = await signIn();
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe("account_deactivated");
    // A wrong password learns nothing about the account.
    expect((await (await signIn("wrong-password-1")).json()).error.code).toBe("invalid_credentials");
    const open = await t.db
      .select()
      .from(duties)
      .where(and(eq(duties.officerId, officerId), isNull(duties.endedAt)));
    expect(open).toEqual([]);
    const [ended] = await t.db.select().from(duties).where(eq(duties.officerId, officerId));
    expect(ended.endedVia).toBe("deactivation");
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, "duty.end"));
    expect(entry.details).toMatchObject({ via: "deactivation", officer: officerId });
    const ticket = await t.call("POST", "/api/v1/tickets", {
      token: admin,
      body: { service: "ktp-el", officer: officerId, reason: "Antrean manual" },
    });
    expect(ticket.status).toBe(409);
    const device = await t.pairDevice("loket-2", admin);
    const checkIn = await t.call("POST", "/api/v1/counters/loket-2/duty", {
      token: device,
      body: { nip: OFFICER_NIPS[1], pin: PIN },
    });
    expect(checkIn.status).toBe(401);

    await t.call("PATCH", `${officers}/${officerId}`, { token: admin, body: { active: true } });
    expect((await signIn()).status).toBe(200);
    expect((await t.call("GET", "/api/v1/me", { token: session })).status).toBe(401);
  });
});
