/**
 * A clash with something that exists (a slug, counter code, NIP or e-mail in use) is a
 * 409 `conflict` on every store, and nothing of the refused change is kept. Over the
 * wire (sqld, Turso) the database reports it with SQLite's primary code only,
 * `SQLITE_CONSTRAINT`, so worker/errors.ts must not wait for the extended one.
 */
import { describe, expect, it } from "vitest";
import { DEMO_REGIONAL_EMAIL, DEMO_SUPERVISOR_EMAIL } from "../db/seed.ts";
import { AGENCY, AGENCY_PATH, OFFICER_NIPS, STORES, testApp } from "./test-app.ts";

describe.each(STORES)("a clash on the %s store", (store) => {
  const setUp = async () => {
    const t = await testApp({ store });
    return { t, admin: await t.login() };
  };
  const expectConflict = async (res: Response) => {
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe("conflict");
  };

  it("a service slug in use is 409, and the service keeps its name", async () => {
    const { t, admin } = await setUp();
    await expectConflict(
      await t.call("POST", `${AGENCY_PATH}/services`, { token: admin, body: { slug: "ktp-el", name: "Lain" } }),
    );
    const form = await (await t.call("GET", `${AGENCY_PATH}/form`)).json();
    expect(form.services).toContainEqual({ slug: "ktp-el", name: "KTP Elektronik" });
  });

  it("a counter code in use is 409, and no second counter appears", async () => {
    const { t, admin } = await setUp();
    await expectConflict(
      await t.call("POST", `${AGENCY_PATH}/counters`, { token: admin, body: { code: "loket-1", name: "Loket Baru" } }),
    );
    const { counters } = await (await t.call("GET", `${AGENCY_PATH}/counters`, { token: admin })).json();
    expect(counters.filter((c: { code: string }) => c.code === "loket-1").map((c: { name: string }) => c.name)).toEqual(
      ["Loket 1"],
    );
  });

  it("an officer's NIP in use is 409, and the officer list is unchanged", async () => {
    const { t, admin } = await setUp();
    const before = await (await t.call("GET", `${AGENCY_PATH}/officers`, { token: admin })).json();
    await expectConflict(
      await t.call("POST", `${AGENCY_PATH}/officers`, { token: admin, body: { nip: OFFICER_NIPS[0], name: "Salah" } }),
    );
    expect(await (await t.call("GET", `${AGENCY_PATH}/officers`, { token: admin })).json()).toEqual(before);
  });

  it("an e-mail in use is 409, and its owner still signs in", async () => {
    const { t, admin } = await setUp();
    await expectConflict(
      await t.call("POST", `${AGENCY_PATH}/users`, {
        token: admin,
        body: { email: DEMO_SUPERVISOR_EMAIL, name: "Lain", role: "supervisor", password: "another-password-1" },
      }),
    );
    await t.login({ email: DEMO_SUPERVISOR_EMAIL });
  });

  it("an agency slug in use is 409, and its first admin is not made either", async () => {
    const { t } = await setUp();
    const regional = await t.login({ email: DEMO_REGIONAL_EMAIL });
    const admin = { name: "Rina Admin", email: "rina@dpmptsp.go.id", password: "first-admin-pw" };
    await expectConflict(
      await t.call("POST", "/api/v1/agencies", {
        token: regional,
        body: { slug: AGENCY, name: "Dua Kali", timezone: "Asia/Jakarta", admin },
      }),
    );
    const signIn = await t.call("POST", "/api/v1/auth/login", {
      body: { email: admin.email, password: admin.password },
    });
    expect(signIn.status).toBe(401);
  });
});
