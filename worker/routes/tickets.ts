/**
 * Rating tickets. POST /tickets: a paired device (for its counter's officer on
 * duty), a queue system's integration key (for the officer on duty at the counter
 * it names), an officer (for themself: nobody else vouches, so its rating is
 * `self_issued`), or a supervisor/agency admin (any active officer of the agency,
 * with a reason, audited). Every way is paced (db/queries/tickets.ts TICKET_PACE).
 * GET /tickets/:ticket: public, the ticket being its own unguessable capability.
 */

import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import * as z from "zod";
import type { TicketInput as TicketInputType } from "../../core/contract.ts";
import { TicketInput } from "../../core/contract.ts";
import { type TicketInfo, TicketIssuedResponse, TicketResponse } from "../../core/responses.ts";
import { counterByCode, serviceBySlug } from "../../db/queries/agencies.ts";
import { auditWhen } from "../../db/queries/audit.ts";
import { currentDuty } from "../../db/queries/duties.ts";
import { touchIntegrationKeyWhen } from "../../db/queries/integration-keys.ts";
import { namedOfficerOfAgency } from "../../db/queries/officers.ts";
import { describeTicket, issueTicket, TICKET_PACE, type TicketFields } from "../../db/queries/tickets.ts";
import { assertActsFor, servingCounter, type TicketIssuer, ticketIssuer } from "../access.ts";
import type { AppEnv } from "../env.ts";
import { ApiError, conflict, notFound } from "../errors.ts";
import { jsonBody, okJson, router, SECURITY } from "../openapi.ts";
import { publicBase } from "../settings.ts";

type Ctx = Context<AppEnv>;

/** What a ticket will be for, and who vouches for it; the officer is checked active and in the agency. */
async function ticketFields(c: Ctx, issuer: TicketIssuer, input: TicketInputType): Promise<TicketFields> {
  const db = c.get("db");
  const agencyId =
    issuer.kind === "device"
      ? issuer.device.agencyId
      : issuer.kind === "integration"
        ? issuer.key.agencyId
        : issuer.user.agencyId!;
  const service = await serviceBySlug(db, agencyId, input.service);
  if (!service) throw notFound(`Service "${input.service}"`);
  const named = input.officer || input.nip ? await namedOfficer(c, agencyId, input) : null;
  const counter = input.counter ? await counterByCode(db, agencyId, input.counter) : undefined;
  if (input.counter && !counter) throw notFound(`Counter "${input.counter}"`);
  const base = { agencyId, serviceId: service.id, visitId: input.visit ?? null };

  if (issuer.kind === "device") {
    // The counter's tablet vouches for whoever serves there now; an archived counter's vouches for nobody.
    await servingCounter(c, issuer.device);
    const duty = await currentDuty(db, issuer.device.counterId);
    return {
      ...base,
      counterId: issuer.device.counterId,
      officerId: duty?.officerId ?? null,
      source: "device",
      issuer: issuer.device.id,
    };
  }
  if (issuer.kind === "integration") {
    // A queue slip printed when the number is taken: nobody served yet; the visit, when it arrives, says who.
    if (!counter && input.visit)
      return { ...base, counterId: null, officerId: null, source: "integration", issuer: issuer.key.id };
    // A queue system vouches for the officer on duty at the counter that served.
    if (!counter)
      throw new ApiError(
        400,
        "counter_required",
        "counter: an integration key names the counter that served (or the visit the ticket is for).",
      );
    const duty = await currentDuty(db, counter.id);
    if (named && named.id !== duty?.officerId) {
      throw conflict(
        "not_on_duty",
        `${named.name} is not on duty at ${counter.code}; a key rates only the officer on duty.`,
      );
    }
    return {
      ...base,
      counterId: counter.id,
      officerId: duty?.officerId ?? null,
      source: "integration",
      issuer: issuer.key.id,
    };
  }
  const user = issuer.user;
  assertActsFor(issuer, named?.id, "issue tickets");
  const officerId = user.role === "officer" ? user.officerId : (named?.id ?? null);
  if (officerId && officerId === user.officerId) {
    // Nobody else vouches: the ratings count for the unit, never for the officer (self_issued).
    return { ...base, counterId: counter?.id ?? null, officerId, source: "self", issuer: user.id };
  }
  if (officerId && !input.reason) {
    throw new ApiError(
      400,
      "reason_required",
      "reason: say why you vouch for this officer's service; it goes in the audit log.",
    );
  }
  return { ...base, counterId: counter?.id ?? null, officerId, source: "staff", issuer: user.id };
}

