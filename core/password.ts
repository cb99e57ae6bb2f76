/**
 * Password and PIN hashing with PBKDF2-SHA256 from WebCrypto, so the same code
 * runs on Node and on Workers. 100,000 iterations is the most Workers allows;
 * each hash has its own random salt. Stored as `pbkdf2$<iterations>$<salt>$<hash>`.
 */

const ITERATIONS = 100_000;
const encoder = new TextEncoder();

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(secret: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt: salt as BufferSource, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

/** Hashes a password or PIN with a fresh salt. */
export async function hashSecret(secret: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(secret, salt, ITERATIONS);
  return `pbkdf2$${ITERATIONS}$${toBase64(salt)}$${toBase64(hash)}`;
}

/** Checks a password or PIN against a stored hash, in time independent of where they differ. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [scheme, iterations, salt, expected] = stored.split("$");
  if (scheme !== "pbkdf2" || !iterations || !salt || !expected) return false;
  const actual = await derive(secret, fromBase64(salt), Number(iterations));
  const want = fromBase64(expected);
  if (actual.length !== want.length) return false;
  let diff = 0;
  for (let i = 0; i < actual.length; i++) diff |= actual[i] ^ want[i];
  return diff === 0;
}

/** SHA-256 of a token as hex: how session, device and pairing tokens are stored and looked up. */
export async function hashToken(token: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(token)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

let decoy: Promise<string> | undefined;

/**
 * A hash that matches no secret, compared against when nobody matches (an unknown e-mail,
 * an NIP not in the agency), so the answer takes as long as a wrong password or PIN.
 * Made on first use: Workers allow no random values at module scope.
 */
export function decoyHash(): Promise<string> {
  decoy ??= hashSecret("decoy secret that matches nobody");
  return decoy;
}
