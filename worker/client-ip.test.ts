import { describe, expect, it } from "vitest";
import { createDeviceSigner } from "../tests/device-signer.ts";
import { clientAddress, parseTrustProxy } from "./client-ip.ts";
import { nodeSettings, SettingsError } from "./settings.ts";
import { ORIGIN, rating, STORES, testApp } from "./test-app.ts";

/** Caddy's address as the server's socket sees it (it runs on the same machine). */
const PROXY = "127.0.0.1";
/** A citizen's phone on the office network or a carrier: the nth address of 10.20.0.0/16. */
const citizen = (n: number) => `10.20.${Math.floor(n / 250)}.${(n % 250) + 1}`;

describe("the client's address (SUARA_TRUST_PROXY)", () => {
  it("is the socket's when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress("203.0.113.9", "10.0.0.1", null)).toBe("203.0.113.9");
    expect(clientAddress("127.0.0.1", undefined, parseTrustProxy("loopback"))).toBe("127.0.0.1");
  });

  it("through trusted proxies is the nearest hop they do not vouch for", () => {
    const trust = parseTrustProxy("loopback, 10.1.0.0/16");
    // The citizen wrote their own header; Caddy and an inner proxy appended what each saw.
    expect(clientAddress("127.0.0.1", "6.6.6.6, 198.51.100.7, 10.1.2.3", trust)).toBe("198.51.100.7");
    expect(clientAddress("::ffff:127.0.0.1", "198.51.100.7", trust)).toBe("198.51.100.7");
    // An untrusted sender's header is not read at all.
    expect(clientAddress("203.0.113.9", "198.51.100.7", trust)).toBe("203.0.113.9");
  });

  it("with a hop count believes that many proxies, whatever their addresses", () => {
    const one = parseTrustProxy("1");
    expect(clientAddress("192.0.2.1", "6.6.6.6, 198.51.100.7", one)).toBe("198.51.100.7");
    expect(clientAddress("192.0.2.1", "6.6.6.6, 198.51.100.7, 192.0.2.2", parseTrustProxy("2"))).toBe("198.51.100.7");
  });

  it.each([
    ["yes", /invalid IP address: yes/],
    ["proxy.lan", /invalid IP address: proxy\.lan/],
    ["10.0.0.0/33", /invalid range on address: 10\.0\.0\.0\/33/],
    ["127.0.0.1,,10.0.0.1", /empty entry/],
    ["0", /hop count from 1 to 10/],
    ["11", /hop count from 1 to 10/],
    ["true", /invalid IP address: true/],
  ])("refuses SUARA_TRUST_PROXY=%s at start and says why", (value, why) => {
    expect(() => nodeSettings({ SUARA_TRUST_PROXY: value })).toThrow(SettingsError);
    expect(() => nodeSettings({ SUARA_TRUST_PROXY: value })).toThrow(/SUARA_TRUST_PROXY/);
    expect(() => nodeSettings({ SUARA_TRUST_PROXY: value })).toThrow(why);
  });

  it("is off unless set", () => {
    expect(nodeSettings({}).trustProxy).toBeNull();
    expect(nodeSettings({ SUARA_TRUST_PROXY: "" }).trustProxy).toBeNull();
    expect(nodeSettings({ SUARA_TRUST_PROXY: "loopback,192.168.1.10" }).trustProxy).toBeTypeOf("function");
  });
});

describe.each(STORES)("limits by address behind a proxy, ratings stored through the %s", (store) => {
  /** One widget rating sent from the socket address `from` with X-Forwarded-For `forwardedFor`. */
  const send = (t: Awaited<ReturnType<typeof testApp>>, from: string, forwardedFor?: string) =>
    t.call("POST", "/api/v1/ratings", {
      body: { ratings: [rating()] },
      headers: { origin: ORIGIN, "x-test-ip": from, ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) },
    });

  it("through a trusted proxy limits 40 citizens each on their own", async () => {
    const t = await testApp({ store, trustProxy: "loopback" });
    for (let n = 0; n < 40; n++) expect((await send(t, PROXY, citizen(n))).status, citizen(n)).toBe(200);
    // One citizen sends on: their own 30 an hour, then 429 for them alone.
    for (let i = 1; i < 30; i++) expect((await send(t, PROXY, citizen(7))).status).toBe(200);
    const refused = await send(t, PROXY, citizen(7));
    expect(refused.status).toBe(429);
    expect((await refused.json()).error.code).toBe("rate_limited");
    for (const n of [0, 8, 39]) expect((await send(t, PROXY, citizen(n))).status).toBe(200);
    // A citizen who writes their own X-Forwarded-For in front of Caddy's entry is still themself.
    expect((await send(t, PROXY, `10.99.0.1, ${citizen(7)}`)).status).toBe(429);
  });

  it("without the setting believes no forwarded header: everyone behind the proxy shares its address", async () => {
    const t = await testApp({ store });
    for (let n = 0; n < 30; n++) expect((await send(t, PROXY, citizen(n))).status).toBe(200);
    expect((await send(t, PROXY, citizen(30))).status).toBe(429);
  });

  it("ignores X-Forwarded-For from a sender that is not a trusted proxy", async () => {
    const t = await testApp({ store, trustProxy: "loopback" });
    // Someone on the LAN reaching Node directly writes a new address on every request.
    for (let n = 0; n < 30; n++) expect((await send(t, "192.168.1.50", citizen(n))).status).toBe(200);
    expect((await send(t, "192.168.1.50", citizen(30))).status).toBe(429);
    // The proxy's citizens are not held by that sender's use.
    expect((await send(t, PROXY, citizen(31))).status).toBe(200);
  });

  it("with a hop count takes the address the last proxy saw", async () => {
    const t = await testApp({ store, trustProxy: "1" });
    for (let n = 0; n < 40; n++) expect((await send(t, "192.0.2.1", `6.6.6.6, ${citizen(n)}`)).status).toBe(200);
    for (let i = 1; i < 30; i++) expect((await send(t, "192.0.2.1", citizen(3))).status).toBe(200);
    expect((await send(t, "192.0.2.1", `10.99.0.${1}, ${citizen(3)}`)).status).toBe(429);
    expect((await send(t, "192.0.2.1", citizen(4))).status).toBe(200);
  });

  it("counts wrong pairing codes per tablet behind the proxy, not for the whole office", async () => {
    const t = await testApp({ store, trustProxy: "loopback" });
    const pair = (forwardedFor: string) =>
      t.call("POST", "/api/v1/devices/pair", {
        body: { code: "00000000", publicKey: {} },
        headers: { "x-test-ip": PROXY, "x-forwarded-for": forwardedFor },
      });
    for (let i = 0; i < 10; i++) expect((await pair(citizen(1))).status).not.toBe(429);
    expect((await pair(citizen(1))).status).toBe(429);
    // Another tablet in the same office pairs with its code.
    const code = await t.pairingCode("loket-2");
    const other = await t.call("POST", "/api/v1/devices/pair", {
      body: { code, publicKey: createDeviceSigner().publicKey },
      headers: { "x-test-ip": PROXY, "x-forwarded-for": citizen(2) },
    });
    expect(other.status).toBe(200);
  });
});
