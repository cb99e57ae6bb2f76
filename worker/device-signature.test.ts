/**
 * Signed tablets (docs/design.md, "Signed tablets"): a device token copied off a
 * tablet posts nothing without the tablet's key. Every refusal is a 401 that
 * leaves the database as it was; a signed request from the tablet goes through.
 */
import { createPublicKey, type JsonWebKey as NodeJwk, verify } from "node:crypto";
import { count } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { fromBase64Url, SIGNATURE_HEADER, signedMessage, TIMESTAMP_HEADER } from "../core/device-signature.ts";
import { devices, duties, ratings, tickets } from "../db/schema.ts";
import { createDeviceSigner } from "../tests/device-signer.ts";
import { webCryptoKeys } from "./device-keys.ts";
import { OFFICER_NIPS, PIN, rating, STORES, testApp } from "./test-app.ts";

type TestApp = Awaited<ReturnType<typeof testApp>>;
let t: TestApp;
let device: string;

const RATINGS = "/api/v1/ratings";
const stored = async () => (await t.db.select({ n: count() }).from(ratings))[0].n;
const batch = () => JSON.stringify({ ratings: [rating({ channel: "kiosk" })] });

/** A POST of `body` to `path` with the device token and exactly the signature headers given. */
const send = (path: string, body: string, signature: Record<string, string>, method = "POST") =>
  t.app.request(path, {
    method,
    headers: { "content-type": "application/json", authorization: `Bearer ${device}`, ...signature },
    body,
  });

/** The tablet's own signature headers for a request. */
const signed = (method: string, target: string, body: string, timestamp?: number) =>
  t.signers.get(device)!.headers(method, target, body, timestamp);

/** The status and error code of a refusal. */
const refusal = async (res: Response) => [res.status, ((await res.json()) as { error: { code: string } }).error.code];

/** The other valid signature of the same message: (r, s) → (r, n − s) on P-256. */
function malleated(signature: string): string {
  const n = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
  const bytes = fromBase64Url(signature)!;
  const s = BigInt(`0x${Buffer.from(bytes.subarray(32)).toString("hex")}`);
  const twin = Buffer.from((n - s).toString(16).padStart(64, "0"), "hex");
  return Buffer.concat([bytes.subarray(0, 32), twin]).toString("base64url");
}

