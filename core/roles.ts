/**
 * The roles and what each may do: the one table the API enforces (worker/access.ts)
 * and the dashboard asks what to show. Plain data, no zod, so browser bundles may
 * import it (docs/design.md, "Security and privacy").
 */

/** Sign-in roles, widest first. */
export const ROLES = ["regional_admin", "agency_admin", "supervisor", "officer"] as const;
/** A sign-in role. */
export type Role = (typeof ROLES)[number];
/** The roles of an agency's own accounts, which its admins make (regional admins come from `npm run admin:create`). */
export const AGENCY_ROLES = ["agency_admin", "supervisor", "officer"] as const satisfies readonly Role[];

/** Who may do what, by role. */
export const RULES = {
  /** Read an agency's reports, exports and set-up. */
  readAgency: ["regional_admin", "agency_admin", "supervisor"],
  /** Change an agency's set-up: services, counters, officers, accounts, devices, origins. */
  manageAgency: ["regional_admin", "agency_admin"],
  /** State the agency's service users in a period (its own figure: its regional admin reads it, as supervisors do). */
  statePopulation: ["agency_admin"],
  /**
   * Write the follow-up plan (RTL) of an SKM period: the unit's own commitment, answered for by its
   * head; its regional admin evaluates the plan (PEKPPP), so reads it, as supervisors do.
   */
  planFollowUps: ["agency_admin"],
  /** Publish a named period's results, and correct them by publishing again (the agency's own act: docs/design.md, "Publications"). */
  publishResults: ["agency_admin"],
  /** List and create the agencies of a region. */
  manageRegion: ["regional_admin"],
  /** Staff a counter: check in and out, issue rating tickets (an officer only for themself). */
  staffCounter: ["officer", "supervisor", "agency_admin"],
  /** See who serves where (the duty board) and end a forgotten duty, with a reason. */
  superviseDuties: ["regional_admin", "agency_admin", "supervisor"],
  /**
   * Read one's own officer score, comments and feedback, reply to those comments once and
   * acknowledge that feedback (an account linked to an officer).
   */
  ownScore: ["officer", "supervisor", "agency_admin"],
  /** Contest a rating attributed to oneself, once (an account linked to an officer). */
  contestOwnRating: ["officer", "supervisor", "agency_admin"],
  /** List an agency's contests and decide them: supervisors too, not only those who exclude; never one's own. */
  decideContest: ["regional_admin", "agency_admin", "supervisor"],
  /** Write feedback to an officer for a period (umpan balik, PermenPANRB 6/2022); never to oneself. */
  giveFeedback: ["agency_admin", "supervisor"],
  /**
   * Be told of alerts about one's agency (a possible levy, low faces, a band falling): those who act on
   * them the same day. Regional admins oversee many agencies and read the reports instead.
   */
  readNotifications: ["agency_admin", "supervisor"],
  /** Set an agency's alert rules and its webhook, and read the webhook's delivery log. */
  manageAlerts: ["regional_admin", "agency_admin"],
  /**
   * Import a queue machine's day log as visits, and keep its column mapping: the agency's own
   * record of who was served when (a queue system's key and a paired tablet send visits too).
   */
  importVisits: ["agency_admin"],
} as const satisfies Record<string, readonly Role[]>;

/** Something the rules allow some roles to do. */
export type Permission = keyof typeof RULES;

/** Whether a role may do `permission` at all (where, the API decides: worker/access.ts's mayActOn). */
export const roleMay = (role: string, permission: Permission): boolean =>
  (RULES[permission] as readonly string[]).includes(role);
