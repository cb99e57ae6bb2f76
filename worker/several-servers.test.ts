/**
 * Two apps on one database file, sharing no memory, as two Node servers (or two Workers isolates)
 * on one database share none: what must hold across servers holds whichever one a request reaches.
 * The same, with two real server processes on a remote database, is in worker/node-servers.test.ts.
 */
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { hashToken } from "../core/password.ts";
import { devices } from "../db/schema.ts";
import { AGENCY_PATH, OFFICER_NIPS, PIN, type TestApp, testApp } from "./test-app.ts";

let a: TestApp;
let b: TestApp;
beforeEach(async () => {
  a = await testApp();
  b = await testApp({ joining: a });
});

const checkIn = (server: TestApp, device: string, pin: string, nip = OFFICER_NIPS[3]) =>
  server.call("POST", "/api/v1/counters/loket-1/duty", { token: device, body: { nip, pin } });

describe("two servers on one database", () => {
  it("locks an NIP on a tablet after 5 wrong PINs counted across both servers", async () => {
    const device = await a.pairDevice("loket-1");
    for (const server of [a, b, a, b, a]) expect((await checkIn(server, device, "000000")).status).toBe(401);
    // Either server now refuses even the right PIN for that NIP at that tablet.
    const onA = await checkIn(a, device, PIN);
    const onB = await checkIn(b, device, PIN);
    expect([onA.status, onB.status]).toEqual([429, 429]);
    expect((await onB.json()).error.code).toBe("rate_limited");
    expect(Number(onB.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("gives a tablet's count back on either server once the right PIN is given", async () => {
    const device = await a.pairDevice("loket-1");
    for (const server of [a, b, a, b]) await checkIn(server, device, "000000");
    expect((await checkIn(b, device, PIN)).status).toBe(200);
    // The count started over: four more wrong tries are answered as wrong, not as locked.
    for (const server of [a, b, a, b]) expect((await checkIn(server, device, "000000")).status).toBe(401);
  });

  it("refuses a tablet revoked on one server on the other within 1 s", async () => {
    const device = await a.pairDevice("loket-1");
    // Server B has just looked the tablet up (and keeps it in its device cache).
    expect((await b.call("GET", "/api/v1/devices/self", { token: device })).status).toBe(200);
    const [{ id }] = await a.db
      .select({ id: devices.id })
      .from(devices)
      .where(eq(devices.tokenHash, await hashToken(device)));
    const revoked = await a.call("DELETE", `${AGENCY_PATH}/devices/${id}`, { token: await a.login() });
    expect(revoked.status).toBe(200);
    expect((await a.call("GET", "/api/v1/devices/self", { token: device })).status).toBe(401);
    // The bound (worker/device-cache.ts): past it, B asks the database again.
    await new Promise((resolve) => setTimeout(resolve, 1_050));
    const onB = await b.call("GET", "/api/v1/devices/self", { token: device });
    expect(onB.status).toBe(401);
    expect((await onB.json()).error.code).toBe("unauthorized");
  });
});
