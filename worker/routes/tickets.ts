/**
 * Rating tickets. POST /tickets: a paired device (for its counter's officer on
 * duty), an officer (for themself), or a supervisor/agency admin (any officer of
 * the agency, e.g. for a queue system's account). GET /tickets/:ticket: public,
 * the ticket being its own unguessable capability.
 */

import { createRoute } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import * as z from "zod";
import { TicketInput } from "../../core/contract.ts";
import { type TicketInfo, TicketIssuedResponse, TicketResponse } from "../../core/responses.ts";
import { counterByCode, serviceBySlug } from "../../db/queries/agencies.ts";
import { currentDuty } from "../../db/queries/duties.ts";
import { describeTicket, issueTicket } from "../../db/queries/tickets.ts";
import { officers } from "../../db/schema.ts";
import { assertActsFor, counterStaff } from "../access.ts";
import { notFound } from "../errors.ts";
import { jsonBody, okJson, router, SECURITY } from "../openapi.ts";
import { publicBase } from "../settings.ts";

/** POST /tickets and GET /tickets/{ticket}. */
export const ticketsRoutes = router()
  .openapi(
    createRoute({
      method: "post",
      path: "/tickets",
      summary:
        "Issue a single-use rating ticket and its URL, for an officer by id or NIP (devices; officers for themselves; supervisors, agency admins)",
      tags: ["tickets"],
      security: SECURITY.sessionOrDevice,
      request: { body: jsonBody(TicketInput) },
      responses: okJson(TicketIssuedResponse, "The ticket, its rating URL and expiry"),
    }),
    async (c) => {
      const input = c.req.valid("json");
      const caller = counterStaff(c);
      const db = c.get("db");
      let agencyId: string;
      let counterId: string | null = null;
      let officerId: string | null = null;
      if (caller.kind === "device") {
        agencyId = caller.device.agencyId;
        counterId = caller.device.counterId;
        officerId = (await currentDuty(db, counterId))?.officerId ?? null;
      } else {
        const user = caller.user;
        agencyId = user.agencyId!;
        if (input.officer || input.nip) {
          const [officer] = await db
            .select({ id: officers.id })
            .from(officers)
            .where(
              and(
                input.officer ? eq(officers.id, input.officer) : eq(officers.nip, input.nip!),
                eq(officers.agencyId, agencyId),
              ),
            );
          if (!officer) throw notFound("Officer");
          assertActsFor(caller, officer.id, "issue tickets");
          officerId = officer.id;
        }
        if (user.role === "officer") officerId = user.officerId;
        if (input.counter) {
          const counter = await counterByCode(db, agencyId, input.counter);
          if (!counter) throw notFound(`Counter "${input.counter}"`);
          counterId = counter.id;
        }
      }
      const service = await serviceBySlug(db, agencyId, input.service);
      if (!service) throw notFound(`Service "${input.service}"`);
      const ticket = await issueTicket(
        db,
        { agencyId, serviceId: service.id, counterId, officerId },
        Date.now(),
        input.ttlMinutes,
      );
      const url = `${publicBase(c)}/r/${ticket.id}`;
      return c.json({ ticket: ticket.id, url, expiresAt: new Date(ticket.expiresAt).toISOString() }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/tickets/{ticket}",
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
