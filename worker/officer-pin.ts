/**
 * An officer proves who they are at a kiosk with NIP and 6-digit PIN: to check
 * in, to end their duty, and to unpair the tablet. One lockout per app counts every
 * attempt before the PIN is checked, per tablet and per agency and NIP, with a
 * per-agency-and-NIP backstop (a 6-digit PIN must not be guessable by trying).
 * Counting by the tablet's own agency means another agency's tablets can never
 * lock an officer out; an NIP that is not in the agency is hashed against a decoy,
 * so the answer takes as long as for a wrong PIN and tells nobody which NIPs exist.
 */
import type { Context } from "hono";
import { decoyHash, verifySecret } from "../core/password.ts";
import { activeOfficer } from "../db/queries/officers.ts";
import type { AppEnv, DeviceCaller } from "./env.ts";
import { ApiError } from "./errors.ts";
import { Lockout } from "./middleware/rate-limit.ts";

/** The lockout of kiosk PINs: 5 tries per NIP per tablet per 15 minutes, 20 per NIP (in the agency) per hour. */
export const createPinLockout = () => new Lockout({ perSource: 5, perIdentity: 20 });

/** The active officer of the device's agency with this NIP and PIN, or a 401 (or a 429 once locked). */
export async function officerByPin(c: Context<AppEnv>, device: DeviceCaller, nip: string, pin: string) {
  const lockout = c.get("pinLockout");
  const identity = `${device.agencyId}:${nip}`;
  lockout.attempt(identity, device.id);
  const officer = await activeOfficer(c.get("db"), device.agencyId, { nip });
  const ok = await verifySecret(pin, officer?.pinHash ?? (await decoyHash()));
  if (!officer?.pinHash || !ok) throw new ApiError(401, "invalid_credentials", "The NIP or PIN is wrong.");
  lockout.succeeded(identity, device.id);
  return officer;
}
