import { beforeEach, describe, expect, it } from "vitest";
import { DEMO_ADMIN_EMAIL, DEMO_REGIONAL_EMAIL } from "../../db/seed.ts";
import { AGENCY, OFFICER_NIPS, OTHER_ADMIN_EMAIL, OTHER_AGENCY, PASSWORD, testApp } from "../test-app.ts";

let t: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  t = await testApp();
});

const login = (body: unknown) => t.call("POST", "/api/v1/auth/login", { body });

describe("POST /api/v1/auth/login", () => {
  it("signs an officer in by NIP with an HttpOnly, SameSite cookie and a bearer token", async () => {
    const res = await login({ nip: OFFICER_NIPS[0], password: PASSWORD });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("suara_session=")) ?? "";
    expect(cookie).toMatch(/suara_session=ses_/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const body = await res.json();
    expect(body.token).toMatch(/^ses_/);
    expect(body.user).toMatchObject({ role: "officer" });
    expect(JSON.stringify(body)).not.toMatch(/passwordHash|pbkdf2/);
    // The cookie alone is a sign-in too.
    const me = await t.app.request("/api/v1/me", { headers: { cookie: cookie.split(";")[0] } });
    expect(me.status).toBe(200);
  });

  it("refuses a wrong password, and an unknown e-mail, the same way", async () => {
    for (const body of [
      { email: DEMO_ADMIN_EMAIL, password: "wrong-password" },
      { email: "nobody@demo.suara.id", password: PASSWORD },
    ]) {
      const res = await login(body);
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe("invalid_credentials");
    }
  });

  it("locks an identity out after 5 failures with 429 and Retry-After", async () => {
    for (let i = 0; i < 5; i++)
      expect((await login({ email: DEMO_ADMIN_EMAIL, password: `wrong-${i}` })).status).toBe(401);
    const res = await login({ email: DEMO_ADMIN_EMAIL, password: PASSWORD });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it.each([
    [{ password: PASSWORD }],
    [{ email: DEMO_ADMIN_EMAIL, nip: OFFICER_NIPS[0], password: PASSWORD }],
    [{ nip: "123", password: PASSWORD }],
    [{ email: DEMO_ADMIN_EMAIL }],
  ])("answers %j with 400", async (body) => {
    const res = await login(body);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("invalid_request");
  });
});

describe("guessing", () => {
  it.each([0, 100])(
    "never signs in after 40 concurrent wrong guesses from 40 addresses, with the right password %i ms later",
    async (delay) => {
      for (let trial = 0; trial < 3; trial++) {
        const t2 = await testApp();
        const guess = (password: string, ip: string) =>
          t2.call("POST", "/api/v1/auth/login", {
            body: { email: DEMO_ADMIN_EMAIL, password },
            headers: { "x-test-ip": ip },
          });
        const wrong = Promise.all(Array.from({ length: 40 }, (_, i) => guess(`wrong-guess-${i}`, `10.1.${i}.1`)));
        if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
        const right = await guess(PASSWORD, "10.2.0.1");
        await wrong;
        expect(right.status).toBe(429);
      }
    },
  );

  it("locks an identity for one address without locking its owner out from another", async () => {
    const from = (ip: string, password: string) =>
      t.call("POST", "/api/v1/auth/login", {
        body: { email: DEMO_ADMIN_EMAIL, password },
        headers: { "x-test-ip": ip },
      });
    for (let i = 0; i < 6; i++) await from("203.0.113.66", `wrong-${i}`);
    expect((await from("203.0.113.66", PASSWORD)).status).toBe(429);
    expect((await from("198.51.100.20", PASSWORD)).status).toBe(200);
  });

  it("stops a guesser spread over many addresses at the per-identity backstop", async () => {
    for (let i = 0; i < 30; i++) {
      await t.call("POST", "/api/v1/auth/login", {
        body: { email: DEMO_ADMIN_EMAIL, password: `wrong-${i}` },
        headers: { "x-test-ip": `10.0.${i}.1` },
      });
    }
    const res = await t.call("POST", "/api/v1/auth/login", {
      body: { email: DEMO_ADMIN_EMAIL, password: PASSWORD },
      headers: { "x-test-ip": "192.0.2.200" },
    });
    expect(res.status).toBe(429);
  });

  it("never reads a huge body: 413 before parsing", async () => {
    const res = await t.call("POST", "/api/v1/auth/login", {
      body: `{"email":"${"a".repeat(200_000)}@x.id","password":"x"}`,
    });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("payload_too_large");
  });

  it("limits sign-ins per IP before reading the body", async () => {
    for (let i = 0; i < 60; i++)
      await t.call("POST", "/api/v1/auth/login", { body: "{", headers: { "x-test-ip": "192.0.2.9" } });
    const res = await t.call("POST", "/api/v1/auth/login", { body: "{", headers: { "x-test-ip": "192.0.2.9" } });
    expect(res.status).toBe(429);
  });
});

describe("a password reset", () => {
  it("ends the account's existing sessions, and only that account's", async () => {
    const admin = await t.login();
    const officer = await t.login({ nip: OFFICER_NIPS[0] });
    const { user } = await (await t.call("GET", "/api/v1/me", { token: officer })).json();
    const reset = await t.call("PATCH", `/api/v1/agencies/${AGENCY}/users/${user.id}`, {
      token: admin,
      body: { password: "a-brand-new-password" },
    });
    expect(reset.status).toBe(200);
    expect((await t.call("GET", "/api/v1/me", { token: officer })).status).toBe(401);
    expect((await t.call("GET", "/api/v1/me", { token: admin })).status).toBe(200);
    const again = await login({ nip: OFFICER_NIPS[0], password: "a-brand-new-password" });
    expect(again.status).toBe(200);
  });
});

describe("GET /api/v1/me", () => {
  it("names the user's agency with its own timezone, the one the dashboard writes its times in", async () => {
    const officer = await t.login({ nip: OFFICER_NIPS[0] });
    const mine = await (await t.call("GET", "/api/v1/me", { token: officer })).json();
    expect(mine.agency).toEqual({ slug: AGENCY, name: expect.any(String), timezone: "Asia/Jakarta" });
    // An agency in Papua reads WIT: the zone is the agency's, not a constant.
    const papua = await t.login({ email: OTHER_ADMIN_EMAIL });
    const theirs = await (await t.call("GET", "/api/v1/me", { token: papua })).json();
    expect(theirs.agency).toMatchObject({ slug: OTHER_AGENCY, timezone: "Asia/Jayapura" });
    const regional = await t.login({ email: DEMO_REGIONAL_EMAIL });
    // A regional admin belongs to no one agency.
    expect((await (await t.call("GET", "/api/v1/me", { token: regional })).json()).agency).toBeNull();
  });
});
