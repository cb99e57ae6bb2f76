import { describe, expect, it } from "vitest";
import { DEMO_OFFICERS, DEMO_SUPERVISOR_EMAIL } from "../../../db/seed.ts";
import { isEveryInterface, lanUrls } from "../../lan.ts";
import { AGENCY, OTHER_ADMIN_EMAIL, STORES, testApp } from "../../test-app.ts";

/** The office network addresses of a Node server bound to 0.0.0.0, as worker/lan.ts would find them. */
const LAN = ["http://192.168.1.10:8787", "http://10.8.0.4:8787"];

describe.each(STORES)("the pairing link a tablet opens (ratings stored through the %s)", (store) => {
  /** GET setup as `token` with the dashboard opened at `origin`. */
  const setupAt = async (t: Awaited<ReturnType<typeof testApp>>, origin: string, token: string) => {
    const res = await t.app.request(`${origin}/api/v1/agencies/${AGENCY}/setup`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: res.status, body: await res.json() };
  };

  it.each([
    "http://localhost:8787",
    "http://127.0.0.1:8787",
    "http://127.8.0.1",
    "http://[::1]:8787",
    "http://0.0.0.0:8787",
    "http://suara.localhost:8787",
  ])("is never this machine's own address: the dashboard opened at %s gets none", async (origin) => {
    const t = await testApp({ store, lanUrls: LAN });
    const { status, body } = await setupAt(t, origin, await t.login());
    expect(status).toBe(200);
    expect(body.kioskUrl).toBeNull();
    // The admin learns where the server is on the office network instead.
    expect(body.lanUrls).toEqual(LAN);
    // Other links keep the request's origin, as before.
    expect(body.publicUrl).toBe(origin);
  });

  it("is the address the dashboard was opened at when that is on the network", async () => {
    const t = await testApp({ store, lanUrls: LAN });
    const { body } = await setupAt(t, "http://192.168.1.10:8787", await t.login());
    expect(body.kioskUrl).toBe("http://192.168.1.10:8787");
  });

  it("is SUARA_PUBLIC_URL when it is set, wherever the dashboard was opened", async () => {
    const t = await testApp({ store, settings: { publicUrl: "https://suara.tebingtinggikota.go.id" } });
    for (const origin of ["http://127.0.0.1:8787", "http://192.168.1.10:8787"]) {
      expect((await setupAt(t, origin, await t.login())).body.kioskUrl).toBe("https://suara.tebingtinggikota.go.id");
    }
  });

  it("tells the server's network addresses to admins only; others get none or nothing", async () => {
    const t = await testApp({ store, lanUrls: LAN });
    const supervisor = await setupAt(t, "http://127.0.0.1:8787", await t.login({ email: DEMO_SUPERVISOR_EMAIL }));
    expect(supervisor.status).toBe(200);
    expect(supervisor.body.lanUrls).toEqual([]);
    const officer = await setupAt(t, "http://127.0.0.1:8787", await t.login({ nip: DEMO_OFFICERS[0].nip }));
    expect(officer.status).toBe(403);
    const otherAgency = await setupAt(t, "http://127.0.0.1:8787", await t.login({ email: OTHER_ADMIN_EMAIL }));
    expect(otherAgency.status).toBe(403);
    expect((await t.app.request(`/api/v1/agencies/${AGENCY}/setup`)).status).toBe(401);
  });
});

describe("the server's own network addresses", () => {
  it("are its IPv4 addresses that are not loopback, as http links on its port", () => {
    for (const url of lanUrls(8787)) {
      expect(url).toMatch(/^http:\/\/\d{1,3}(\.\d{1,3}){3}:8787$/);
      expect(url).not.toMatch(/^http:\/\/127\./);
    }
  });

  it("are looked up only for a server bound to every interface", () => {
    expect(["0.0.0.0", "::", "[::]"].map(isEveryInterface)).toEqual([true, true, true]);
    expect(["127.0.0.1", "192.168.1.10", "localhost", "::1"].map(isEveryInterface)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
