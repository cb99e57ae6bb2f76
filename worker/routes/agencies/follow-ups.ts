/**
 * The follow-up plan (RTL) of a named SKM period (docs/scoring.md, "Follow-up plan"): everyone who
 * reads the agency's report reads it, with the priority elements the report proposes; the agency's
 * own admins write it. Every change is audited with what it changed (old → new).
 */
import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import {
  FollowUpChange,
  FollowUpInput,
  FollowUpResponse,
  FollowUpsQuery,
  FollowUpsResponse,
} from "../../../core/follow-up-contract.ts";
import { previousPeriod, priorityElements } from "../../../core/follow-up-plan.ts";
import { newId } from "../../../core/ids.ts";
import { parsePeriod } from "../../../core/period.ts";
import { auditInsert } from "../../../db/queries/audit.ts";
import {
  deleteFollowUp,
  type FollowUp,
  followUpOf,
  followUpsOf,
  insertFollowUp,
  updateFollowUp,
} from "../../../db/queries/follow-ups.ts";
import { agencySummary } from "../../../db/queries/reports.ts";
import { agencyFor } from "../../access.ts";
import type { AppEnv } from "../../env.ts";
import { conflict, notFound } from "../../errors.ts";
import { jsonBody, okJson, router, SECURITY } from "../../openapi.ts";
import { agencyParams, itemParams, WHO_READS } from "./params.ts";

const tags = ["reports"];
const WHO_WRITES = "(agency admins of the agency)";

/** A row as the API answers it: times as ISO 8601. */
const shown = (row: FollowUp) => ({
  ...row,
  createdAt: new Date(row.createdAt).toISOString(),
  updatedAt: row.updatedAt === null ? null : new Date(row.updatedAt).toISOString(),
});

/** The fields a change may touch, in the order the audit lists them. */
const FIELDS = ["action", "due", "responsible", "status", "note"] as const;

/** The row of the path, for a caller who may write the plan: 401/403 as agencyFor, 404 for another agency's or none. */
async function rowToWrite(c: Context<AppEnv>, path: { slug: string; id: string }) {
  const { user, agency } = await agencyFor(c, path.slug, "planFollowUps");
  const db = c.get("db");
  const old = await followUpOf(db, agency.id, path.id);
  if (!old) throw notFound(`Follow-up "${path.id}"`);
  return { user, agency, db, old };
}

/** GET and POST …/follow-ups, PATCH and DELETE …/follow-ups/{id}. */
export const followUpsRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      summary: `A named period's follow-up plan, the priority elements its report proposes, and the previous period's plan ${WHO_READS}`,
      tags,
      security: SECURITY.session,
      request: { params: agencyParams, query: FollowUpsQuery },
      responses: okJson(FollowUpsResponse, "The proposed elements, the plan's rows and the previous period's"),
    }),
    async (c) => {
      const { agency } = await agencyFor(c, c.req.valid("param").slug, "readAgency");
      const { period } = c.req.valid("query");
      const before = previousPeriod(period)!;
      const db = c.get("db");
      const [summary, rows, previous] = await Promise.all([
        agencySummary(db, agency.id, parsePeriod(period)!),
        followUpsOf(db, agency.id, period),
        followUpsOf(db, agency.id, before),
      ]);
      const planned = new Set(rows.map((row) => row.element));
      return c.json(
        {
          period,
          proposed: priorityElements(summary.elements).map((p) => ({ ...p, planned: planned.has(p.element) })),
          followUps: rows.map(shown),
          previous: { period: before, followUps: previous.map(shown) },
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/",
      summary: `Write a row of a named period's follow-up plan: element, program/kegiatan, time, person responsible ${WHO_WRITES}`,
      tags,
      security: SECURITY.session,
      request: { params: agencyParams, body: jsonBody(FollowUpInput) },
      responses: okJson(FollowUpResponse, "The new row"),
    }),
    async (c) => {
      const { user, agency } = await agencyFor(c, c.req.valid("param").slug, "planFollowUps");
      const { note, ...input } = c.req.valid("json");
      const row = { id: newId("rtl"), agencyId: agency.id, ...input, note: note || null, createdBy: user.id };
      const db = c.get("db");
      const { id, agencyId, createdBy, ...details } = row;
      await db.batch([
        insertFollowUp(db, row),
        auditInsert(db, { actorUserId: user.id, agencyId, action: "follow_up.create", target: id, details }),
      ]);
      return c.json({ followUp: shown((await followUpOf(db, agency.id, id))!) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/{id}",
      summary: `Change a row of the follow-up plan: its program/kegiatan, time, person responsible, status or note ${WHO_WRITES}`,
      tags,
      security: SECURITY.session,
      request: { params: itemParams, body: jsonBody(FollowUpChange) },
      responses: okJson(FollowUpResponse, "The row as it is now"),
    }),
    async (c) => {
      const { user, agency, db, old } = await rowToWrite(c, c.req.valid("param"));
      const input = c.req.valid("json");
      const next = { ...input, ...(input.note === undefined ? {} : { note: input.note || null }) };
      // Only what changes is written and audited, each field old → new.
      const changed = FIELDS.filter((field) => next[field] !== undefined && next[field] !== old[field]);
      if (changed.length) {
        const pick = (row: Partial<FollowUp>) => Object.fromEntries(changed.map((field) => [field, row[field]]));
        await db.batch([
          updateFollowUp(db, agency.id, old.id, pick(next)),
          auditInsert(db, {
            actorUserId: user.id,
            agencyId: agency.id,
            action: "follow_up.update",
            target: old.id,
            details: { period: old.period, element: old.element, from: pick(old), to: pick(next) },
          }),
        ]);
      }
      return c.json({ followUp: shown((await followUpOf(db, agency.id, old.id))!) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/{id}",
      summary: `Delete a mistaken row that is still only planned; a row under way or done stays, with a note ${WHO_WRITES}`,
      tags,
      security: SECURITY.session,
      request: { params: itemParams },
      responses: okJson(FollowUpResponse, "The row as it was"),
    }),
    async (c) => {
      const { user, agency, db, old } = await rowToWrite(c, c.req.valid("param"));
      // A row the unit started on is part of what it reports (the next period looks back on it): it stays.
      if (old.status !== "planned")
        throw conflict("conflict", "Only a planned row can be deleted; change the status or note of one under way.");
      const { id, createdAt, updatedAt, ...details } = old;
      await db.batch([
        deleteFollowUp(db, agency.id, id),
        auditInsert(db, { actorUserId: user.id, agencyId: agency.id, action: "follow_up.delete", target: id, details }),
      ]);
      return c.json({ followUp: shown(old) }, 200);
    },
  );