/** The active officer of the agency named by id or NIP: 404 when not there, 409 when deactivated. */
async function namedOfficer(c: Ctx, agencyId: string, input: TicketInputType) {
  const officer = await namedOfficerOfAgency(c.get("db"), agencyId, input);
  if (!officer) throw notFound("Officer");
  if (!officer.active) throw conflict("officer_inactive", "This officer is deactivated; no ticket can name them.");
  return officer;
}

/** POST /tickets and GET /tickets/{ticket}. */
export const ticketsRoutes = router()
  .openapi(
    createRoute({
      method: "post",
      path: "/",
      summary:
        "Issue a single-use rating ticket and its URL: a device (its counter's officer on duty), an integration key (the officer on duty at a counter it names), an officer (themself: the ratings are self_issued), supervisors and agency admins (an officer by id or NIP, with a reason; audited). Paced per officer, counter and issuer (429 ticket_pace)",
      tags: ["tickets"],
      security: SECURITY.ticketIssuer,
      request: { body: jsonBody(TicketInput) },
      responses: okJson(TicketIssuedResponse, "The ticket, its rating URL and expiry"),
    }),
    async (c) => {
      const input = c.req.valid("json");
      const issuer = ticketIssuer(c);
      const db = c.get("db");
      const fields = await ticketFields(c, issuer, input);
      const now = Date.now();
      const ticket = await issueTicket(db, fields, now, input.ttlMinutes, (issued) => [
        ...(fields.source === "staff" && fields.officerId
          ? [
              auditWhen(
                {
                  actorUserId: fields.issuer,
                  agencyId: fields.agencyId,
                  action: "ticket.vouch",
                  target: fields.officerId,
                  details: { reason: input.reason, service: input.service, counter: input.counter ?? null },
                },
                issued,
              ),
            ]
          : []),
        ...(issuer.kind === "integration" ? [touchIntegrationKeyWhen(issuer.key.id, now, issued)] : []),
      ]);
      if ("wait" in ticket) {
        throw new ApiError(
          429,
          "ticket_pace",
          `More tickets than a counter can serve: at most ${TICKET_PACE.map((p) => `${p.max} in ${p.windowMs / 60_000} minutes`).join(" and ")} per officer and per counter; try again in ${ticket.wait} s.`,
          undefined,
          { "Retry-After": String(ticket.wait) },
        );
      }
      const url = `${publicBase(c)}/r/${ticket.id}`;
      return c.json({ ticket: ticket.id, url, expiresAt: new Date(ticket.expiresAt).toISOString() }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{ticket}",
      summary: "What a ticket rates and whether it can still be used (public)",
      tags: ["tickets"],
      security: SECURITY.public,
      request: { params: z.object({ ticket: z.string().min(8).max(64) }) },
      responses: okJson(TicketResponse, "The ticket's agency, service, counter, officer and status"),
    }),
    async (c) => {
      const ticket = await describeTicket(c.get("db"), c.req.valid("param").ticket);
      if (!ticket) throw notFound("Ticket");
      const status: TicketInfo["status"] =
        ticket.usedAt !== null ? "used" : ticket.expiresAt <= Date.now() ? "expired" : "open";
      const { usedAt: _, ...rest } = ticket;
      return c.json({ ...rest, expiresAt: new Date(ticket.expiresAt).toISOString(), status }, 200);
    },
  );