describe.each(STORES)("a tablet's ratings, stored through the %s", (store) => {
  beforeEach(async () => {
    t = await testApp({ store });
    device = await t.pairDevice("loket-1");
  });

  it("are stored when the tablet signs them", async () => {
    const body = batch();
    const res = await send(RATINGS, body, signed("POST", RATINGS, body));
    expect(res.status).toBe(200);
    expect((await res.json()).results[0].status).toBe("accepted");
    expect(await stored()).toBe(1);
  });

  it("are refused with the bearer token alone (signature_required), nothing stored", async () => {
    expect(await refusal(await send(RATINGS, batch(), {}))).toEqual([401, "signature_required"]);
    expect(await stored()).toBe(0);
  });

  it("are refused when signed by another key, for another body, path or method (bad_signature)", async () => {
    const body = batch();
    const stranger = createDeviceSigner().headers("POST", RATINGS, body);
    expect(await refusal(await send(RATINGS, body, stranger))).toEqual([401, "bad_signature"]);
    const tampered = body.replace('"overall":4', '"overall":1');
    expect(tampered).not.toBe(body);
    expect(await refusal(await send(RATINGS, tampered, signed("POST", RATINGS, body)))).toEqual([401, "bad_signature"]);
    const otherPath = signed("POST", `${RATINGS}?again=1`, body);
    expect(await refusal(await send(RATINGS, body, otherPath))).toEqual([401, "bad_signature"]);
    const otherMethod = signed("PUT", RATINGS, body);
    expect(await refusal(await send(RATINGS, body, otherMethod))).toEqual([401, "bad_signature"]);
    expect(await stored()).toBe(0);
  });

  it("are refused with a malformed signature or timestamp (bad_signature)", async () => {
    const body = batch();
    const good = signed("POST", RATINGS, body);
    const forged = [
      { ...good, [SIGNATURE_HEADER]: good[SIGNATURE_HEADER].slice(0, 80) },
      { ...good, [SIGNATURE_HEADER]: `${good[SIGNATURE_HEADER].slice(0, 85)}+` },
      { ...good, [TIMESTAMP_HEADER]: `${good[TIMESTAMP_HEADER]}.5` },
    ];
    for (const headers of forged)
      expect(await refusal(await send(RATINGS, body, headers))).toEqual([401, "bad_signature"]);
    expect(await stored()).toBe(0);
  });

  it("are refused when signed more than 5 minutes ago or ahead (stale_signature), with the server's time", async () => {
    const body = batch();
    for (const skew of [-5 * 60_000 - 1_000, 5 * 60_000 + 1_000]) {
      const res = await send(RATINGS, body, signed("POST", RATINGS, body, Date.now() + skew));
      expect(res.status).toBe(401);
      const { error } = await res.json();
      expect(error.code).toBe("stale_signature");
      expect(Math.abs(error.details.serverTime - Date.now())).toBeLessThan(5_000);
    }
    // Four minutes off is within the window: a tablet's clock need not be exact.
    const res = await send(RATINGS, body, signed("POST", RATINGS, body, Date.now() - 4 * 60_000));
    expect(res.status).toBe(200);
    expect(await stored()).toBe(1);
  });

  it("are refused when replayed, even with the signature's other valid form (replayed)", async () => {
    const body = batch();
    const headers = signed("POST", RATINGS, body);
    expect((await send(RATINGS, body, headers)).status).toBe(200);
    expect(await refusal(await send(RATINGS, body, headers))).toEqual([401, "replayed"]);
    const twin = { ...headers, [SIGNATURE_HEADER]: malleated(headers[SIGNATURE_HEADER]) };
    expect(twin[SIGNATURE_HEADER]).not.toBe(headers[SIGNATURE_HEADER]);
    // The twin really is a valid signature of the same request: only the replay guard stops it.
    const message = signedMessage(headers[TIMESTAMP_HEADER], "POST", RATINGS, body);
    const publicKey = createPublicKey({ key: t.signers.get(device)!.publicKey as NodeJwk, format: "jwk" });
    expect(
      verify(
        "sha256",
        Buffer.from(message),
        { key: publicKey, dsaEncoding: "ieee-p1363" },
        fromBase64Url(twin[SIGNATURE_HEADER])!,
      ),
    ).toBe(true);
    expect(await refusal(await send(RATINGS, body, twin))).toEqual([401, "replayed"]);
    expect(await stored()).toBe(1);
  });

  it("take a signed body of unknown length (chunked), and stop reading one past the tablets' 2 MB", async () => {
    let pulled = 0;
    /** The body in 64 KB chunks, handed over only as the server reads, counting what it read. */
    const chunked = (text: string) => {
      const bytes = new TextEncoder().encode(text);
      return new ReadableStream({
        pull(controller) {
          if (pulled >= bytes.length) return controller.close();
          controller.enqueue(bytes.slice(pulled, pulled + 65_536));
          pulled += 65_536;
        },
      });
    };
    const post = (body: string) => {
      pulled = 0;
      return t.app.request(RATINGS, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${device}`,
          ...signed("POST", RATINGS, body),
        },
        body: chunked(body),
        duplex: "half",
      } as RequestInit);
    };
    const res = await post(batch());
    expect(res.status).toBe(200);
    expect((await res.json()).results[0].status).toBe("accepted");
    const huge = JSON.stringify({ ratings: [rating({ channel: "kiosk", comment: "x".repeat(3 * 1024 * 1024) })] });
    expect(await refusal(await post(huge))).toEqual([413, "payload_too_large"]);
    expect(pulled).toBeLessThan(2.2 * 1024 * 1024);
    expect(await stored()).toBe(1);
  });
});

describe("every other route a tablet calls", () => {
  beforeEach(async () => {
    t = await testApp();
    device = await t.pairDevice("loket-1");
  });

  it("refuses the bearer token alone with signature_required and changes nothing", async () => {
    const unsigned = (method: string, path: string, body?: unknown) =>
      t.call(method, path, { token: device, body, signed: false });
    const duty = "/api/v1/counters/loket-1/duty";
    const checkIn = { nip: OFFICER_NIPS[3], pin: PIN };

    expect(await refusal(await unsigned("GET", "/api/v1/devices/self"))).toEqual([401, "signature_required"]);
    expect(await refusal(await unsigned("GET", duty))).toEqual([401, "signature_required"]);
    expect(await refusal(await unsigned("PUT", "/api/v1/devices/self/status", { waiting: 7, aside: 2 }))).toEqual([
      401,
      "signature_required",
    ]);
    expect(await refusal(await unsigned("POST", duty, checkIn))).toEqual([401, "signature_required"]);
    expect(await t.db.select().from(duties)).toEqual([]);
    // The tablet's queue report was not recorded either (the only device there is).
    expect((await t.db.select({ waiting: devices.queueWaiting }).from(devices))[0].waiting).toBeNull();

    // With an officer on duty (signed), a ticket or a check-out needs the signature too.
    expect((await t.call("POST", duty, { token: device, body: checkIn })).status).toBe(200);
    expect(await refusal(await unsigned("POST", "/api/v1/tickets", { service: "ktp-el" }))).toEqual([
      401,
      "signature_required",
    ]);
    expect(await t.db.select().from(tickets)).toEqual([]);
    expect(await refusal(await unsigned("DELETE", duty))).toEqual([401, "signature_required"]);
    expect((await t.db.select().from(duties))[0].endedAt).toBeNull();

    expect(await refusal(await unsigned("POST", "/api/v1/devices/self/unpair", checkIn))).toEqual([
      401,
      "signature_required",
    ]);
    expect((await t.call("GET", "/api/v1/devices/self", { token: device })).status).toBe(200);
  });

  it("refuses a tablet paired before signing, even when it signs: it must be paired again", async () => {
    await t.db.update(devices).set({ publicKey: null });
    const res = await t.call("GET", "/api/v1/devices/self", { token: device });
    expect(await refusal(res)).toEqual([401, "signature_required"]);
  });

  it("signs the body and the query: a check-out's time cannot be changed on the way", async () => {
    const duty = "/api/v1/counters/loket-1/duty";
    expect((await t.call("POST", duty, { token: device, body: { nip: OFFICER_NIPS[3], pin: PIN } })).status).toBe(200);
    const body = JSON.stringify({ pin: PIN, at: new Date(Date.now() - 1_000).toISOString() });
    const headers = signed("DELETE", duty, body);
    const moved = JSON.stringify({ pin: PIN, at: new Date(Date.now() - 2_000).toISOString() });
    expect(await refusal(await send(duty, moved, headers, "DELETE"))).toEqual([401, "bad_signature"]);
    expect(await refusal(await send(`${duty}?at=now`, body, headers, "DELETE"))).toEqual([401, "bad_signature"]);
    expect((await t.db.select().from(duties))[0].endedAt).toBeNull();
    expect((await send(duty, body, headers, "DELETE")).status).toBe(200);
  });
});

describe("signatures checked with WebCrypto (as on Workers)", () => {
  it("take the tablet's signature and refuse another key's", async () => {
    t = await testApp({ deviceKeys: webCryptoKeys });
    device = await t.pairDevice("loket-1");
    expect((await t.call("GET", "/api/v1/devices/self", { token: device })).status).toBe(200);
    const stranger = createDeviceSigner().headers("GET", "/api/v1/devices/self");
    const res = await t.app.request("/api/v1/devices/self", {
      headers: { authorization: `Bearer ${device}`, ...stranger },
    });
    expect(await refusal(res)).toEqual([401, "bad_signature"]);
  });
});
