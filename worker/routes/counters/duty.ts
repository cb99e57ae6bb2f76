/**
 * Duty check-in and check-out at a counter (`:counter` is the counter's code in
 * the caller's agency). A paired device of that counter checks an officer in
 * with NIP + PIN (ending whoever served before: the officer is there, in person)
 * and out with the on-duty officer's PIN; an officer checks themself in and out;
 * a supervisor or agency admin checks in any officer of the agency and ends a
 * duty with a reason. From the dashboard or the API nobody takes a counter that
 * someone else serves (409 `counter_busy`): that needs the tablet, or the duty
 * board. Regional admins do not staff counters. Every start and end is audited
 * with where it came from. The tablet of an archived counter still delivers the duty
 * changes it made before the archive and starts nothing new (409 `counter_archived`).
 */

import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import * as z from "zod";
import { counterCode, DutyEndInput, DutyInput } from "../../../core/contract.ts";
import { deviceTimeRefusal } from "../../../core/rating-time.ts";
import { DutyEndedResponse, DutyResponse, DutyStartedResponse } from "../../../core/responses.ts";
import {
  currentDuty,
  type DutyActor,
  dutyEndedByArchive,
  endDuty,
  startDuty,
  startDutyBeforeArchive,
} from "../../../db/queries/duties.ts";
import { activeOfficer, officerNip } from "../../../db/queries/officers.ts";
import type { DutySource } from "../../../db/schema.ts";
import { assertActsFor, type CounterCaller, counterArchived, counterFor } from "../../access.ts";
import type { AppEnv } from "../../env.ts";
import { ApiError, conflict, forbidden, notFound } from "../../errors.ts";
import { officerByPin } from "../../officer-pin.ts";
import { jsonBody, okJson, router, SECURITY } from "../../openapi.ts";

type Ctx = Context<AppEnv>;

/** Which officer a check-in is for, after checking the caller may check them in. */
async function officerToCheckIn(c: Ctx, caller: CounterCaller, agencyId: string, input: z.infer<typeof DutyInput>) {
  const db = c.get("db");
  if (caller.kind === "device") {
    if (!input.nip || !input.pin) throw new ApiError(400, "invalid_request", "A kiosk check-in needs nip and pin.");
    return officerByPin(c, caller.device, input.nip, input.pin);
  }
  const user = caller.user;
  assertActsFor(caller, input.officer, "check in");
  if (user.role === "officer") {
    if (!user.officerId) throw forbidden("This account is not linked to an officer.");
    input = { officer: user.officerId };
  }
  if (!input.officer) throw new ApiError(400, "invalid_request", "Name the officer to check in.");
  const officer = await activeOfficer(db, agencyId, { id: input.officer });
  if (!officer) throw notFound("Officer");
  return officer;
}

const params = z.object({ counter: counterCode });

/** Where a duty change came from: the tablet, the dashboard (its session cookie) or the API (a bearer token). */
function sourceOf(c: Ctx, caller: CounterCaller): DutySource {
  if (caller.kind === "device") return "tablet";
  return c.req.header("authorization") ? "api" : "dashboard";
}

/** Who made a duty change, for the audit log. */
const actorOf = (caller: CounterCaller, agencyId: string, reason?: string): DutyActor =>
  caller.kind === "device"
    ? { agencyId, userId: null, deviceId: caller.device.id }
    : { agencyId, userId: caller.user.id, reason };

/**
 * When a duty change happened. A tablet that was offline sends the time of the change,
 * trusted within the limits of its ratings (after pairing, within 30 days, not ahead of the
 * server clock); everyone else changes a duty now.
 */
function changeTime(caller: CounterCaller, at: string | undefined): number {
  const now = Date.now();
  if (!at) return now;
  if (caller.kind !== "device")
    throw new ApiError(400, "invalid_request", "at: only a kiosk sends the time of a change.");
  const time = Date.parse(at);
  if (deviceTimeRefusal(time, caller.device.pairedAt, now)) {
    throw new ApiError(400, "too_old", "at: before the tablet was paired or more than 30 days ago.");
  }
  return Math.min(time, now);
}

