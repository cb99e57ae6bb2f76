/**
 * A device token alone posts nothing: every request a tablet makes with it is
 * signed by the non-extractable key the tablet made at pairing (docs/design.md,
 * "Signed tablets"; the format is in core/device-signature.ts). Checked by the
 * auth middleware before any handler reads the request, cheapest refusal first:
 * headers, then the timestamp, then (with the body read under the tablets'
 * body limit) the replay guard and the signature itself.
 */
import type { Context } from "hono";
import {
  fromBase64Url,
  requestTarget,
  SIGNATURE_HEADER,
  SIGNATURE_WINDOW_MS,
  signedMessage,
  TIMESTAMP_HEADER,
} from "../core/device-signature.ts";
import type { KnownDevice } from "./device-cache.ts";
import { type DeviceKeys, type DevicePublicKey, webCryptoKeys } from "./device-keys.ts";
import type { AppEnv, DeviceCaller } from "./env.ts";
import { ApiError } from "./errors.ts";
import { DEVICE_MAX_BODY_BYTES, limitBody } from "./middleware/body-limit.ts";
import { ReplayGuard } from "./replay-guard.ts";

/** Options of the signature check. */
export interface DeviceSignaturesOptions {
  /** How keys are imported and signatures verified (default WebCrypto; the Node server passes node:crypto's). */
  keys?: DeviceKeys;
  /** How far a timestamp may be from the server clock, either way. */
  windowMs?: number;
  /** Most accepted signatures remembered against replays. */
  maxRemembered?: number;
}

const refused = (code: string, message: string, details?: unknown) => new ApiError(401, code, message, details);

/** A tablet's body is read (to be verified) only under the largest limit any tablet route allows. */
const tabletBody = limitBody(DEVICE_MAX_BODY_BYTES, "A tablet's request");

/** The raw body a signature covers: "" for GET and HEAD, else the text as sent. */
async function signedBody(c: Context<AppEnv>): Promise<string> {
  const method = c.req.method;
  if (method === "GET" || method === "HEAD") return "";
  let body = "";
  // Hono keeps the text: the route's validator parses the same string later, nothing is read twice.
  await tabletBody(c, async () => {
    body = await c.req.text();
  });
  return body;
}

/** The signature check of one app: its key implementation and its memory of accepted signatures. */
export class DeviceSignatures {
  private readonly keys: DeviceKeys;
  private readonly windowMs: number;
  private readonly replays: ReplayGuard;

  constructor({ keys = webCryptoKeys, windowMs = SIGNATURE_WINDOW_MS, maxRemembered }: DeviceSignaturesOptions = {}) {
    this.keys = keys;
    this.windowMs = windowMs;
    this.replays = new ReplayGuard({ windowMs, maxEntries: maxRemembered });
  }

  /**
   * A device as the database has it, with its public key imported once for the
   * device cache; the key is null for tablets paired before requests were signed.
   */
  async known({ publicKey, ...device }: DeviceCaller & { publicKey: string | null }): Promise<KnownDevice> {
    if (!publicKey) return { device, key: null };
    try {
      return { device, key: await this.keys.import(JSON.parse(publicKey) as DevicePublicKey) };
    } catch {
      return { device, key: null };
    }
  }

  /** The refusal of a timestamp outside the window, with the server's clock for the tablet to sign by. */
  private stale(now: number): ApiError {
    return refused(
      "stale_signature",
      "The request was signed too long ago or in the future: the tablet's clock is off or the request is old.",
      { serverTime: now, windowMs: this.windowMs },
    );
  }

  /** Throws a 401 unless the request carries a fresh signature, not seen before, by the device's key. */
  async verify(c: Context<AppEnv>, { device, key }: KnownDevice): Promise<void> {
    if (key === null) {
      throw refused(
        "signature_required",
        "This tablet was paired before requests were signed and has no key on the server; pair it again.",
      );
    }
    const stamp = c.req.header(TIMESTAMP_HEADER);
    const header = c.req.header(SIGNATURE_HEADER);
    if (!stamp || !header) {
      throw refused(
        "signature_required",
        "A device token alone is not enough: sign the request (X-Suara-Timestamp and X-Suara-Signature).",
      );
    }
    const signature = /^\d{1,16}$/.test(stamp) ? fromBase64Url(header) : null;
    if (signature?.length !== 64) {
      throw refused(
        "bad_signature",
        "X-Suara-Timestamp must be milliseconds since the epoch and X-Suara-Signature the base64url of a " +
          "64-byte P1363 signature.",
      );
    }
    const timestamp = Number(stamp);
    const now = Date.now();
    if (Math.abs(now - timestamp) > this.windowMs) throw this.stale(now);
    const body = await signedBody(c);
    // ECDSA's (r, s) and (r, n − s) both verify: a replay is known by r and the device, never by the whole signature.
    const id = `${device.id} ${String.fromCharCode(...signature.subarray(0, 32))}`;
    const claim = this.replays.claim(id, timestamp, now);
    if (claim === "replayed") throw refused("replayed", "This signed request was already received; sign it anew.");
    if (claim === "stale") throw this.stale(now);
    const message = signedMessage(stamp, c.req.method, requestTarget(c.req.url), body);
    let valid = false;
    try {
      valid = await this.keys.verify(key, message, signature);
    } catch {
      valid = false;
    }
    if (!valid) {
      this.replays.release(id, timestamp);
      throw refused(
        "bad_signature",
        "The signature does not match this tablet's key, or the request was changed after it was signed.",
      );
    }
  }
}
