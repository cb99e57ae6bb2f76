/**
 * The kept log mapping of the visit import: its agency's admins save and read it back (the next
 * day's log needs none), each save is audited, bad mappings are 400s, and nobody else reads or
 * writes it (worker/access.test.ts tries every caller on both routes).
 */
import { beforeEach, describe, expect, it } from "vitest";
import { DEMO_REGIONAL_EMAIL, DEMO_SUPERVISOR_EMAIL } from "../../../db/seed.ts";
import { AGENCY, OTHER_ADMIN_EMAIL, STORES, type TestApp, testApp } from "../../test-app.ts";

const path = `/api/v1/agencies/${AGENCY}/visit-import-mapping`;
const MAPPING = {
  columns: { queueNumber: "Nomor Antrian", service: "Layanan", counter: "Loket", date: "Tanggal", calledAt: "Panggil" },
  services: { KTP: "ktp-el", "Kartu Keluarga": "kk" },
  counters: { "1": "loket-1" },
};

describe.each(STORES)("GET|PUT /agencies/:slug/visit-import-mapping (%s store)", (store) => {
  let t: TestApp;
  let admin: string;
  beforeEach(async () => {
    t = await testApp({ store });
    admin = await t.login();
  });

  it("has none before the first save", async () => {
    const res = await t.call("GET", path, { token: admin });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toEqual({ mapping: null, savedBy: null, savedAt: null });
  });

  it("keeps a saved mapping for the next import, with who saved it and when, and audits each save", async () => {
    const saved = await t.call("PUT", path, { token: admin, body: MAPPING });
    expect(saved.status, await saved.clone().text()).toBe(200);
    const kept = await (await t.call("GET", path, { token: admin })).json();
    expect(kept).toEqual({ mapping: MAPPING, savedBy: expect.any(String), savedAt: expect.any(String) });
    expect(Date.parse(kept.savedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(await saved.json()).toEqual(kept);
    // A second save replaces the whole mapping.
    const next = { columns: { service: "Jenis" }, services: {}, counters: {} };
    await t.call("PUT", path, { token: admin, body: next });
    expect((await (await t.call("GET", path, { token: admin })).json()).mapping).toEqual(next);
    const audit = await (
      await t.call("GET", `/api/v1/agencies/${AGENCY}/audit?action=visits.map`, { token: admin })
    ).json();
    expect(audit.entries.map((e: { action: string; details: unknown }) => [e.action, e.details])).toEqual([
      ["visits.map", next],
      ["visits.map", MAPPING],
    ]);
  });

  it("keeps one agency's mapping from another's", async () => {
    await t.call("PUT", path, { token: admin, body: MAPPING });
    const other = await t.login({ email: OTHER_ADMIN_EMAIL });
    const res = await t.call("GET", "/api/v1/agencies/dukcapil-jayapura/visit-import-mapping", { token: other });
    expect((await res.json()).mapping).toBeNull();
  });

  it.each([
    ["an unknown field", { ...MAPPING, columns: { ...MAPPING.columns, visitor: "Nama" } }],
    ["an empty header", { ...MAPPING, columns: { service: " " } }],
    ["a header over 120 characters", { ...MAPPING, columns: { service: "x".repeat(121) } }],
    ["a service that is no slug", { ...MAPPING, services: { KTP: "KTP Elektronik" } }],
    ["a counter that is no code", { ...MAPPING, counters: { "1": "Loket 1" } }],
    [
      "more than 500 values",
      { ...MAPPING, services: Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`S${i}`, "kk"])) },
    ],
    ["no counters", { columns: {}, services: {} }],
    ["another field", { ...MAPPING, note: "x" }],
    ["no object", [1, 2]],
  ])("refuses %s with a 400", async (_, body) => {
    const res = await t.call("PUT", path, { token: admin, body });
    expect(res.status, await res.clone().text()).toBe(400);
    expect((await res.json()).error.code).toBe("invalid_request");
    expect((await (await t.call("GET", path, { token: admin })).json()).mapping).toBeNull();
  });

  it("is the importing admins' only: supervisors, regional admins and another agency's admin may not save or read it", async () => {
    for (const email of [DEMO_SUPERVISOR_EMAIL, DEMO_REGIONAL_EMAIL, OTHER_ADMIN_EMAIL]) {
      const token = await t.login({ email });
      expect((await t.call("PUT", path, { token, body: MAPPING })).status, email).toBe(403);
      expect((await t.call("GET", path, { token })).status, email).toBe(403);
    }
    expect((await t.call("PUT", path, { body: MAPPING })).status).toBe(401);
    expect((await (await t.call("GET", path, { token: admin })).json()).mapping).toBeNull();
  });
});
