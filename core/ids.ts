/** Random identifiers and tokens from WebCrypto, on Node and Workers alike. */

/** Crockford's base32: 32 symbols, so `byte & 31` draws each one equally often. */
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

/** A random string of `length` characters from a lower-case, unambiguous alphabet (5 bits each). */
export function randomString(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let out = "";
  for (const byte of bytes) out += ALPHABET[byte & 31];
  return out;
}

/** A new opaque row id, e.g. `off_k3j9...`. 80 random bits. */
export const newId = (prefix: string): string => `${prefix}_${randomString(16)}`;

/** A new secret token (session, device, ticket): 128+ random bits. */
export const newToken = (prefix: string): string => `${prefix}_${randomString(28)}`;
