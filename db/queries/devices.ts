/** Kiosk devices: made by an admin with a single-use pairing code, paired by the tablet, revoked by an admin. */
import { and, eq, gt, isNull, type SQL } from "drizzle-orm";
import { newId, newToken } from "../../core/ids.ts";
import { hashToken } from "../../core/password.ts";
import type { Db } from "../client.ts";
import { agencies, counters, devices } from "../schema.ts";
import { servicesOfCounters } from "./counters.ts";

/** How long a pairing code stays valid (docs/design.md, "Security and privacy": 15 minutes). */
export const PAIRING_TTL_MS = 15 * 60_000;

/** An 8-digit pairing code, typed on the tablet. */
function pairingCode(): string {
  const [n] = crypto.getRandomValues(new Uint32Array(1));
  return String(n % 100_000_000).padStart(8, "0");
}

/** Creates a device for a counter; returns its id and the pairing code (shown once). */
export async function createDevice(db: Db, fields: { agencyId: string; counterId: string; name: string }, now: number) {
  const id = newId("dev");
  const code = pairingCode();
  return {
    id,
    code,
    expiresAt: now + PAIRING_TTL_MS,
    insert: db.insert(devices).values({
      id,
      ...fields,
      pairingCodeHash: await hashToken(code),
      pairingExpiresAt: now + PAIRING_TTL_MS,
      createdAt: now,
    }),
  };
}

/**
 * Exchanges a valid pairing code for the device's token and registers the
 * tablet's public key (JWK JSON). The code works once: pairing clears it, so a
 * second use finds nothing.
 */
export async function pairDevice(db: Db, code: string, publicKey: string, now: number) {
  const codeHash = await hashToken(code);
  const token = newToken("dev");
  const [device] = await db
    .update(devices)
    .set({
      tokenHash: await hashToken(token),
      pairedAt: now,
      lastSeenAt: now,
      publicKey,
      pairingCodeHash: null,
      pairingExpiresAt: null,
    })
    .where(and(eq(devices.pairingCodeHash, codeHash), gt(devices.pairingExpiresAt, now), isNull(devices.revokedAt)))
    .returning({ id: devices.id, name: devices.name, counterId: devices.counterId });
  if (!device) return undefined;
  return { token, ...(await deviceSetup(db, device)) };
}

/**
 * What a tablet shows: its agency and counter, the services given there, how long it thanks, and
 * when its counter was archived (it then shows that and only delivers what it kept).
 */
export async function deviceSetup(db: Db, device: { id: string; name: string; counterId: string }) {
  const [where] = await db
    .select({
      agencyId: agencies.id,
      agency: agencies.slug,
      agencyName: agencies.name,
      counter: counters.code,
      counterName: counters.name,
      thanksSeconds: counters.thanksSeconds,
      archivedAt: counters.archivedAt,
    })
    .from(counters)
    .innerJoin(agencies, eq(agencies.id, counters.agencyId))
    .where(eq(counters.id, device.counterId));
  const { agencyId, ...rest } = where;
  const given = await servicesOfCounters(db, agencyId, [device.counterId]);
  return { device: { id: device.id, name: device.name }, ...rest, services: given.get(device.counterId) ?? [] };
}

/** An agency's devices, without secrets. */
export async function listDevices(db: Db, agencyId: string) {
  return db
    .select({
      id: devices.id,
      name: devices.name,
      counter: counters.code,
      pairedAt: devices.pairedAt,
      revokedAt: devices.revokedAt,
      lastSeenAt: devices.lastSeenAt,
      queueWaiting: devices.queueWaiting,
      queueAside: devices.queueAside,
      pairingExpiresAt: devices.pairingExpiresAt,
      counterArchivedAt: counters.archivedAt,
      createdAt: devices.createdAt,
    })
    .from(devices)
    .innerJoin(counters, eq(counters.id, devices.counterId))
    .where(eq(devices.agencyId, agencyId))
    .orderBy(devices.name);
}

/** Records a tablet's report: it was seen now, with this many ratings waiting and items aside. */
export const reportDeviceStatus = (db: Db, id: string, status: { waiting: number; aside: number }, now: number) =>
  db
    .update(devices)
    .set({ lastSeenAt: now, queueWaiting: status.waiting, queueAside: status.aside })
    .where(and(eq(devices.id, id), isNull(devices.revokedAt)));

/**
 * The update that revokes the unrevoked devices matching `where`: their token and
 * any pairing code stop working. Put it in the same batch as the change it belongs to.
 */
export const revokeDevices = (db: Db, where: SQL | undefined, now: number) =>
  db
    .update(devices)
    .set({ revokedAt: now, tokenHash: null, pairingCodeHash: null })
    .where(and(where, isNull(devices.revokedAt)));

/** One device of an agency (its name and whether it is revoked), or undefined. */
export async function deviceOfAgency(db: Db, agencyId: string, id: string) {
  const [row] = await db
    .select({ id: devices.id, name: devices.name, revokedAt: devices.revokedAt })
    .from(devices)
    .where(and(eq(devices.id, id), eq(devices.agencyId, agencyId)));
  return row;
}

/** The update that revokes one device of an agency (see `revokeDevices`). */
export const revokeDeviceOfAgency = (db: Db, agencyId: string, id: string, now: number) =>
  revokeDevices(db, and(eq(devices.id, id), eq(devices.agencyId, agencyId)), now);
