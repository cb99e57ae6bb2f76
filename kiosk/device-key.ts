/**
 * The tablet's signing key (docs/design.md, "Signed tablets"): an ECDSA P-256 pair
 * made at pairing with its private half non-extractable, kept in IndexedDB
 * (structured clone keeps a CryptoKey; script can use it but never read it).
 * Every call with the device token is signed with it, so the token copied off
 * a tablet is worth nothing elsewhere. The format is core/device-signature.ts.
 */
import {
  requestTarget,
  SIGNATURE_HEADER,
  signedMessage,
  TIMESTAMP_HEADER,
  toBase64Url,
} from "../core/device-signature.ts";
import { database } from "./store.ts";

const KEY = "device";
const encoder = new TextEncoder();
let loaded: Promise<CryptoKeyPair | undefined> | undefined;

/**
 * Whether this page can make and use a key: browsers give WebCrypto's subtle API
 * only to secure contexts (HTTPS, or localhost on the machine itself).
 */
export const canSign = (): boolean => globalThis.isSecureContext === true && globalThis.crypto?.subtle !== undefined;

/** Makes the tablet's key pair (replacing any), keeps it, and returns its public half as a JWK for pairing. */
export async function newDeviceKey(): Promise<JsonWebKey> {
  const pair = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign", "verify"]);
  await (await database()).put("keys", pair, KEY);
  loaded = Promise.resolve(pair);
  const { kty, crv, x, y } = await crypto.subtle.exportKey("jwk", pair.publicKey);
  return { kty, crv, x, y };
}

/** Forgets the key (the tablet was unpaired or revoked): the next pairing makes a new one. */
export async function forgetDeviceKey(): Promise<void> {
  loaded = undefined;
  await (await database()).delete("keys", KEY);
}

/**
 * The signature headers of a request to `url` made at `timestamp`. None when the
 * tablet has no key (paired before requests were signed): the server then says
 * signature_required, and the tablet asks to be paired again.
 */
export async function signatureHeaders(
  method: string,
  url: string,
  body: string,
  timestamp: number,
): Promise<Record<string, string>> {
  if (!canSign()) return {};
  loaded ??= database()
    .then((db) => db.get("keys", KEY))
    .catch((error) => {
      // Not remembered: IndexedDB may answer on the next call.
      loaded = undefined;
      throw error;
    });
  const pair = await loaded;
  if (!pair) return {};
  const message = signedMessage(timestamp, method, requestTarget(new URL(url, location.href).href), body);
  const signature = await crypto.subtle.sign(
    { name: "ECDSA", hash: "SHA-256" },
    pair.privateKey,
    encoder.encode(message),
  );
  return { [TIMESTAMP_HEADER]: String(timestamp), [SIGNATURE_HEADER]: toBase64Url(new Uint8Array(signature)) };
}
