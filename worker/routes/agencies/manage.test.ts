import { and, eq, isNull } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { auditLog, duties } from "../../../db/schema.ts";
import { AGENCY_PATH, appWithAdmin, PIN, rating, type TestApp } from "../../test-app.ts";

let t: TestApp;
let admin: string;
beforeEach(async () => {
  ({ t, admin } = await appWithAdmin());
});

const path = AGENCY_PATH;

describe("management", () => {
  it("creates, renames and archives a service, and the form follows; each change is audited", async () => {
    const created = await t.call("POST", `${path}/services`, {
      token: admin,
      body: { slug: "paspor", name: "Surat Pindah" },
    });
    expect(created.status).toBe(200);
    const { service } = await created.json();
    await t.call("PATCH", `${path}/services/${service.id}`, { token: admin, body: { name: "Rekomendasi Paspor" } });
    let form = await (await t.call("GET", `${path}/form`)).json();
    expect(form.services).toContainEqual({ slug: "paspor", name: "Rekomendasi Paspor" });
    await t.call("DELETE", `${path}/services/${service.id}`, { token: admin });
    form = await (await t.call("GET", `${path}/form`)).json();
    expect(form.services.map((s: { slug: string }) => s.slug)).not.toContain("paspor");
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.target, service.id));
    expect(audit.map((a) => a.action)).toEqual(["service.create", "service.update", "service.archive"]);
  });

  it("archiving a counter retires its tablets (they start nothing new) and ends its duty", async () => {
    const device = await t.pairDevice("loket-2", admin);
    const officer = await t.login({ nip: "198803122010012004" });
    await t.call("POST", "/api/v1/counters/loket-2/duty", { token: officer, body: {} });
    // Used once, so the device token is cached when its counter goes.
    expect((await t.call("GET", "/api/v1/counters/loket-2/duty", { token: device })).status).toBe(200);
    const { counters } = await (await t.call("GET", `${path}/counters`, { token: admin })).json();
    const loket2 = counters.find((c: { code: string }) => c.code === "loket-2");
    expect((await t.call("DELETE", `${path}/counters/${loket2.id}`, { token: admin })).status).toBe(200);
    expect((await t.call("GET", "/api/v1/counters/loket-2/duty", { token: device })).status).toBe(409);
    const { devices } = await (await t.call("GET", `${path}/devices`, { token: admin })).json();
    expect(devices.every((d: { counterArchivedAt: number | null }) => d.counterArchivedAt !== null)).toBe(true);
    const form = await (await t.call("GET", `${path}/form`)).json();
    expect(form.counters.map((c: { code: string }) => c.code)).not.toContain("loket-2");
    const open = await t.db
      .select()
      .from(duties)
      .where(and(eq(duties.counterId, loket2.id), isNull(duties.endedAt)));
    expect(open).toEqual([]);
  });

  it("answers a clash with 409 and keeps what was there", async () => {
    const res = await t.call("POST", `${path}/services`, { token: admin, body: { slug: "ktp-el", name: "Lain" } });
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe("conflict");
    const form = await (await t.call("GET", `${path}/form`)).json();
    expect(form.services).toContainEqual({ slug: "ktp-el", name: "KTP Elektronik" });
  });

  it("never shows password or PIN hashes in lists", async () => {
    for (const list of ["users", "officers"]) {
      const text = await (await t.call("GET", `${path}/${list}`, { token: admin })).text();
      expect(text).not.toMatch(/pbkdf2|passwordHash|pinHash/);
    }
  });

  it("validates embed origins: https only, plain http for localhost", async () => {
    for (const origin of ["https://ok.go.id/path", "http://evil.example", "javascript:alert(1)", "ftp://ok.go.id"]) {
      const bad = await t.call("PUT", `${path}/origins`, { token: admin, body: { origins: [origin] } });
      expect(bad.status, origin).toBe(400);
    }
    const local = await t.call("PUT", `${path}/origins`, {
      token: admin,
      body: { origins: ["http://localhost:3000"] },
    });
    expect(local.status).toBe(200);
    const good = await t.call("PUT", `${path}/origins`, { token: admin, body: { origins: ["https://ok.go.id"] } });
    expect(await good.json()).toEqual({ origins: ["https://ok.go.id"] });
  });
});

