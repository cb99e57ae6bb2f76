/**
 * Rating ids as clients make them: UUID version 7 (RFC 9562), the time in
 * milliseconds first and random bits after. An id made later sorts later, so
 * the ratings table's primary-key index grows at its end instead of at random
 * places (a large part of the cost of storing a batch, `npm run bench`).
 */

/** A new version-7 UUID for the instant `now` (ms). */
export function uuidv7(now = Date.now()): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let time = now;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = time % 256;
    time = Math.floor(time / 256);
  }
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
