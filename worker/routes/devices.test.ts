import { generateKeyPairSync } from "node:crypto";
import { eq, isNotNull, isNull } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { auditLog, devices, duties, ratings } from "../../db/schema.ts";
import { createDeviceSigner } from "../../tests/device-signer.ts";
import { AGENCY_PATH, appWithAdmin, OFFICER_NIPS, PIN, rating, type TestApp } from "../test-app.ts";

let t: TestApp;
let admin: string;
beforeEach(async () => {
  ({ t, admin } = await appWithAdmin());
});

const path = AGENCY_PATH;

describe("the services a counter gives", () => {
  it("are set with the counter, shown in its list, the form and the tablet's pairing, default first", async () => {
    const made = await t.call("POST", `${path}/counters`, {
      token: admin,
      body: { code: "loket-9", name: "Loket 9", services: ["akta-kelahiran", "ktp-el"], thanksSeconds: 8 },
    });
    expect(made.status).toBe(200);
    expect((await made.json()).counter).toMatchObject({ services: ["akta-kelahiran", "ktp-el"], thanksSeconds: 8 });
    const form = await (await t.call("GET", `${path}/form`)).json();
    expect(form.counters.find((c: { code: string }) => c.code === "loket-9").services).toEqual([
      "akta-kelahiran",
      "ktp-el",
    ]);
    const device = await t.pairDevice("loket-9", admin);
    const self = await (await t.call("GET", "/api/v1/devices/self", { token: device })).json();
    expect(self).toMatchObject({
      counter: "loket-9",
      counterName: "Loket 9",
      thanksSeconds: 8,
      services: [
        { slug: "akta-kelahiran", name: "Akta Kelahiran" },
        { slug: "ktp-el", name: "KTP Elektronik" },
      ],
      duty: null,
    });
  });

  it("refuse a service the agency does not have, and change nothing", async () => {
    const { counters } = await (await t.call("GET", `${path}/counters`, { token: admin })).json();
    const loket1 = counters.find((c: { code: string }) => c.code === "loket-1");
    const res = await t.call("PATCH", `${path}/counters/${loket1.id}`, {
      token: admin,
      body: { services: ["ktp-el", "paspor"] },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: "unknown_service", details: { unknown: ["paspor"] } } });
    const after = await (await t.call("GET", `${path}/counters`, { token: admin })).json();
    expect(after.counters.find((c: { code: string }) => c.code === "loket-1").services).toEqual(loket1.services);
  });

  it("default to every service of the agency when none is set", async () => {
    await t.call("POST", `${path}/counters`, { token: admin, body: { code: "loket-8", name: "Loket 8" } });
    const form = await (await t.call("GET", `${path}/form`)).json();
    expect(form.counters.find((c: { code: string }) => c.code === "loket-8").services).toHaveLength(4);
  });
});

describe("POST /api/v1/devices/pair", () => {
  it("refuses a tablet without a valid public key, and leaves the code for its next try", async () => {
    const code = await t.pairingCode("loket-3", admin);
    const pair = (body: Record<string, unknown>) => t.call("POST", "/api/v1/devices/pair", { body: { code, ...body } });
    const refusal = async (res: Response) => [res.status, (await res.json()).error.code];
    expect(await refusal(await pair({}))).toEqual([400, "public_key_required"]);

    const { publicKey } = createDeviceSigner();
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const p384 = generateKeyPairSync("ec", { namedCurve: "P-384" }).publicKey.export({ format: "jwk" });
    const flipped = (xy: string) => `${xy.slice(0, 10)}${xy[10] === "A" ? "B" : "A"}${xy.slice(11)}`;
    const wrong = [
      { ...publicKey, crv: "P-384" },
      p384,
      { kty: "RSA", n: "sXch", e: "AQAB" },
      { ...publicKey, x: publicKey.x!.slice(1) },
      // A point off the curve: the coordinates' shape is right, the key is not.
      { ...publicKey, y: flipped(publicKey.y!) },
      // A private key never leaves the tablet: one that did proves nothing.
      privateKey.export({ format: "jwk" }),
    ];
    for (const key of wrong) expect(await refusal(await pair({ publicKey: key }))).toEqual([400, "invalid_public_key"]);
    expect((await pair({ publicKey: "not a key" })).status).toBe(400);

    const token = await t.pairWith(code);
    expect((await t.call("GET", "/api/v1/devices/self", { token })).status).toBe(200);
    const [row] = await t.db.select({ publicKey: devices.publicKey }).from(devices).where(isNotNull(devices.pairedAt));
    expect(JSON.parse(row.publicKey!)).toEqual({
      kty: "EC",
      crv: "P-256",
      x: expect.any(String),
      y: expect.any(String),
    });
  });
});

