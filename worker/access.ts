/**
 * The role rules (docs/design.md, "Security and privacy"), in one place: every route
 * that reads or writes anything not public calls one of these before it does.
 * Which roles may do what is the RULES table of core/roles.ts; nothing else lists roles.
 * (Ratings are the exception by design: who may send one depends on its
 * channel and is decided per item in db/queries/ingest.ts: a kiosk rating needs
 * the device of that agency, a widget rating a registered Origin, a QR rating a ticket.)
 */

import type { Context } from "hono";
import type { Timezone } from "../core/period.ts";
import { type Permission, RULES, roleMay } from "../core/roles.ts";
import { agencyBySlug, counterByCode } from "../db/queries/agencies.ts";
import { counterOfAgency } from "../db/queries/counters.ts";
import type { VisitSender } from "../db/queries/visit-ingest.ts";
import type { AppEnv, DeviceCaller, IntegrationCaller, SessionUser } from "./env.ts";
import { ApiError, forbidden, notFound, unauthorized } from "./errors.ts";

type Ctx = Context<AppEnv>;

const INTEGRATION_ONLY =
  "An integration key may only make rating tickets (POST /tickets) and send its agency's visits (POST /agencies/{slug}/visits).";

/** The table itself lives in core/roles.ts, where the dashboard reads it too. */
export { type Permission, RULES } from "../core/roles.ts";

/** The signed-in person, or a 401 (nobody) or 403 (a device). */
export function requireUser(c: Ctx): SessionUser {
  const principal = c.get("principal");
  if (principal?.kind === "device") throw forbidden("A kiosk device may not do this; sign in as a person.");
  if (principal?.kind === "integration") throw forbidden(INTEGRATION_ONLY);
  if (principal?.kind !== "user") throw unauthorized();
  return principal.user;
}

/** The signed-in person if their role may do `permission`, else a 401 or 403. */
export function requirePermission(c: Ctx, permission: Permission): SessionUser {
  const user = requireUser(c);
  if (!may(user, permission)) throw forbidden(`This needs one of the roles: ${RULES[permission].join(", ")}.`);
  return user;
}

/** Whether a user's role may do `permission` at all. */
export const may = (user: SessionUser, permission: Permission): boolean => roleMay(user.role, permission);

/** Whether a user may do `permission` on an agency: their own agency, or an agency of a regional admin's region. */
export function mayActOn(user: SessionUser, agency: { id: string; region: string }, permission: Permission): boolean {
  if (!may(user, permission)) return false;
  if (user.role === "regional_admin") return user.region === agency.region;
  return user.agencyId === agency.id;
}

/**
 * Loads the agency named in the URL for a signed-in user allowed to do
 * `permission` on it: 401 without a sign-in, 403 for another role or agency,
 * 404 for an unknown slug (asked only of those whose role may).
 */
export async function agencyFor(c: Ctx, slug: string, permission: Permission) {
  const user = requirePermission(c, permission);
  const agency = await agencyBySlug(c.get("db"), slug);
  if (!agency) throw notFound(`Agency "${slug}"`);
  if (!mayActOn(user, agency, permission)) throw forbidden("You may not act on this agency.");
  return { user, agency };
}

/** The calling paired device, or a 401 (nobody) or 403 (a person). */
export function requireDevice(c: Ctx): DeviceCaller {
  const principal = c.get("principal");
  if (principal?.kind === "user" || principal?.kind === "integration")
    throw forbidden("Only a paired tablet may do this.");
  if (principal?.kind !== "device") throw unauthorized("Call from a paired tablet.");
  return principal.device;
}

/** Who staffs a counter: its own paired device, or a person of its agency who may. */
export type CounterCaller = { kind: "device"; device: DeviceCaller } | { kind: "user"; user: SessionUser };

/**
 * The refusal of anything new from a tablet whose counter was archived (409 `counter_archived`):
 * it delivers only what it kept from before (docs/design.md, "Archiving").
 */
export const counterArchived = (archivedAt: number) =>
  new ApiError(
    409,
    "counter_archived",
    `This tablet's counter was archived at ${new Date(archivedAt).toISOString()}; it takes nothing new. Pair the tablet to another counter.`,
    { archivedAt },
  );

/**
 * The counter (by code, in the caller's agency) and the caller, for duties: a device only its
 * own counter; a person only with `staffCounter`, and only an active counter. A device's own
 * counter, once archived, is a 409 `counter_archived`, unless `keepArchived`: a duty change the
 * tablet made before the archive is still delivered (the route judges its time).
 */
