/**
 * Secrets an admin makes for someone else: a temporary password (the dashboard makes one for a new
 * account; the API makes one on a reset) and a kiosk PIN. Both are shown once and read out or typed
 * by a person, so they come from an alphabet with no look-alike letters (core/ids.ts).
 */
import { randomString } from "./ids.ts";

/**
 * A temporary password: 60 random bits in three groups of four letters and digits, easy to read out
 * and type (e.g. `k3j9-x2mp-7qtd`); at 14 characters it meets MIN_PASSWORD_LENGTH (core/password-rules.ts).
 */
export const madePassword = (): string => randomString(12).replace(/(.{4})(?=.)/g, "$1-");

/** A kiosk PIN: six digits, each equally likely (bytes at or above 250 are drawn again). */
export function madePin(): string {
  let pin = "";
  while (pin.length < 6) {
    for (const byte of crypto.getRandomValues(new Uint8Array(6))) {
      if (byte < 250 && pin.length < 6) pin += String(byte % 10);
    }
  }
  return pin;
}
