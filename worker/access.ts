/**
 * The role rules (DESIGN.md, "Security and privacy"): every route calls one of
 * these before it reads or writes anything that is not public.
 */

import { eq } from "drizzle-orm";
import type { Context } from "hono";
import type { Role } from "../db/schema.ts";
import { agencies } from "../db/schema.ts";
import type { AppEnv, SessionUser } from "./env.ts";
import { forbidden, notFound, unauthorized } from "./errors.ts";

type Ctx = Context<AppEnv>;

/** The signed-in person, or a 401. */
export function requireUser(c: Ctx): SessionUser {
  const principal = c.var.principal;
  if (principal?.kind === "device") throw forbidden("A kiosk device may not do this; sign in as a person.");
  if (principal?.kind !== "user") throw unauthorized();
  return principal.user;
}

/** The signed-in person if their role is one of `roles`, else a 401 or 403. */
export function requireRole(c: Ctx, roles: readonly Role[]): SessionUser {
  const user = requireUser(c);
  if (!roles.includes(user.role)) throw forbidden(`This needs one of the roles: ${roles.join(", ")}.`);
  return user;
}

/** Roles that read an agency's reports and lists. */
export const READERS: readonly Role[] = ["regional_admin", "agency_admin", "supervisor"];
/** Roles that change an agency's set-up. */
export const MANAGERS: readonly Role[] = ["regional_admin", "agency_admin"];

/** Whether a user may act on an agency with one of `roles`: their own agency, or a regional admin's region. */
export function mayAct(user: SessionUser, agency: { id: string; region: string }, roles: readonly Role[]): boolean {
  if (!roles.includes(user.role)) return false;
  if (user.role === "regional_admin") return user.region === agency.region;
  return user.agencyId === agency.id;
}

/**
 * Loads the agency named in the URL for a signed-in user allowed to act on it:
 * 401 without a sign-in, 404 for an unknown slug, 403 for another agency or role.
 */
export async function agencyFor(c: Ctx, slug: string, roles: readonly Role[]) {
  const user = requireUser(c);
  const [agency] = await c.var.db.select().from(agencies).where(eq(agencies.slug, slug));
  if (!agency) throw notFound(`Agency "${slug}"`);
  if (!mayAct(user, agency, roles)) throw forbidden("You may not act on this agency.");
  return { user, agency };
}
