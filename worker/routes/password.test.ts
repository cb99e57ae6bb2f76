/**
 * Accounts people own: changing one's own password, admin-made passwords that must be changed,
 * an admin's reset, and sessions that end after 12 idle hours.
 */
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { auditLog, sessions, users } from "../../db/schema.ts";
import { DEMO_ADMIN_EMAIL, DEMO_REGIONAL_EMAIL, DEMO_SUPERVISOR_EMAIL } from "../../db/seed.ts";
import { AGENCY, OFFICER_NIPS, OTHER_ADMIN_EMAIL, PASSWORD, STORES, testApp } from "../test-app.ts";

const HOUR = 3_600_000;
const a = `/api/v1/agencies/${AGENCY}`;

afterEach(() => {
  vi.useRealTimers();
});

describe.each(STORES)("accounts people own (%s store)", (store) => {
  const setup = async () => {
    const t = await testApp({ store });
    const change = (token: string, currentPassword: string, newPassword: string) =>
      t.call("POST", "/api/v1/auth/password", { token, body: { currentPassword, newPassword } });
    const signIn = (identity: { email?: string; nip?: string }, password: string) =>
      t.call("POST", "/api/v1/auth/login", { body: { ...identity, password } });
    const me = (token: string) => t.call("GET", "/api/v1/me", { token });
    const userId = async (token: string) => (await (await me(token)).json()).user.id as string;
    return { t, change, signIn, me, userId };
  };

  describe("POST /auth/password", () => {
    it("changes one's own password, ends the account's other sessions only, and is audited", async () => {
      const { t, change, signIn, me, userId } = await setup();
      const here = await t.login();
      const [laptop, phone] = [await t.login(), await t.login()];
      const supervisor = await t.login({ email: DEMO_SUPERVISOR_EMAIL });
      const res = await change(here, PASSWORD, "a-password-of-my-own");
      expect(res.status).toBe(200);
      expect((await me(here)).status).toBe(200);
      expect((await me(laptop)).status).toBe(401);
      expect((await me(phone)).status).toBe(401);
      expect((await me(supervisor)).status).toBe(200);
      expect((await signIn({ email: DEMO_ADMIN_EMAIL }, PASSWORD)).status).toBe(401);
      expect((await signIn({ email: DEMO_ADMIN_EMAIL }, "a-password-of-my-own")).status).toBe(200);
      const id = await userId(here);
      const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, "user.password_change"));
      expect(audit).toMatchObject([{ actorUserId: id, target: id }]);
      expect(JSON.stringify(audit)).not.toMatch(/a-password-of-my-own|pbkdf2/);
    });

    it.each([
      ["short-pw9", "password_too_short"],
      [OFFICER_NIPS[0], "password_is_nip"],
      [PASSWORD, "password_unchanged"],
    ])("refuses an officer's new password %j with 400 %s", async (newPassword, code) => {
      const { t, change } = await setup();
      const officer = await t.login({ nip: OFFICER_NIPS[0] });
      const res = await change(officer, PASSWORD, newPassword);
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe(code);
    });

    it("refuses the account's own e-mail as its password, and a wrong current password", async () => {
      const { t, change } = await setup();
      const admin = await t.login();
      const email = await change(admin, PASSWORD, DEMO_ADMIN_EMAIL.toUpperCase());
      expect((await email.json()).error.code).toBe("password_is_email");
      const wrong = await change(admin, "not-my-password", "a-password-of-my-own");
      expect(wrong.status).toBe(400);
      expect((await wrong.json()).error.code).toBe("wrong_password");
    });

    it("counts wrong current passwords like sign-ins: a stolen session cannot guess on", async () => {
      const { t, change } = await setup();
      const admin = await t.login();
      for (let i = 0; i < 5; i++) expect((await change(admin, `guess-${i}`, "a-password-of-my-own")).status).toBe(400);
      const res = await change(admin, PASSWORD, "a-password-of-my-own");
      expect(res.status).toBe(429);
      expect(res.headers.get("retry-after")).toBeTruthy();
    });

    it.each([
      ["nobody", undefined, 401],
      ["a tablet", "device", 403],
      ["an integration key", "key", 403],
    ])("refuses %s", async (_who, kind, status) => {
      const { t } = await setup();
      const admin = await t.login();
      const token =
        kind === "device"
          ? await t.pairDevice("loket-1", admin)
          : kind === "key"
            ? (await (await t.call("POST", `${a}/integration-keys`, { token: admin, body: { name: "Q" } })).json())
                .secret
            : undefined;
      const res = await t.call("POST", "/api/v1/auth/password", {
        token,
        body: { currentPassword: PASSWORD, newPassword: "a-password-of-my-own" },
      });
      expect(res.status).toBe(status);
    });

    it.each([{}, { currentPassword: PASSWORD }, { currentPassword: 1, newPassword: 2 }, "[", null])(
      "answers %j with 400",
      async (body) => {
        const { t } = await setup();
        const res = await t.call("POST", "/api/v1/auth/password", { token: await t.login(), body });
        expect(res.status).toBe(400);
        expect((await res.json()).error.code).toMatch(/^[a-z_]+$/);
      },
    );
  });

  describe("an admin-made password", () => {
    it("must be changed at the next sign-in; until then only GET /me, the change and sign-out are allowed", async () => {
      const { t, change, signIn, me } = await setup();
      const admin = await t.login();
      const made = await t.call("POST", `${a}/users`, {
        token: admin,
        body: { email: "baru@demo.suara.id", name: "Staf Baru", role: "supervisor", password: "admin-made-pw1" },
      });
      expect((await made.json()).user.passwordTemporary).toBe(true);
      const login = await signIn({ email: "baru@demo.suara.id" }, "admin-made-pw1");
      expect(login.status).toBe(200);
      const { token, user } = await login.json();
      expect(user.passwordChangeRequired).toBe(true);
      expect((await (await me(token)).json()).user.passwordChangeRequired).toBe(true);
      for (const [method, path] of [
        ["GET", `${a}/report?period=2026`],
        ["GET", `${a}/contests`],
        ["GET", `${a}/duties`],
      ]) {
        const res = await t.call(method, path, { token });
        expect(res.status, path).toBe(403);
        expect((await res.json()).error.code).toBe("password_change_required");
      }
      expect((await change(token, "admin-made-pw1", "my-own-password")).status).toBe(200);
      expect((await (await me(token)).json()).user.passwordChangeRequired).toBe(false);
      expect((await t.call("GET", `${a}/report?period=2026`, { token })).status).toBe(200);
      const again = await signIn({ email: "baru@demo.suara.id" }, "my-own-password");
      expect((await again.json()).user.passwordChangeRequired).toBe(false);
    });

    it("lets its owner sign out before changing it", async () => {
      const { t, signIn, me } = await setup();
      const admin = await t.login();
      const id = (await (await t.call("GET", `${a}/users`, { token: admin })).json()).users.find(
        (u: { email: string }) => u.email === DEMO_SUPERVISOR_EMAIL,
      ).id;
      await t.call("PATCH", `${a}/users/${id}`, { token: admin, body: { password: "admin-set-pw-2" } });
      const { token, user } = await (await signIn({ email: DEMO_SUPERVISOR_EMAIL }, "admin-set-pw-2")).json();
      expect(user.passwordChangeRequired).toBe(true);
      expect((await t.call("POST", "/api/v1/auth/logout", { token })).status).toBe(200);
      expect((await me(token)).status).toBe(401);
    });

    it("is never the demo seed's: the operator chose SUARA_DEMO_PASSWORD", async () => {
      const { t } = await setup();
      const temporary = await t.db.select().from(users).where(eq(users.passwordTemporary, true));
      expect(temporary).toEqual([]);
      const admin = await t.login();
      expect((await t.call("GET", `${a}/report?period=2026`, { token: admin })).status).toBe(200);
    });
  });

  describe("POST /agencies/:slug/users/:id/password-reset", () => {
    /** The account of the first demo officer. */
    const officerAccount = async (t: Awaited<ReturnType<typeof setup>>["t"], admin: string) => {
      const officerId = await t.officerId(OFFICER_NIPS[0]);
      const { users: list } = await (await t.call("GET", `${a}/users`, { token: admin })).json();
      return list.find((u: { officerId: string }) => u.officerId === officerId) as { id: string };
    };

    it("makes a new temporary password, shown once, ends the account's sessions and is audited", async () => {
      const { t, signIn, me } = await setup();
      const admin = await t.login();
      const officer = await t.login({ nip: OFFICER_NIPS[0] });
      const { id } = await officerAccount(t, admin);
      const res = await t.call("POST", `${a}/users/${id}/password-reset`, { token: admin });
      expect(res.status).toBe(200);
      const { password } = await res.json();
      expect(password).toMatch(/^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}$/);
      expect((await me(officer)).status).toBe(401);
      expect((await me(admin)).status).toBe(200);
      expect((await signIn({ nip: OFFICER_NIPS[0] }, PASSWORD)).status).toBe(401);
      const login = await signIn({ nip: OFFICER_NIPS[0] }, password);
      expect((await login.json()).user.passwordChangeRequired).toBe(true);
      const audit = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "user.password_reset"), eq(auditLog.target, id)));
      expect(audit).toHaveLength(1);
      expect(JSON.stringify(audit)).not.toContain(password);
      const left = await t.db.select().from(sessions).where(eq(sessions.userId, id));
      expect(left).toHaveLength(1);
    });

    it.each([
      ["the officer", { nip: OFFICER_NIPS[1] }],
      ["a supervisor", { email: DEMO_SUPERVISOR_EMAIL }],
      ["another agency's admin", { email: OTHER_ADMIN_EMAIL }],
    ])("refuses %s with 403 and changes nothing", async (_who, identity) => {
      const { t, signIn } = await setup();
      const admin = await t.login();
      const { id } = await officerAccount(t, admin);
      const caller = await t.login(identity);
      const res = await t.call("POST", `${a}/users/${id}/password-reset`, { token: caller });
      expect(res.status).toBe(403);
      expect((await signIn({ nip: OFFICER_NIPS[0] }, PASSWORD)).status).toBe(200);
    });

    it("lets the region's admin reset, but nobody their own password this way, nor another agency's account", async () => {
      const { t } = await setup();
      const admin = await t.login();
      const { id } = await officerAccount(t, admin);
      const regional = await t.login({ email: DEMO_REGIONAL_EMAIL });
      expect((await t.call("POST", `${a}/users/${id}/password-reset`, { token: regional })).status).toBe(200);
      const own = (await (await t.call("GET", "/api/v1/me", { token: admin })).json()).user.id;
      const self = await t.call("POST", `${a}/users/${own}/password-reset`, { token: admin });
      expect(self.status).toBe(400);
      const other = await t.login({ email: OTHER_ADMIN_EMAIL });
      const foreign = await t.call("POST", `/api/v1/agencies/dukcapil-jayapura/users/${id}/password-reset`, {
        token: other,
      });
      expect(foreign.status).toBe(404);
    });
  });

  describe("sessions", () => {
    it("end after 12 idle hours, however often used before, and at most 7 days after sign-in", async () => {
      vi.useFakeTimers({ toFake: ["Date"] });
      const { t, me } = await setup();
      const start = Date.now();
      const token = await t.login();
      // Used every 11 hours: alive for its whole week, then over.
      let at = start;
      while (at + 11 * HOUR < start + 7 * 24 * HOUR) {
        at += 11 * HOUR;
        vi.setSystemTime(at);
        expect((await me(token)).status, `${(at - start) / HOUR} h`).toBe(200);
      }
      vi.setSystemTime(start + 7 * 24 * HOUR + 1);
      expect((await me(token)).status).toBe(401);
      // Left for 12 hours: over.
      vi.setSystemTime(start);
      const idle = await t.login();
      vi.setSystemTime(start + 12 * HOUR - 1000);
      expect((await me(idle)).status).toBe(200);
      vi.setSystemTime(start + 24 * HOUR);
      expect((await me(idle)).status).toBe(401);
    });

    it("records their last use at most every 5 minutes, not on every request", async () => {
      vi.useFakeTimers({ toFake: ["Date"] });
      const { t, me } = await setup();
      const start = Date.now();
      const token = await t.login();
      const lastUsed = async () => (await t.db.select({ at: sessions.lastUsedAt }).from(sessions))[0].at;
      vi.setSystemTime(start + 4 * 60_000);
      await me(token);
      await me(token);
      expect(await lastUsed()).toBe(start);
      vi.setSystemTime(start + 6 * 60_000);
      await me(token);
      expect(await lastUsed()).toBe(start + 6 * 60_000);
    });
  });
});