export async function counterFor(c: Ctx, code: string, { keepArchived = false } = {}) {
  const caller = counterStaff(c);
  const db = c.get("db");
  if (caller.kind === "user") {
    const counter = await counterByCode(db, caller.user.agencyId!, code);
    if (!counter) throw notFound(`Counter "${code}"`);
    return { caller, counter };
  }
  const counter = await servingCounter(c, caller.device, { keepArchived });
  if (counter.code !== code) {
    if (!(await counterByCode(db, caller.device.agencyId, code))) throw notFound(`Counter "${code}"`);
    throw forbidden("A device may act for its own counter only.");
  }
  return { caller, counter };
}

/**
 * A tablet's own counter, read now (the device cache may be seconds old): a 409
 * `counter_archived` once it was archived, unless `keepArchived`.
 */
export async function servingCounter(c: Ctx, device: DeviceCaller, { keepArchived = false } = {}) {
  const counter = (await counterOfAgency(c.get("db"), device.agencyId, device.counterId))!;
  if (counter.archivedAt !== null && !keepArchived) throw counterArchived(counter.archivedAt);
  return counter;
}

/** A caller who staffs counters (a device, or a person with `staffCounter`), without naming a counter. */
export function counterStaff(c: Ctx): CounterCaller {
  const principal = c.get("principal");
  if (!principal) throw unauthorized("Sign in, or call from a paired device.");
  if (principal.kind === "device") return principal;
  if (principal.kind === "integration") throw forbidden(INTEGRATION_ONLY);
  const user = requirePermission(c, "staffCounter");
  if (!user.agencyId) throw forbidden("This account belongs to no agency.");
  return { kind: "user", user };
}

/** Who may make a rating ticket: counter staff, or a queue system with the agency's integration key. */
export type TicketIssuer = CounterCaller | { kind: "integration"; key: IntegrationCaller };

/** The caller as a ticket issuer, or a 401/403. */
export function ticketIssuer(c: Ctx): TicketIssuer {
  const principal = c.get("principal");
  return principal?.kind === "integration" ? principal : counterStaff(c);
}

/**
 * Whether a caller may act for an officer at a counter: a device or a supervisor/admin
 * for any officer of the agency, an officer only for themself.
 */
export function assertActsFor(caller: CounterCaller, officerId: string | null | undefined, what: string): void {
  if (caller.kind === "user" && caller.user.role === "officer" && officerId && officerId !== caller.user.officerId) {
    throw forbidden(`Officers ${what} only for themselves.`);
  }
}

/** Nobody decides a contest about themself: an account linked to the contesting officer gets a 403. */
export function assertNotOwnContest(user: SessionUser, officerId: string): void {
  if (user.officerId && user.officerId === officerId) throw forbidden("Nobody may decide a contest of their own.");
}

/** Who sends an agency's visits, and as what (db/queries/visit-ingest.ts). */
export interface VisitCaller {
  agency: { id: string; slug: string; timezone: Timezone };
  sender: VisitSender;
  /** The signed-in admin who imports, for the audit log; null for a key or a tablet. */
  user: SessionUser | null;
}

/**
 * The caller of POST /agencies/{slug}/visits: the agency's integration key (its queue system), a
 * tablet paired to one of its counters (that counter's visits), or a signed-in person who may
 * `importVisits` on it. 401 for nobody, 403 for another agency's key or tablet or another role,
 * 404 for an unknown slug.
 */
export async function visitCaller(c: Ctx, slug: string): Promise<VisitCaller> {
  const principal = c.get("principal");
  if (principal?.kind !== "integration" && principal?.kind !== "device") {
    const { user, agency } = await agencyFor(c, slug, "importVisits");
    return { agency, user, sender: { source: "import", issuer: user.id, deviceCounterId: null } };
  }
  const agency = await agencyBySlug(c.get("db"), slug);
  if (!agency) throw notFound(`Agency "${slug}"`);
  if (principal.kind === "integration") {
    if (principal.key.agencyId !== agency.id) throw forbidden("This integration key belongs to another agency.");
    return { agency, user: null, sender: { source: "integration", issuer: principal.key.id, deviceCounterId: null } };
  }
  if (principal.device.agencyId !== agency.id) throw forbidden("This device belongs to another agency.");
  // Visits made before its counter was archived still arrive; each is judged by its own time.
  await servingCounter(c, principal.device, { keepArchived: true });
  return {
    agency,
    user: null,
    sender: { source: "device", issuer: principal.device.id, deviceCounterId: principal.device.counterId },
  };
}