describe("GET /api/v1/devices/self", () => {
  it("tells the tablet who serves now, and only a tablet may ask", async () => {
    const device = await t.pairDevice("loket-1", admin);
    await t.call("POST", "/api/v1/counters/loket-1/duty", { token: device, body: { nip: OFFICER_NIPS[1], pin: PIN } });
    const self = await (await t.call("GET", "/api/v1/devices/self", { token: device })).json();
    expect(self.duty).toMatchObject({ officerId: await t.officerId(OFFICER_NIPS[1]) });
    expect((await t.call("GET", "/api/v1/devices/self")).status).toBe(401);
    expect((await t.call("GET", "/api/v1/devices/self", { token: admin })).status).toBe(403);
  });
});

describe("POST /api/v1/devices/self/unpair", () => {
  it("revokes the tablet with an officer's PIN, and its token stops working", async () => {
    const device = await t.pairDevice("loket-2", admin);
    const wrong = await t.call("POST", "/api/v1/devices/self/unpair", {
      token: device,
      body: { nip: OFFICER_NIPS[0], pin: "000000" },
    });
    expect(wrong.status).toBe(401);
    expect((await t.call("GET", "/api/v1/devices/self", { token: device })).status).toBe(200);
    const right = await t.call("POST", "/api/v1/devices/self/unpair", {
      token: device,
      body: { nip: OFFICER_NIPS[0], pin: PIN },
    });
    expect(right.status).toBe(200);
    expect((await t.call("GET", "/api/v1/devices/self", { token: device })).status).toBe(401);
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, "device.unpair"));
    expect(entry).toBeDefined();
  });

  it("is for the tablet itself: nobody else may call it", async () => {
    const body = { nip: OFFICER_NIPS[0], pin: PIN };
    expect((await t.call("POST", "/api/v1/devices/self/unpair", { body })).status).toBe(401);
    expect((await t.call("POST", "/api/v1/devices/self/unpair", { body, token: admin })).status).toBe(403);
  });
});

describe("duty changes a tablet made offline", () => {
  it("start and end at the time the tablet sends, so offline taps go to the officer who served", async () => {
    const device = await t.pairDevice("loket-3", admin);
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
    // The tablet was paired an hour ago, then went offline.
    const { devices: list } = await (await t.call("GET", `${path}/devices`, { token: admin })).json();
    await t.db.run(`UPDATE devices SET paired_at = ${Date.now() - 3_600_000} WHERE id = '${list[0].id}'`);
    const at = minutesAgo(30);
    const checkIn = await t.call("POST", "/api/v1/counters/loket-3/duty", {
      token: device,
      body: { nip: OFFICER_NIPS[2], pin: PIN, at },
    });
    expect(checkIn.status).toBe(200);
    expect((await checkIn.json()).duty.startedAt).toBe(Date.parse(at));
    const tap = rating({ channel: "kiosk", service: "pindah-datang", createdAt: minutesAgo(20) });
    const checkOut = await t.call("DELETE", "/api/v1/counters/loket-3/duty", {
      token: device,
      body: { pin: PIN, at: minutesAgo(10) },
    });
    expect(checkOut.status).toBe(200);
    await t.call("POST", "/api/v1/ratings", { token: device, body: { ratings: [tap] } });
    const [row] = await t.db.select({ officerId: ratings.officerId }).from(ratings).where(eq(ratings.id, tap.id));
    expect(row.officerId).toBe(await t.officerId(OFFICER_NIPS[2]));
    const open = await t.db.select().from(duties).where(isNull(duties.endedAt));
    expect(open).toEqual([]);
  });

  it("refuse a time before pairing, and a time from anyone but a tablet", async () => {
    const device = await t.pairDevice("loket-3", admin);
    const early = await t.call("POST", "/api/v1/counters/loket-3/duty", {
      token: device,
      body: { nip: OFFICER_NIPS[2], pin: PIN, at: new Date(Date.now() - 3_600_000).toISOString() },
    });
    expect(early.status).toBe(400);
    expect((await early.json()).error.code).toBe("too_old");
    const officer = await t.login({ nip: OFFICER_NIPS[2] });
    const person = await t.call("POST", "/api/v1/counters/loket-3/duty", {
      token: officer,
      body: { at: new Date().toISOString() },
    });
    expect(person.status).toBe(400);
    const open = await t.db.select().from(duties).where(isNull(duties.endedAt));
    expect(open).toEqual([]);
  });
});

describe("pairing attempts from one address", () => {
  it("stop after 10 wrong codes, while tablets that pair never use the allowance up", async () => {
    // An office pairs a dozen tablets from one address: every one pairs.
    for (let i = 0; i < 12; i++) await t.pairDevice("loket-1", admin);
    const pair = async (code: string, ip = "203.0.113.9") =>
      t.call("POST", "/api/v1/devices/pair", {
        body: { code, publicKey: createDeviceSigner().publicKey },
        headers: { "x-test-ip": ip },
      });
    for (let i = 0; i < 10; i++) expect((await pair(String(10_000_000 + i))).status).toBe(400);
    // The guesser is stopped, even with a right code; another address is not.
    const code = await t.pairingCode("loket-2", admin);
    const stopped = await pair(code);
    expect(stopped.status).toBe(429);
    expect((await pair(code, "203.0.113.10")).status).toBe(200);
  });
});
