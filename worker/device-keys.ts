/**
 * Tablets' public keys: what pairing accepts (an ECDSA P-256 public key as a
 * JWK, RFC 7517/7518) and how a stored key checks a signature. The WebCrypto
 * implementation here runs on Workers and Node alike; the Node server passes
 * a faster one built on node:crypto (worker/device-keys-node.ts).
 */

/** A tablet's public key as pairing stores it: only the members that define the key. */
export interface DevicePublicKey {
  kty: "EC";
  crv: "P-256";
  x: string;
  y: string;
}

/** How a runtime imports a stored public key once and then checks signatures with it. */
export interface DeviceKeys {
  /** The key ready for `verify` (cached with the device), or throws when it cannot be imported. */
  import(publicKey: DevicePublicKey): Promise<unknown>;
  /** Whether `signature` (P1363 `r || s`) is the key's ECDSA P-256 / SHA-256 signature of the UTF-8 of `message`. */
  verify(key: unknown, message: string, signature: Uint8Array): boolean | Promise<boolean>;
}

const ECDSA_P256 = { name: "ECDSA", namedCurve: "P-256" } as const;
const ECDSA_SHA256 = { name: "ECDSA", hash: "SHA-256" } as const;
/** A P-256 coordinate: 32 bytes, base64url without padding. */
const COORDINATE = /^[A-Za-z0-9_-]{43}$/;
const encoder = new TextEncoder();

/** Verification with WebCrypto: asynchronous, the same on every runtime. */
export const webCryptoKeys: DeviceKeys = {
  import: (publicKey) => crypto.subtle.importKey("jwk", publicKey, ECDSA_P256, false, ["verify"]),
  verify: (key, message, signature) =>
    crypto.subtle.verify(ECDSA_SHA256, key as CryptoKey, signature as BufferSource, encoder.encode(message)),
};

/**
 * The public key a tablet sent at pairing, reduced to its defining members, or
 * null when it is not an importable ECDSA P-256 public key. A JWK carrying a
 * private part (`d`) is refused too: that key left the tablet and proves nothing.
 */
export async function parsePublicKey(value: unknown): Promise<DevicePublicKey | null> {
  if (typeof value !== "object" || value === null) return null;
  const { kty, crv, x, y, d } = value as Record<string, unknown>;
  if (kty !== "EC" || crv !== "P-256" || d !== undefined) return null;
  if (typeof x !== "string" || typeof y !== "string" || !COORDINATE.test(x) || !COORDINATE.test(y)) return null;
  const key: DevicePublicKey = { kty, crv, x, y };
  try {
    // Importing checks that the point lies on the curve.
    await webCryptoKeys.import(key);
  } catch {
    return null;
  }
  return key;
}