let photoNips = 0;

describe("a regional admin creating an agency", () => {
  const body = (fields: Record<string, unknown> = {}) => ({
    slug: "dpmptsp-tebingtinggi",
    name: "DPMPTSP Kota Tebing Tinggi",
    timezone: "Asia/Jakarta",
    admin: { name: "Rina Admin", email: "Rina@DPMPTSP.go.id", password: "first-admin-pw" },
    ...fields,
  });

  it("makes the agency and its first admin in one step, who can then sign in and manage it", async () => {
    const regional = await t.login({ email: "regional@demo.suara.id" });
    const res = await t.call("POST", "/api/v1/agencies", { token: regional, body: body() });
    expect(res.status).toBe(200);
    const made = await res.json();
    expect(made.agency).toMatchObject({ slug: "dpmptsp-tebingtinggi", region: expect.any(String) });
    expect(made.admin).toMatchObject({ role: "agency_admin", email: "rina@dpmptsp.go.id", agencyId: made.agency.id });
    expect(JSON.stringify(made)).not.toMatch(/pbkdf2|passwordHash/);
    const admin2 = await t.login({ email: "rina@dpmptsp.go.id", password: "first-admin-pw" });
    // The regional admin saw the first password: its owner chooses their own before anything else.
    await t.changePassword(admin2, "first-admin-pw");
    const setup = await t.call("GET", "/api/v1/agencies/dpmptsp-tebingtinggi/setup", { token: admin2 });
    expect(await setup.json()).toMatchObject({ services: 0, counters: 0, officers: 0, tablets: 0, origins: 0 });
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.agencyId, made.agency.id));
    expect(audit.map((a) => a.action).sort()).toEqual(["agency.create", "user.create", "user.password_change"]);
  });

  it("leaves neither behind when the admin's e-mail is taken", async () => {
    const regional = await t.login({ email: "regional@demo.suara.id" });
    const taken = body({ admin: { name: "X", email: "admin@demo.suara.id", password: "first-admin-pw" } });
    const res = await t.call("POST", "/api/v1/agencies", { token: regional, body: taken });
    expect(res.status).toBe(409);
    const { agencies } = await (await t.call("GET", "/api/v1/agencies", { token: regional })).json();
    expect(agencies.map((a: { slug: string }) => a.slug)).not.toContain("dpmptsp-tebingtinggi");
  });

  it("refuses a first admin without a usable e-mail or password, naming the field", async () => {
    const regional = await t.login({ email: "regional@demo.suara.id" });
    const res = await t.call("POST", "/api/v1/agencies", {
      token: regional,
      body: body({ admin: { name: "X", email: "not-an-email", password: "short" } }),
    });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.details.map((i: { path: string }) => i.path)).toEqual(["admin.email", "admin.password"]);
  });
});

describe("URL fields", () => {
  it("take an officer's photo only from https (or localhost)", async () => {
    const officer = (photoUrl: string) =>
      t.call("POST", `${path}/officers`, {
        token: admin,
        body: { nip: `199001012015011${String(++photoNips).padStart(3, "0")}`, name: "Foto", photoUrl },
      });
    for (const url of [
      "javascript:alert(1)",
      "http://cdn.example/p.jpg",
      "data:image/png;base64,AAAA",
      "ftp://x.id/p.jpg",
    ]) {
      const res = await officer(url);
      expect(res.status, url).toBe(400);
      expect((await res.json()).error.code).toBe("invalid_request");
    }
    expect((await officer("https://disdukcapil.tebingtinggikota.go.id/foto/1.jpg")).status).toBe(200);
  });
});

