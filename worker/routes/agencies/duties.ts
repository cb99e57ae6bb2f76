/**
 * The duty board: who serves at which counter of an agency, since when and started
 * from where, for supervisors and admins, who may end a forgotten duty with a reason
 * (audited, `board`). Reading the board first ends the duties that should have
 * ended by themselves, so it never shows one.
 */

import { createRoute } from "@hono/zod-openapi";
import * as z from "zod";
import { DutyBoardEndInput, slug } from "../../../core/contract.ts";
import { DutyBoardEndedResponse, DutyBoardResponse } from "../../../core/duty-responses.ts";
import { dutyBoard, endDuty, endOverdueDuties, openDutyOf } from "../../../db/queries/duties.ts";
import { agencyFor } from "../../access.ts";
import { notFound } from "../../errors.ts";
import { jsonBody, okJson, router, SECURITY } from "../../openapi.ts";

const WHO = "(supervisors and agency admins of the agency; regional admins of its region)";

/** GET the board, POST the end of a duty. */
export const dutyBoardRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      summary: `The duty board: every counter and who serves there now, since when and started from where ${WHO}`,
      tags: ["duties"],
      security: SECURITY.session,
      request: { params: z.object({ slug }) },
      responses: okJson(DutyBoardResponse, "The counters, with their open duties"),
    }),
    async (c) => {
      const { agency } = await agencyFor(c, c.req.valid("param").slug, "superviseDuties");
      const db = c.get("db");
      await endOverdueDuties(db, Date.now());
      const rows = await dutyBoard(db, agency.id);
      return c.json(
        {
          counters: rows.map(({ counter, duty }) => ({
            ...counter,
            duty:
              duty?.id && duty.officerId && duty.name && duty.nip && duty.startedAt !== null
                ? {
                    id: duty.id,
                    officer: { id: duty.officerId, name: duty.name, nip: duty.nip },
                    startedAt: duty.startedAt,
                    startedVia: duty.startedVia,
                  }
                : null,
          })),
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/{id}/end",
      summary: `End a forgotten duty, with a reason (audited) ${WHO}`,
      tags: ["duties"],
      security: SECURITY.session,
      request: {
        params: z.object({ slug, id: z.string().min(1).max(64) }),
        body: jsonBody(DutyBoardEndInput),
      },
      responses: okJson(DutyBoardEndedResponse, "The duty that ended"),
    }),
    async (c) => {
      const { slug, id } = c.req.valid("param");
      const { user, agency } = await agencyFor(c, slug, "superviseDuties");
      const db = c.get("db");
      const open = await openDutyOf(db, agency.id, id);
      if (!open) throw notFound("An open duty");
      const ended = await endDuty(db, open, Math.max(open.startedAt, Date.now()), "board", {
        agencyId: agency.id,
        userId: user.id,
        reason: c.req.valid("json").reason,
      });
      return c.json({ duty: { id, counter: open.counter, officer: open.name, endedAt: ended.endedAt } }, 200);
    },
  );
