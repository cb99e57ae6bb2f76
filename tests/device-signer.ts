/**
 * A tablet's key pair and signatures on Node, for the API tests, the Node
 * server tests and `npm run bench`: the same format as the kiosk's WebCrypto
 * signatures (core/device-signature.ts), made synchronously with node:crypto so
 * autocannon's synchronous `setupRequest` can sign each request it sends.
 */
import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { SIGNATURE_HEADER, signedMessage, TIMESTAMP_HEADER } from "../core/device-signature.ts";
import { uuidv7 } from "../core/uuid7.ts";
import { DEMO_AGENCY } from "../db/seed.ts";

/** A tablet's signing key as a test or the benchmark holds it. */
export interface DeviceSigner {
  /** The public key to pair with (a JWK with kty, crv, x and y). */
  publicKey: JsonWebKey;
  /** The signature headers of a request: `target` is its path and query, `body` its raw body. */
  headers(method: string, target: string, body?: string, timestamp?: number): Record<string, string>;
}

/** Signs `message` with `privateKey` as WebCrypto does: P1363 `r || s`, base64url. */
export const signText = (privateKey: KeyObject, message: string): string =>
  sign("sha256", Buffer.from(message, "utf8"), { key: privateKey, dsaEncoding: "ieee-p1363" }).toString("base64url");

/** Makes a new P-256 key pair and a signer for it. */
export function createDeviceSigner(): DeviceSigner {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const { kty, crv, x, y } = publicKey.export({ format: "jwk" });
  return {
    publicKey: { kty, crv, x, y },
    headers: (method, target, body = "", timestamp = Date.now()) => ({
      [TIMESTAMP_HEADER]: String(timestamp),
      [SIGNATURE_HEADER]: signText(privateKey, signedMessage(timestamp, method, target, body)),
    }),
  };
}

/** A face-only kiosk tap of the demo agency's KTP service made at `at` (its id a UUIDv7 of that time), as a tablet sends it. */
export const kioskTap = (at: number) => ({
  id: uuidv7(at),
  agency: DEMO_AGENCY,
  service: "ktp-el",
  channel: "kiosk" as const,
  overall: 1 + (at % 4),
  createdAt: new Date(at).toISOString(),
});