describe("officers", () => {
  it("refuse an NIP whose birth date, appointment month or gender digit cannot be, and store nothing", async () => {
    const before = (await (await t.call("GET", `${path}/officers`, { token: admin })).json()).officers.length;
    for (const nip of ["198813122010012004", "198803122010013004"]) {
      const res = await t.call("POST", `${path}/officers`, { token: admin, body: { nip, name: "Salah" } });
      expect(res.status).toBe(400);
      expect((await res.json()).error.message).toMatch(/^nip: /);
    }
    const after = (await (await t.call("GET", `${path}/officers`, { token: admin })).json()).officers.length;
    expect(after).toBe(before);
  });

  it("end an open duty when deactivated, so the kiosk stops naming them", async () => {
    const device = await t.pairDevice("loket-1", admin);
    await t.call("POST", "/api/v1/counters/loket-1/duty", {
      token: device,
      body: { nip: "198803122010012004", pin: PIN },
    });
    const officer = await t.officerId("198803122010012004");
    expect((await t.call("DELETE", `${path}/officers/${officer}`, { token: admin })).status).toBe(200);
    const duty = await (await t.call("GET", "/api/v1/counters/loket-1/duty", { token: device })).json();
    expect(duty.duty).toBeNull();
  });
});

describe("the first-run checklist and the audit log", () => {
  it("count what the agency has, from the real data", async () => {
    const before = await (await t.call("GET", `${path}/setup`, { token: admin })).json();
    expect(before).toMatchObject({ services: 4, counters: 4, officers: 6, tablets: 0, origins: 1, ratings: 0 });
    await t.pairDevice("loket-1", admin);
    const after = await (await t.call("GET", `${path}/setup`, { token: admin })).json();
    expect(after.tablets).toBe(1);
    // Links and QR codes point at the request's origin unless SUARA_PUBLIC_URL says otherwise.
    expect(after.publicUrl).toBe("http://localhost");
  });

  it("show each tablet's last report: when it was seen and how its queue stands", async () => {
    const device = await t.pairDevice("loket-1", admin);
    const listed = async () =>
      (await (await t.call("GET", `${path}/devices`, { token: admin })).json()).devices.find(
        (d: { revokedAt: number | null }) => d.revokedAt === null,
      );
    const paired = await listed();
    expect(paired).toMatchObject({ queueWaiting: null, queueAside: null });
    expect(paired.lastSeenAt).toBe(paired.pairedAt);
    const before = Date.now();
    const report = { waiting: 3, aside: 1 };
    expect((await t.call("PUT", "/api/v1/devices/self/status", { token: device, body: report })).status).toBe(200);
    const seen = await listed();
    expect(seen).toMatchObject({ queueWaiting: 3, queueAside: 1 });
    expect(seen.lastSeenAt).toBeGreaterThanOrEqual(before);
    const bad = await t.call("PUT", "/api/v1/devices/self/status", { token: device, body: { waiting: -1, aside: 0 } });
    expect(bad.status).toBe(400);
    expect(await listed()).toMatchObject({ queueWaiting: 3, queueAside: 1 });
  });

  it("list who changed what, newest first, filtered by kind, for admins only", async () => {
    await t.call("POST", `${path}/services`, { token: admin, body: { slug: "paspor", name: "Paspor" } });
    await t.call("PUT", `${path}/origins`, { token: admin, body: { origins: ["https://ok.go.id"] } });
    const all = await (await t.call("GET", `${path}/audit`, { token: admin })).json();
    expect(all.entries.map((e: { action: string }) => e.action).slice(0, 2)).toEqual([
      "origins.replace",
      "service.create",
    ]);
    expect(all.entries[0].actor).toBe("Admin Disdukcapil");
    const services = await (await t.call("GET", `${path}/audit?action=service`, { token: admin })).json();
    expect(services.entries.every((e: { action: string }) => e.action.startsWith("service."))).toBe(true);
    // Kinds with an underscore filter too (the dashboard offers integration keys).
    await t.call("POST", `${path}/integration-keys`, { token: admin, body: { name: "Antrean" } });
    const keys = await t.call("GET", `${path}/audit?action=integration_key`, { token: admin });
    expect(keys.status).toBe(200);
    expect((await keys.json()).entries.map((e: { action: string }) => e.action)).toEqual(["integration_key.create"]);
    expect(JSON.stringify(all)).not.toMatch(/pbkdf2|passwordHash|pinHash/);
    const supervisor = await t.login({ email: "supervisor@demo.suara.id" });
    expect((await t.call("GET", `${path}/audit`, { token: supervisor })).status).toBe(403);
  });
  it("name what each change is about (an officer, a rating), never a bare id", async () => {
    const officers = (await (await t.call("GET", `${path}/officers`, { token: admin })).json()).officers;
    const officer = officers[0];
    await t.call("PATCH", `${path}/officers/${officer.id}`, { token: admin, body: { pin: "246813" } });
    const made = rating({ createdAt: "2026-11-02T01:06:00Z" });
    await t.storeAt([made]);
    expect((await t.call("POST", `${path}/ratings/${made.id}/exclude`, { token: admin })).status).toBe(200);
    const { entries } = await (await t.call("GET", `${path}/audit`, { token: admin })).json();
    const of = (action: string) => entries.find((e: { action: string }) => e.action === action);
    expect(of("officer.update").subject).toEqual({ name: officer.name });
    expect(of("rating.exclude").subject).toEqual({ name: expect.any(String), at: "2026-11-02T01:06:00.000Z" });
  });
});

