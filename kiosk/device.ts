/** The kiosk's pairing, kept in localStorage so a reload stays paired. */

import type { Paired } from "../core/responses.ts";

/** What pairing told the tablet, as it keeps it. */
export type Pairing = Pick<Paired, "token" | "agency" | "agencyName" | "counter" | "counterName">;

const KEY = "suara.pairing";

/** The stored pairing, or null. */
export function loadPairing(): Pairing | null {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? "null") as Pairing | null;
  } catch {
    return null;
  }
}

/** Remembers a pairing (or forgets it with null). */
export function savePairing(pairing: Pairing | null): void {
  if (pairing) localStorage.setItem(KEY, JSON.stringify(pairing));
  else localStorage.removeItem(KEY);
}
