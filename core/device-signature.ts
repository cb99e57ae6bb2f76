/**
 * What a paired tablet signs, shared by the kiosk (which signs), the server
 * (which verifies) and the tests and benchmark (which sign like a tablet).
 *
 * Every request made with a device token carries two headers:
 * `X-Suara-Timestamp`, the signing time in milliseconds since the Unix epoch
 * (decimal digits), and `X-Suara-Signature`, the base64url (RFC 4648 §5, no
 * padding) of the 64-byte IEEE P1363 `r || s` ECDSA P-256 / SHA-256 signature
 * (what WebCrypto's `sign` returns) over the UTF-8 bytes of
 *
 *     <timestamp> "\n" <METHOD> "\n" <path and query> "\n" <body>
 *
 * where METHOD is upper case, "path and query" is the request target exactly as
 * sent (`/api/v1/counters/loket-1/duty?at=…`: everything after the host, as
 * fetch sends it) and body is the raw body ("" when there is none). The server
 * takes a timestamp within ±5 minutes of its clock and each signature once.
 */

/** The request header with the signing time (ms since the epoch, decimal). */
export const TIMESTAMP_HEADER = "x-suara-timestamp";
/** The request header with the base64url P1363 signature. */
export const SIGNATURE_HEADER = "x-suara-signature";
/** How far a signature's timestamp may be from the server clock, either way. */
export const SIGNATURE_WINDOW_MS = 5 * 60_000;

/** The text a request's signature covers (signed as UTF-8). */
export const signedMessage = (timestamp: number | string, method: string, target: string, body: string): string =>
  `${timestamp}\n${method.toUpperCase()}\n${target}\n${body}`;

/** The request target of an absolute URL: its path and query as sent on the wire (no fragment). */
export function requestTarget(url: string): string {
  const start = url.indexOf("/", url.indexOf("//") + 2);
  if (start < 0) return "/";
  const hash = url.indexOf("#", start);
  return hash < 0 ? url.slice(start) : url.slice(start, hash);
}

/** Bytes as base64url without padding (RFC 4648 §5). */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The bytes of a base64url text (padding optional), or null when it is not base64url. */
export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/=+$/, "").replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}
