/**
 * Password guessing is bounded per address and per account, while a browser that signed in
 * before (its device cookie) is counted on its own and never refused for others' failures.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { signInCounts } from "../db/schema.ts";
import { DEMO_ADMIN_EMAIL, DEMO_SUPERVISOR_EMAIL } from "../db/seed.ts";
import { SIGN_IN_LIMITS } from "./sign-in-limits.ts";
import { OFFICER_NIPS, PASSWORD, STORES, testApp } from "./test-app.ts";

const HOUR = 3_600_000;

afterEach(() => {
  vi.useRealTimers();
});

describe.each(STORES)("sign-in limits (%s store)", (store) => {
  async function setup(settings = {}) {
    const t = await testApp({ store, settings });
    /** Signs in as `identity` from an address, with a cookie header (a device cookie) or none. */
    const signIn = (
      ip: string,
      password: string,
      { cookie, identity = { email: DEMO_ADMIN_EMAIL } } = {} as {
        cookie?: string;
        identity?: { email?: string; nip?: string };
      },
    ) =>
      t.call("POST", "/api/v1/auth/login", {
        body: { ...identity, password },
        headers: { "x-test-ip": ip, ...(cookie ? { cookie } : {}) },
      });
    /** The device cookie a sign-in set, as a browser would send it back. */
    const deviceCookie = (res: Response) => {
      const set = res.headers.getSetCookie().find((c) => c.startsWith("suara_device="));
      return set?.split(";")[0];
    };
    /** The owner signs in once from their office browser and keeps its device cookie. */
    const ownerBrowser = async (identity: { email?: string; nip?: string } = { email: DEMO_ADMIN_EMAIL }) => {
      const res = await signIn("192.0.2.10", PASSWORD, { identity });
      expect(res.status).toBe(200);
      return deviceCookie(res)!;
    };
    return { t, signIn, deviceCookie, ownerBrowser };
  }

  it("gives a browser that signs in a long-lived HttpOnly, SameSite=Strict device cookie, Secure when cookies are", async () => {
    for (const secureCookies of [false, true]) {
      const { signIn } = await setup({ secureCookies });
      const res = await signIn("192.0.2.10", PASSWORD);
      const set = res.headers.getSetCookie().find((c) => c.startsWith("suara_device="))!;
      expect(set).toMatch(/^suara_device=sid_[0-9a-z]{28};/);
      expect(set).toMatch(/HttpOnly/);
      expect(set).toMatch(/SameSite=Strict/);
      expect(set).toMatch(/Max-Age=31536000/);
      expect(set).toMatch(/Path=\/api\/v1\/auth/);
      expect(/Secure/.test(set)).toBe(secureCookies);
    }
  });

  it("never refuses the owner's browser after 35 wrong tries from 7 addresses, which lock everyone else out", async () => {
    const { signIn, ownerBrowser } = await setup();
    const cookie = await ownerBrowser();
    for (let address = 1; address <= 7; address++) {
      for (let i = 0; i < 5; i++) await signIn(`203.0.113.${address}`, `wrong-${address}-${i}`);
    }
    const stranger = await signIn("198.51.100.7", PASSWORD);
    expect(stranger.status).toBe(429);
    expect((await stranger.json()).error.code).toBe("sign_in_locked");
    // The owner's browser, from its office address and from an address the guesser used too.
    expect((await signIn("192.0.2.10", PASSWORD, { cookie })).status).toBe(200);
    expect((await signIn("203.0.113.1", PASSWORD, { cookie })).status).toBe(200);
  });

  it("signs the owner's browser in during a concurrent flood from 100 addresses", async () => {
    const { signIn, ownerBrowser } = await setup();
    const cookie = await ownerBrowser();
    const flood = Promise.all(Array.from({ length: 100 }, (_, i) => signIn(`10.9.${i}.1`, `wrong-${i}`)));
    const owner = await signIn("192.0.2.10", PASSWORD, { cookie });
    const refused = (await flood).filter((r) => r.status === 429).length;
    expect(owner.status).toBe(200);
    expect(refused).toBeGreaterThanOrEqual(100 - SIGN_IN_LIMITS.perAccount.limit);
  });

  it("locks a device cookie that fails 5 times on its own, until its hour ends", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const { signIn, ownerBrowser } = await setup();
    const cookie = await ownerBrowser();
    for (let i = 0; i < 5; i++) expect((await signIn("192.0.2.10", `wrong-${i}`, { cookie })).status).toBe(401);
    const locked = await signIn("192.0.2.10", PASSWORD, { cookie });
    expect(locked.status).toBe(429);
    expect((await locked.json()).error.code).toBe("sign_in_device_locked");
    const wait = Number(locked.headers.get("retry-after"));
    expect(wait).toBeGreaterThan(55 * 60);
    expect(wait).toBeLessThanOrEqual(60 * 60);
    // Its failures counted against it alone: another browser of the owner signs in.
    expect((await signIn("192.0.2.11", PASSWORD)).status).toBe(200);
    vi.setSystemTime(Date.now() + wait * 1000);
    expect((await signIn("192.0.2.10", PASSWORD, { cookie })).status).toBe(200);
  });

  it("believes a device cookie only for the account it signed in to, and never a made-up one", async () => {
    const { signIn, ownerBrowser } = await setup();
    const officerCookie = await ownerBrowser({ nip: OFFICER_NIPS[0] });
    for (let i = 0; i < 10; i++) await signIn(`203.0.113.${i}`, `wrong-${i}`);
    for (const cookie of [officerCookie, "suara_device=sid_madeupmadeupmadeupmadeupmadeup", "suara_device=x"]) {
      const res = await signIn("192.0.2.10", PASSWORD, { cookie });
      expect(res.status, cookie).toBe(429);
      expect((await res.json()).error.code).toBe("sign_in_locked");
    }
  });

  it(`bounds guesses at one account to ${24 * SIGN_IN_LIMITS.perAccount.limit} a day from ever-new addresses`, async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const { signIn } = await setup();
    const start = Date.now();
    let checked = 0;
    for (let hour = 0; hour < 24; hour++) {
      vi.setSystemTime(start + hour * HOUR);
      for (let i = 0; i < SIGN_IN_LIMITS.perAccount.limit + 2; i++) {
        const res = await signIn(`10.${hour}.${i}.1`, `wrong-${hour}-${i}`);
        if (res.status === 401) checked++;
        else expect(res.status).toBe(429);
      }
    }
    expect(checked).toBe(240);
    // 240 password hashes: long on a busy machine, and never a timing assertion.
  }, 180_000);

  it(`bounds one address to ${SIGN_IN_LIMITS.perAddress.limit} attempts an hour over all accounts`, async () => {
    const { signIn } = await setup();
    const accounts = [
      ...OFFICER_NIPS.map((nip) => ({ nip })),
      { email: DEMO_ADMIN_EMAIL },
      { email: DEMO_SUPERVISOR_EMAIL },
      { email: "nobody@demo.suara.id" },
    ];
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress.limit; i++) {
      const res = await signIn("203.0.113.50", `wrong-${i}`, { identity: accounts[i % accounts.length] });
      expect(res.status).toBe(401);
    }
    const res = await signIn("203.0.113.50", PASSWORD, { identity: { email: DEMO_SUPERVISOR_EMAIL } });
    expect(res.status).toBe(429);
    const { error } = await res.json();
    expect(error.code).toBe("sign_in_address_limited");
    expect(error.details.retryAfter).toBe(Number(res.headers.get("retry-after")));
    expect(error.details.retryAfter).toBeGreaterThan(3500);
  });

  it("starts a browser's count over at a right password, so typos between sign-ins add up to no lockout", async () => {
    const { signIn, deviceCookie } = await setup();
    let cookie: string | undefined;
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 4; i++)
        expect((await signIn("192.0.2.20", `typo-${round}-${i}`, { cookie })).status).toBe(401);
      const res = await signIn("192.0.2.20", PASSWORD, { cookie });
      expect(res.status).toBe(200);
      cookie ??= deviceCookie(res);
      // A browser that has its device cookie keeps it: it gets no new one.
      if (round > 0) expect(deviceCookie(res)).toBeUndefined();
    }
  });

  it("gives a right password's attempt back, so API clients signing in often use none of the account's allowance", async () => {
    const { signIn } = await setup();
    const allowance = SIGN_IN_LIMITS.perAccount.limit;
    for (let i = 0; i < allowance - 1; i++) await signIn(`203.0.113.${i}`, `wrong-${i}`);
    for (let i = 0; i < 5; i++) expect((await signIn(`198.51.100.${i}`, PASSWORD)).status, `sign-in ${i}`).toBe(200);
    expect((await signIn("203.0.113.200", "wrong-again")).status).toBe(401);
    expect((await signIn("203.0.113.201", PASSWORD)).status).toBe(429);
  });

  it("keeps no e-mail, NIP or address in its counts", async () => {
    const { t, signIn } = await setup();
    await signIn("203.0.113.77", "wrong", { identity: { nip: OFFICER_NIPS[0] } });
    await signIn("203.0.113.77", "wrong", { identity: { email: "nobody@demo.suara.id" } });
    const stored = JSON.stringify(await t.db.select().from(signInCounts));
    expect(stored).toMatch(/"hits":1/);
    expect(stored).not.toMatch(/203\.0\.113|nobody|@|usr_|198803122010012004/);
  });

  it("leaves bearer-token clients as they were: the token from a sign-in without cookies works", async () => {
    const { t, signIn } = await setup();
    const res = await signIn("192.0.2.30", PASSWORD);
    const { token } = await res.json();
    expect((await t.call("GET", "/api/v1/me", { token })).status).toBe(200);
  });
});