/** The duty routes. */
export function createCounterDutyRoutes() {
  return router()
    .openapi(
      createRoute({
        method: "get",
        path: "/",
        summary: "Who serves at the counter now (its device; officers, supervisors, agency admins of the agency)",
        tags: ["duties"],
        security: SECURITY.sessionOrDevice,
        request: { params },
        responses: okJson(DutyResponse, "The open duty, or null"),
      }),
      async (c) => {
        const { counter } = await counterFor(c, c.req.valid("param").counter);
        const duty = await currentDuty(c.get("db"), counter.id);
        return c.json({ counter: { code: counter.code, name: counter.name }, duty: duty ?? null }, 200);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/",
        summary:
          "Check an officer in at the counter (its device with NIP+PIN; the officer; supervisors, agency admins)",
        tags: ["duties"],
        security: SECURITY.sessionOrDevice,
        request: { params, body: jsonBody(DutyInput) },
        responses: okJson(DutyStartedResponse, "The duty that started"),
      }),
      async (c) => {
        const { caller, counter } = await counterFor(c, c.req.valid("param").counter, { keepArchived: true });
        const input = c.req.valid("json");
        const now = changeTime(caller, input.at);
        const { archivedAt } = counter;
        if (archivedAt !== null && now >= archivedAt) throw counterArchived(archivedAt);
        const officer = await officerToCheckIn(c, caller, counter.agencyId, input);
        const db = c.get("db");
        if (archivedAt !== null) {
          const id = await startDutyBeforeArchive(
            db,
            { counterId: counter.id, officerId: officer.id },
            { at: now, archivedAt },
            actorOf(caller, counter.agencyId),
          );
          return c.json(
            {
              duty: { id, counter: counter.code, officer: { id: officer.id, name: officer.name }, startedAt: now },
            },
            200,
          );
        }
        if (caller.kind === "user") {
          const open = await currentDuty(db, counter.id);
          if (open && open.officerId !== officer.id) {
            throw conflict(
              "counter_busy",
              `${open.name} serves at this counter now; they end their duty at the tablet, or a supervisor ends it on the duty board.`,
            );
          }
        }
        const id = await startDuty(
          db,
          { counterId: counter.id, officerId: officer.id },
          now,
          sourceOf(c, caller),
          actorOf(caller, counter.agencyId),
        );
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
        path: "/",
        summary:
          "End the duty at the counter (its device with the on-duty officer's PIN; the officer on duty; supervisors, agency admins with a reason)",
        tags: ["duties"],
        security: SECURITY.sessionOrDevice,
        request: {
          params,
          body: { required: false, content: { "application/json": { schema: DutyEndInput } } },
        },
        responses: okJson(DutyEndedResponse, "The duty that ended"),
      }),
      async (c) => {
        const { caller, counter } = await counterFor(c, c.req.valid("param").counter, { keepArchived: true });
        const input = c.req.valid("json") ?? {};
        const at = changeTime(caller, input.at);
        const { archivedAt } = counter;
        if (archivedAt !== null && at >= archivedAt) throw counterArchived(archivedAt);
        // At an archived counter, the duty its archive ended, if it had begun by then.
        const open =
          archivedAt === null
            ? await currentDuty(c.get("db"), counter.id)
            : await dutyEndedByArchive(c.get("db"), counter.id, archivedAt);
        if (!open || (archivedAt !== null && open.startedAt > at)) throw notFound("An open duty at this counter");
        assertActsFor(caller, open.officerId, "check out");
        if (caller.kind === "device") {
          // Anyone can tap the tablet: only the officer on duty, with their PIN, ends their duty there.
          if (!input.pin)
            throw new ApiError(
              400,
              "pin_required",
              "Ending a duty at the tablet needs the PIN of the officer on duty.",
            );
          const servingNip = (await officerNip(c.get("db"), open.officerId))!;
          await officerByPin(c, caller.device, servingNip, input.pin);
        } else if (caller.user.officerId !== open.officerId && !input.reason) {
          throw new ApiError(
            400,
            "reason_required",
            "Say why you end another officer's duty; it goes in the audit log.",
          );
        }
        const ended = await endDuty(
          c.get("db"),
          { ...open, counterId: counter.id },
          Math.max(open.startedAt, at),
          sourceOf(c, caller),
          actorOf(caller, counter.agencyId, input.reason),
        );
        const { counterId: _, ...duty } = ended;
        return c.json({ duty }, 200);
      },
    );
}
