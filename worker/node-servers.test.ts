/**
 * Two Node servers (worker/node.ts, each its own process) on one remote database: the Hrana test
 * server (tests/hrana-server.ts), as sqld or Turso would serve it. Kiosk PIN limits count across
 * both, a tablet revoked on one is refused by the other within 1 s, and two servers started at once
 * on an empty database set it up once (one demo agency), neither failing at it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { DEMO_ADMIN_EMAIL, DEMO_AGENCY, DEMO_OFFICERS } from "../db/seed.ts";
import { createDeviceSigner } from "../tests/device-signer.ts";
import { type HranaServer, startHranaServer } from "../tests/hrana-server.ts";
import { killAll, SERVER_PASSWORD, startServer, waitFor } from "../tests/node-process.ts";

const PIN = "123456";
const NIP = DEMO_OFFICERS[3].nip;

const dir = mkdtempSync(join(tmpdir(), "suara-servers-"));
let files = 0;
let remote: HranaServer | undefined;
afterEach(async () => {
  killAll();
  await remote?.close();
  remote = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An empty remote database, and two servers started on it at the same moment, both serving. */
async function twoServers() {
  remote = await startHranaServer({ path: join(dir, `${++files}.db`) });
  const env = { LIBSQL_URL: remote.url };
  const servers = await Promise.all([startServer(env), startServer(env)]);
  await Promise.all(servers.map((s) => waitFor(`${s.base}/health`, 200, 60_000)));
  return servers;
}

/** A JSON call to a server; a device token's call is signed by `tablet`, as the kiosk signs it. */
function caller(tablet = createDeviceSigner()) {
  const call = (base: string, method: string, path: string, token?: string, body?: unknown) => {
    const raw = body === undefined ? undefined : JSON.stringify(body);
    return fetch(`${base}/api/v1${path}`, {
      method,
      headers: {
        ...(raw ? { "content-type": "application/json" } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(token?.startsWith("dev_") ? tablet.headers(method, `/api/v1${path}`, raw) : {}),
      },
      body: raw,
    });
  };
  return { tablet, call };
}

/** Signs the demo admin in on `base` and pairs a tablet at loket-1 there; returns both tokens. */
async function pairOn(base: string, { tablet, call }: ReturnType<typeof caller>) {
  const login = await call(base, "POST", "/auth/login", undefined, {
    email: DEMO_ADMIN_EMAIL,
    password: SERVER_PASSWORD,
  });
  const { token: admin } = (await login.json()) as { token: string };
  const made = await call(base, "POST", `/agencies/${DEMO_AGENCY}/devices`, admin, { counter: "loket-1", name: "T" });
  const { pairingCode } = (await made.json()) as { pairingCode: string };
  const paired = await call(base, "POST", "/devices/pair", undefined, {
    code: pairingCode,
    publicKey: tablet.publicKey,
  });
  const { token: device } = (await paired.json()) as { token: string };
  return { admin, device };
}

describe("two Node servers on one remote database", () => {
  it("set an empty database up once when started at the same moment: one demo agency, both serve", async () => {
    const [a, b] = await twoServers();
    const db = createClient({ url: remote!.url });
    const { rows } = await db.execute("SELECT slug FROM agencies");
    db.close();
    expect(rows.map((r) => r.slug)).toEqual([DEMO_AGENCY]);
    // Neither failed at migrating or seeding (before the set-up lock, the second to try did, and
    // answered 503 until it tried again 5 s later).
    for (const server of [a, b]) expect(server.output()).not.toMatch(/cannot be reached/);
    expect(`${a.output()}${b.output()}`.match(/Seeded the demo agency/g)).toHaveLength(1);
    for (const server of [a, b]) {
      const forms = await fetch(`${server.base}/api/v1/agencies/${DEMO_AGENCY}/form`);
      expect(forms.status).toBe(200);
    }
  }, 120_000);

  it("lock an NIP at a tablet after 5 wrong PINs counted across both, and refuse a tablet revoked on one on the other within 1 s", async () => {
    const [a, b] = await twoServers();
    const kiosk = caller();
    const { admin, device } = await pairOn(a.base, kiosk);
    const checkIn = (base: string, pin: string) =>
      kiosk.call(base, "POST", "/counters/loket-1/duty", device, { nip: NIP, pin });
    for (const server of [a, b, a, b, a]) expect((await checkIn(server.base, "000000")).status).toBe(401);
    expect((await checkIn(b.base, PIN)).status).toBe(429);
    expect((await checkIn(a.base, PIN)).status).toBe(429);

    // B has just looked the tablet up (and keeps it in its device cache); A revokes it.
    const self = await kiosk.call(b.base, "GET", "/devices/self", device);
    expect(self.status).toBe(200);
    const { device: paired } = (await self.json()) as { device: { id: string } };
    const revoked = await kiosk.call(a.base, "DELETE", `/agencies/${DEMO_AGENCY}/devices/${paired.id}`, admin);
    expect(revoked.status).toBe(200);
    // The bound (worker/device-cache.ts): past it, B asks the database again.
    await new Promise((resolve) => setTimeout(resolve, 1_050));
    expect((await kiosk.call(b.base, "GET", "/devices/self", device)).status).toBe(401);
  }, 120_000);
});
