import { beforeEach, describe, expect, it } from "vitest";
import { createDeviceSigner } from "../../tests/device-signer.ts";
import { OFFICER_NIPS, PIN, testApp } from "../test-app.ts";

let t: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  t = await testApp();
});

describe("duty at a counter", () => {
  it("checks an officer in from the counter's kiosk with NIP and PIN, and shows who serves", async () => {
    const device = await t.pairDevice("loket-1");
    const res = await t.call("POST", "/api/v1/counters/loket-1/duty", {
      token: device,
      body: { nip: OFFICER_NIPS[3], pin: PIN },
    });
    expect(res.status).toBe(200);
    const now = await (await t.call("GET", "/api/v1/counters/loket-1/duty", { token: device })).json();
    expect(now.duty.name).toBe("Ahmad Fauzi Lubis");
  });

  it("refuses a wrong PIN, and locks that NIP on the device after 5, even for the right PIN", async () => {
    const device = await t.pairDevice("loket-1");
    const attempt = (pin: string, nip = OFFICER_NIPS[3]) =>
      t.call("POST", "/api/v1/counters/loket-1/duty", { token: device, body: { nip, pin } });
    const first = await attempt("000000");
    expect(first.status).toBe(401);
    expect((await first.json()).error.code).toBe("invalid_credentials");
    for (let i = 0; i < 4; i++) await attempt("000000");
    expect((await attempt(PIN)).status).toBe(429);
    // Another officer at the same tablet is not locked out by it.
    expect((await attempt(PIN, OFFICER_NIPS[4])).status).toBe(200);
  });

  it("never checks in after 40 concurrent wrong PINs, with the right one right after", async () => {
    const device = await t.pairDevice("loket-1");
    const attempt = (pin: string) =>
      t.call("POST", "/api/v1/counters/loket-1/duty", { token: device, body: { nip: OFFICER_NIPS[3], pin } });
    const wrong = Promise.all(Array.from({ length: 40 }, (_, i) => attempt(String(100000 + i))));
    const right = await attempt(PIN);
    await wrong;
    expect(right.status).toBe(429);
  });

  it("moves an officer who checks in elsewhere, and ends the previous officer's duty at the counter", async () => {
    const officer = await t.login({ nip: OFFICER_NIPS[0] });
    await t.call("POST", "/api/v1/counters/loket-1/duty", { token: officer, body: {} });
    await t.call("POST", "/api/v1/counters/loket-2/duty", { token: officer, body: {} });
    const loket1 = await (await t.call("GET", "/api/v1/counters/loket-1/duty", { token: officer })).json();
    const loket2 = await (await t.call("GET", "/api/v1/counters/loket-2/duty", { token: officer })).json();
    expect(loket1.duty).toBeNull();
    expect(loket2.duty.officerId).toBe(await t.officerId(OFFICER_NIPS[0]));
    const colleague = await t.login({ nip: OFFICER_NIPS[1] });
    await t.call("POST", "/api/v1/counters/loket-2/duty", { token: colleague, body: {} });
    const after = await (await t.call("GET", "/api/v1/counters/loket-2/duty", { token: officer })).json();
    expect(after.duty.officerId).toBe(await t.officerId(OFFICER_NIPS[1]));
    // An officer may not check a colleague out.
    expect((await t.call("DELETE", "/api/v1/counters/loket-2/duty", { token: officer })).status).toBe(403);
  });

  it("lets an officer check in only themself", async () => {
    const officer = await t.login({ nip: OFFICER_NIPS[0] });
    const colleague = await t.officerId(OFFICER_NIPS[1]);
    const res = await t.call("POST", "/api/v1/counters/loket-1/duty", { token: officer, body: { officer: colleague } });
    expect(res.status).toBe(403);
  });
});

describe("POST /api/v1/devices/pair", () => {
  it("pairs once: the code cannot be used again", async () => {
    const admin = await t.login();
    const made = await (
      await t.call("POST", "/api/v1/agencies/disdukcapil-tebingtinggi/devices", {
        token: admin,
        body: { counter: "loket-2", name: "Tablet 2" },
      })
    ).json();
    expect(made.pairingCode).toMatch(/^\d{8}$/);
    const publicKey = createDeviceSigner().publicKey;
    const first = await t.call("POST", "/api/v1/devices/pair", { body: { code: made.pairingCode, publicKey } });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ token: expect.stringMatching(/^dev_/), counter: "loket-2" });
    const second = await t.call("POST", "/api/v1/devices/pair", { body: { code: made.pairingCode, publicKey } });
    expect(second.status).toBe(400);
    expect((await second.json()).error.code).toBe("invalid_pairing_code");
  });
});
