/**
 * An officer proves who they are at a kiosk with NIP and 6-digit PIN: to check
 * in, to end their duty, and to unpair the tablet. Every attempt is counted before
 * the PIN is checked, per tablet and NIP, with a per-agency-and-NIP backstop (a
 * 6-digit PIN must not be guessable by trying). The counts live in the database
 * (db/queries/sign-in.ts, beside the dashboard's sign-in counts), so every server
 * on one database, and every Workers isolate, counts the same tries: five wrong
 * PINs lock the NIP on that tablet whichever servers they reached.
 * Counting by the tablet's own agency means another agency's tablets can never
 * lock an officer out; an NIP that is not in the agency is hashed against a decoy,
 * so the answer takes as long as for a wrong PIN and tells nobody which NIPs exist.
 */
import type { Context } from "hono";
import { decoyHash, hashToken, verifySecret } from "../core/password.ts";
import { activeOfficer } from "../db/queries/officers.ts";
import { type Counted, countAttempts, forgetCounts, pruneCounts, refundAttempts } from "../db/queries/sign-in.ts";
import type { AppEnv, DeviceCaller } from "./env.ts";
import { ApiError } from "./errors.ts";
import { tooManyRequests } from "./middleware/rate-limit.ts";

const MINUTE = 60_000;

/** The limits of kiosk PINs, each a number of attempts per window. */
export const PIN_LIMITS = {
  /** One NIP at one tablet. */
  perTablet: { limit: 5, windowMs: 15 * MINUTE },
  /** One NIP in the agency, from all its tablets together: a guesser with many tablets' ceiling. */
  perOfficer: { limit: 20, windowMs: 60 * MINUTE },
} as const;

/** A count's key: hashed, so the table holds no NIP (and cannot be mistaken for a sign-in count). */
const keyOf = (...parts: string[]) => hashToken(["kiosk-pin", ...parts].join("\u0000"));

/** The active officer of the device's agency with this NIP and PIN, or a 401 (or a 429 once locked). */
export async function officerByPin(c: Context<AppEnv>, device: DeviceCaller, nip: string, pin: string) {
  const db = c.get("db");
  const now = Date.now();
  const tablet = await keyOf("tablet", device.id, device.agencyId, nip);
  const officerKey = await keyOf("officer", device.agencyId, nip);
  // Counted in one write before the PIN is checked: concurrent guesses, on any server, are all counted.
  const [perTablet, perOfficer] = await countAttempts(
    db,
    [
      { key: tablet, windowMs: PIN_LIMITS.perTablet.windowMs },
      { key: officerKey, windowMs: PIN_LIMITS.perOfficer.windowMs },
    ],
    now,
  );
  const counts: [Counted, number][] = [
    [perTablet, PIN_LIMITS.perTablet.limit],
    [perOfficer, PIN_LIMITS.perOfficer.limit],
  ];
  const waits = counts
    .filter(([count, limit]) => count.hits > limit)
    .map(([count]) => Math.max(1, Math.ceil((count.windowEnd - now) / 1000)));
  if (waits.length > 0) throw tooManyRequests(Math.max(...waits));
  const officer = await activeOfficer(db, device.agencyId, { nip });
  const ok = await verifySecret(pin, officer?.pinHash ?? (await decoyHash()));
  if (!officer?.pinHash || !ok) throw new ApiError(401, "invalid_credentials", "The NIP or PIN is wrong.");
  // The right PIN: this tablet's count starts over and the attempt leaves the backstop; ended windows go.
  await db.batch([forgetCounts(db, [tablet]), refundAttempts(db, [officerKey], now), pruneCounts(db, now)]);
  return officer;
}
