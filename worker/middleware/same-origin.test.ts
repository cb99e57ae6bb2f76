/**
 * CSRF: changes made with the session cookie are refused unless the browser says
 * they come from Suara's own pages; bearer tokens are not affected.
 */
import { describe, expect, it } from "vitest";
import { DEMO_ADMIN_EMAIL } from "../../db/seed.ts";
import { AGENCY, OFFICER_NIPS, rating, STORES, testApp } from "../test-app.ts";
import { SESSION_COOKIE } from "./auth.ts";

/** A sibling site of the agency's: SameSite=Strict still sends the cookie from there. */
const SAME_SITE_PAGE = "https://pengumuman.tebingtinggikota.go.id";

describe.each(STORES)("changes riding the session cookie (%s store)", (store) => {
  async function setUp() {
    const t = await testApp({ store, settings: { publicUrl: "https://suara.tebingtinggikota.go.id" } });
    const admin = await t.login();
    const device = await t.staffAllDay("loket-1", OFFICER_NIPS[0], admin);
    const made = rating({ channel: "kiosk", overall: 2 });
    expect((await t.call("POST", "/api/v1/ratings", { token: device, body: { ratings: [made] } })).status).toBe(200);
    const exclude = (headers: Record<string, string>) =>
      t.call("POST", `/api/v1/agencies/${AGENCY}/ratings/${made.id}/exclude`, {
        headers: { cookie: `${SESSION_COOKIE}=${admin}`, ...headers },
      });
    return { t, admin, exclude };
  }

  it("are refused from a same-site page, without an Origin, or from a page that hides it", async () => {
    const { exclude } = await setUp();
    for (const headers of <Record<string, string>[]>[
      { origin: SAME_SITE_PAGE, "sec-fetch-site": "same-site" },
      { origin: SAME_SITE_PAGE },
      { "sec-fetch-site": "same-site" },
      { origin: "null" },
      {},
    ]) {
      const res = await exclude(headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect((await res.json()).error.code).toBe("cross_origin_request");
    }
  });

  it("nothing changes when one is refused", async () => {
    const { t, admin, exclude } = await setUp();
    await exclude({ origin: SAME_SITE_PAGE });
    const flagged = await t.call("GET", `/api/v1/agencies/${AGENCY}/flagged`, { token: admin });
    expect((await flagged.json()).ratings).toEqual([]);
  });

  it("a same-site page cannot check an officer in with the officer's cookie", async () => {
    const { t } = await setUp();
    const officer = await t.login({ nip: OFFICER_NIPS[1] });
    const res = await t.call("POST", "/api/v1/counters/loket-2/duty", {
      headers: { cookie: `${SESSION_COOKIE}=${officer}`, origin: SAME_SITE_PAGE },
      body: {},
    });
    expect(res.status).toBe(403);
  });

  it("are accepted from this host's pages (http behind the proxy or not), SUARA_PUBLIC_URL, or same-origin fetch metadata", async () => {
    for (const headers of <Record<string, string>[]>[
      { origin: "http://localhost" },
      { origin: "https://localhost" },
      { origin: "https://suara.tebingtinggikota.go.id" },
      { "sec-fetch-site": "same-origin" },
    ]) {
      const { exclude } = await setUp();
      expect((await exclude(headers)).status, JSON.stringify(headers)).toBe(200);
    }
  });

  it("do not concern bearer tokens, reads or signing in", async () => {
    const { t, admin } = await setUp();
    const made = rating({ channel: "widget", overall: 3 });
    await t.storeAt([made]);
    const byToken = await t.call("POST", `/api/v1/agencies/${AGENCY}/ratings/${made.id}/exclude`, {
      token: admin,
      headers: { origin: SAME_SITE_PAGE },
    });
    expect(byToken.status).toBe(200);
    const read = await t.call("GET", "/api/v1/me", { headers: { cookie: `${SESSION_COOKIE}=${admin}` } });
    expect(read.status).toBe(200);
    const again = await t.call("POST", "/api/v1/auth/login", {
      headers: { cookie: `${SESSION_COOKIE}=${admin}` },
      body: { email: DEMO_ADMIN_EMAIL, password: "wrong-password" },
    });
    expect(again.status).toBe(401);
  });
});
