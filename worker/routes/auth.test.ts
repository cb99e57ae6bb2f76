import { beforeEach, describe, expect, it } from "vitest";
import { DEMO_ADMIN_EMAIL } from "../../db/seed.ts";
import { OFFICER_NIPS, PASSWORD, testApp } from "../test-app.ts";

let t: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  t = await testApp();
});

const login = (body: unknown) => t.call("POST", "/api/v1/auth/login", { body });

describe("POST /api/v1/auth/login", () => {
  it("signs an officer in by NIP with an HttpOnly, SameSite cookie and a bearer token", async () => {
    const res = await login({ nip: OFFICER_NIPS[0], password: PASSWORD });
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie") ?? "";
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
