/**
 * Duty check-in and check-out at a counter (`:counter` is the counter's code in
 * the caller's agency). A paired device of that counter checks an officer in
 * with NIP + PIN; an officer checks themself in; a supervisor or agency admin
 * checks in any officer of the agency. Regional admins do not staff counters.
 */

import { createRoute } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import type { Context } from "hono";
import * as z from "zod";
import { counterCode, DutyInput } from "../../core/contract.ts";
import { verifySecret } from "../../core/password.ts";
import { DutyEndedResponse, DutyResponse, DutyStartedResponse } from "../../core/responses.ts";
import { currentDuty, endDuty, startDuty } from "../../db/queries/duties.ts";
import { officers } from "../../db/schema.ts";
import { assertActsFor, type CounterCaller, counterFor } from "../access.ts";
import type { AppEnv } from "../env.ts";
import { ApiError, forbidden, notFound } from "../errors.ts";
import { Lockout } from "../middleware/rate-limit.ts";
import { jsonBody, okJson, router, SECURITY } from "../openapi.ts";

type Ctx = Context<AppEnv>;

/** Which officer a check-in is for, after checking the caller may check them in. */
async function officerToCheckIn(
  c: Ctx,
  caller: CounterCaller,
  agencyId: string,
  input: z.infer<typeof DutyInput>,
  pinLockout: Lockout,
) {
  const db = c.var.db;
  if (caller.kind === "device") {
    if (!input.nip || !input.pin) throw new ApiError(400, "invalid_request", "A kiosk check-in needs nip and pin.");
    // Counted before the PIN is checked, per device and NIP, with a per-NIP backstop.
    pinLockout.attempt(`nip:${input.nip}`, caller.device.id);
    const [officer] = await db
      .select()
      .from(officers)
      .where(and(eq(officers.nip, input.nip), eq(officers.agencyId, agencyId), eq(officers.active, true)));
    const ok = officer?.pinHash ? await verifySecret(input.pin, officer.pinHash) : false;
    if (!officer || !ok) throw new ApiError(401, "invalid_credentials", "The NIP or PIN is wrong.");
    pinLockout.succeeded(`nip:${input.nip}`, caller.device.id);
    return officer;
  }
  const user = caller.user;
  assertActsFor(caller, input.officer, "check in");
  if (user.role === "officer") {
    if (!user.officerId) throw forbidden("This account is not linked to an officer.");
    input = { officer: user.officerId };
  }
  if (!input.officer) throw new ApiError(400, "invalid_request", "Name the officer to check in.");
  const [officer] = await db
    .select()
    .from(officers)
    .where(and(eq(officers.id, input.officer), eq(officers.agencyId, agencyId), eq(officers.active, true)));
  if (!officer) throw notFound("Officer");
  return officer;
}

const params = z.object({ counter: counterCode });

/**
 * The duty routes. Each app counts PIN attempts: 5 per NIP from one device per 15 minutes,
 * 20 per NIP from all devices per hour (a 6-digit PIN must not be guessable).
 */
export function createDutiesRoutes() {
  const pinLockout = new Lockout({ perSource: 5, perIdentity: 20 });
  return router()
    .openapi(
      createRoute({
        method: "get",
        path: "/counters/{counter}/duty",
        summary: "Who serves at the counter now (its device; officers, supervisors, agency admins of the agency)",
        tags: ["duties"],
        security: SECURITY.sessionOrDevice,
        request: { params },
        responses: okJson(DutyResponse, "The open duty, or null"),
      }),
      async (c) => {
        const { counter } = await counterFor(c, c.req.valid("param").counter);
        const duty = await currentDuty(c.var.db, counter.id);
        return c.json({ counter: { code: counter.code, name: counter.name }, duty: duty ?? null }, 200);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/counters/{counter}/duty",
        summary:
          "Check an officer in at the counter (its device with NIP+PIN; the officer; supervisors, agency admins)",
        tags: ["duties"],
        security: SECURITY.sessionOrDevice,
        request: { params, body: jsonBody(DutyInput) },
        responses: okJson(DutyStartedResponse, "The duty that started"),
      }),
      async (c) => {
        const { caller, counter } = await counterFor(c, c.req.valid("param").counter);
        const officer = await officerToCheckIn(c, caller, counter.agencyId, c.req.valid("json"), pinLockout);
        const now = Date.now();
        const id = await startDuty(c.var.db, counter.id, officer.id, now);
        return c.json(
          {
            duty: { id, counter: counter.code, officer: { id: officer.id, name: officer.name }, startedAt: now },
          },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: "delete",
        path: "/counters/{counter}/duty",
        summary:
          "Check out whoever serves at the counter (its device; the officer on duty; supervisors, agency admins)",
        tags: ["duties"],
        security: SECURITY.sessionOrDevice,
        request: { params },
        responses: okJson(DutyEndedResponse, "The duty that ended"),
      }),
      async (c) => {
        const { caller, counter } = await counterFor(c, c.req.valid("param").counter);
        const open = await currentDuty(c.var.db, counter.id);
        if (!open) throw notFound("An open duty at this counter");
        assertActsFor(caller, open.officerId, "check out");
        const ended = await endDuty(c.var.db, open, Date.now());
        return c.json({ duty: ended }, 200);
      },
    );
}