describe("the audit log", () => {
  it("holds every change the management API makes, and none of the refused ones", async () => {
    const entries = async () =>
      (await t.db.select({ action: auditLog.action }).from(auditLog).orderBy(auditLog.id)).map((a) => a.action);
    const before = (await entries()).length;
    const ok = async (method: string, url: string, body?: unknown) => {
      const res = await t.call(method, `${path}${url}`, { token: admin, body });
      expect(res.status, `${method} ${url}: ${await res.clone().text()}`).toBe(200);
      return res.json();
    };
    const { service } = await ok("POST", "/services", { slug: "paspor", name: "Paspor" });
    await ok("PATCH", `/services/${service.id}`, { name: "Rekomendasi Paspor" });
    const { counter } = await ok("POST", "/counters", { code: "loket-9", name: "Loket 9", services: ["paspor"] });
    await ok("PATCH", `/counters/${counter.id}`, { opensAt: "07:30" });
    const { officer } = await ok("POST", "/officers", { nip: "199005152015031001", name: "Andi Pratama" });
    await ok("PATCH", `/officers/${officer.id}`, { pin: "918273" });
    await ok("POST", "/officers/import", { csv: "199105152016032003,Sari Dewi,Verifikator", commit: true });
    const { user } = await ok("POST", "/users", {
      name: "Andi Pratama",
      role: "officer",
      officer: officer.id,
      password: "officer-password-1",
    });
    await ok("PATCH", `/users/${user.id}`, { password: "officer-password-2" });
    const { device } = await ok("POST", "/devices", { counter: "loket-9", name: "Tablet Loket 9" });
    await ok("DELETE", `/devices/${device.id}`);
    await ok("PUT", "/origins", { origins: ["https://ok.go.id"] });
    await ok("DELETE", `/users/${user.id}`);
    await ok("DELETE", `/officers/${officer.id}`);
    await ok("DELETE", `/counters/${counter.id}`);
    await ok("DELETE", `/services/${service.id}`);
    // Refusals: a clash, a bad NIP, a bad origin. None is a change, none is logged.
    for (const [url, body] of [
      ["/services", { slug: "ktp-el", name: "Lagi" }],
      ["/officers", { nip: "199013452015031001", name: "Salah" }],
    ] as const) {
      expect((await t.call("POST", `${path}${url}`, { token: admin, body })).status).toBeGreaterThanOrEqual(400);
    }
    const badOrigin = await t.call("PUT", `${path}/origins`, {
      token: admin,
      body: { origins: ["http://evil.example"] },
    });
    expect(badOrigin.status).toBe(400);
    expect((await entries()).slice(before)).toEqual([
      "service.create",
      "service.update",
      "counter.create",
      "counter.update",
      "officer.create",
      "officer.update",
      "officer.import",
      "user.create",
      "user.update",
      "device.create",
      "device.revoke",
      "origins.replace",
      "user.delete",
      "officer.deactivate",
      "counter.archive",
      "service.archive",
    ]);
  });
});
