/** Counters of an agency (loket), named by code, with their service hours. */

import { createRoute } from "@hono/zod-openapi";
import { and, asc, eq, isNull } from "drizzle-orm";
import { CounterInput, CounterPatch } from "../../../core/contract.ts";
import { newId } from "../../../core/ids.ts";
import { CounterResponse, CountersResponse } from "../../../core/responses.ts";
import type { Db } from "../../../db/client.ts";
import { auditInsert } from "../../../db/queries/audit.ts";
import { type CounterService, servicesOfCounters, setCounterServices } from "../../../db/queries/counters.ts";
import { revokeDevices } from "../../../db/queries/devices.ts";
import { counters, devices, duties } from "../../../db/schema.ts";
import { agencyFor } from "../../access.ts";
import { ApiError, notFound } from "../../errors.ts";
import { jsonBody, okJson, router, SECURITY } from "../../openapi.ts";
import { agencyParams, itemParams, WHO_MANAGES, WHO_READS } from "./params.ts";

const tags = ["management"];

type CounterRow = typeof counters.$inferSelect;

/** A counter with the slugs of its services. */
const withServices = (row: CounterRow, given: Map<string, CounterService[]>) => ({
  ...row,
  services: (given.get(row.id) ?? []).map((s) => s.slug),
});

/** A counter as stored now, with its services. */
async function counterWithServices(db: Db, agencyId: string, id: string) {
  const [row] = await db.select().from(counters).where(eq(counters.id, id));
  return withServices(row, await servicesOfCounters(db, agencyId, [id]));
}

/** The statements that set a counter's services, or a 400 naming the slugs that are no active service. */
async function serviceStatements(db: Db, agencyId: string, counterId: string, slugs: string[]) {
  const result = await setCounterServices(db, agencyId, counterId, slugs);
  if ("unknown" in result) {
    throw new ApiError(400, "unknown_service", `services: no active service "${result.unknown.join('", "')}".`, {
      unknown: result.unknown,
    });
  }
  return result.statements;
}

/** GET, POST, PATCH, DELETE of counters. */
export const countersRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      summary: `List counters ${WHO_READS}`,
      tags,
      security: SECURITY.session,
      request: { params: agencyParams },
      responses: okJson(CountersResponse, "The counters, archived ones included"),
    }),
    async (c) => {
      const { agency } = await agencyFor(c, c.req.valid("param").slug, "readAgency");
      const rows = await c
        .get("db")
        .select()
        .from(counters)
        .where(eq(counters.agencyId, agency.id))
        .orderBy(asc(counters.code));
      const given = await servicesOfCounters(
        c.get("db"),
        agency.id,
        rows.map((r) => r.id),
      );
      return c.json({ counters: rows.map((r) => withServices(r, given)) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/",
      summary: `Create a counter ${WHO_MANAGES}`,
      tags,
      security: SECURITY.session,
      request: { params: agencyParams, body: jsonBody(CounterInput) },
      responses: okJson(CounterResponse, "The new counter"),
    }),
    async (c) => {
      const { user, agency } = await agencyFor(c, c.req.valid("param").slug, "manageAgency");
      const db = c.get("db");
      const { services: slugs = [], ...fields } = c.req.valid("json");
      const row = { id: newId("ctr"), agencyId: agency.id, ...fields };
      const given = await serviceStatements(db, agency.id, row.id, slugs);
      await db.batch([
        db.insert(counters).values(row),
        ...given,
        auditInsert(db, {
          actorUserId: user.id,
          agencyId: agency.id,
          action: "counter.create",
          target: row.id,
          details: { ...row, services: slugs },
        }),
      ]);
      return c.json({ counter: await counterWithServices(db, agency.id, row.id) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/{id}",
      summary: `Rename a counter, change its code or hours ${WHO_MANAGES}`,
      tags,
      security: SECURITY.session,
      request: { params: itemParams, body: jsonBody(CounterPatch) },
      responses: okJson(CounterResponse, "The changed counter"),
    }),
    async (c) => {
      const { slug, id } = c.req.valid("param");
      const { user, agency } = await agencyFor(c, slug, "manageAgency");
      const db = c.get("db");
      const { services: slugs, ...changes } = c.req.valid("json");
      const where = and(eq(counters.id, id), eq(counters.agencyId, agency.id));
      const [existing] = await db.select().from(counters).where(where);
      if (!existing) throw notFound("Counter");
      const given = slugs ? await serviceStatements(db, agency.id, id, slugs) : [];
      await db.batch([
        db.update(counters).set(changes).where(where),
        ...given,
        auditInsert(db, {
          actorUserId: user.id,
          agencyId: agency.id,
          action: "counter.update",
          target: id,
          details: slugs ? { ...changes, services: slugs } : changes,
        }),
      ]);
      return c.json({ counter: await counterWithServices(db, agency.id, id) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/{id}",
      summary: `Archive a counter: it leaves the forms, its devices are revoked and its duty ends; its ratings stay ${WHO_MANAGES}`,
      tags,
      security: SECURITY.session,
      request: { params: itemParams },
      responses: okJson(CounterResponse, "The archived counter"),
    }),
    async (c) => {
      const { slug, id } = c.req.valid("param");
      const { user, agency } = await agencyFor(c, slug, "manageAgency");
      const db = c.get("db");
      const where = and(eq(counters.id, id), eq(counters.agencyId, agency.id));
      const [existing] = await db.select().from(counters).where(where);
      if (!existing) throw notFound("Counter");
      const now = Date.now();
      const archivedAt = existing.archivedAt ?? now;
      const revoked = await db
        .select({ id: devices.id })
        .from(devices)
        .where(and(eq(devices.counterId, id), isNull(devices.revokedAt)));
      await db.batch([
        db.update(counters).set({ archivedAt }).where(where),
        // A counter that no longer exists has no tablet to rate at and nobody serving.
        revokeDevices(db, eq(devices.counterId, id), now),
        db
          .update(duties)
          .set({ endedAt: now })
          .where(and(eq(duties.counterId, id), isNull(duties.endedAt))),
        auditInsert(db, {
          actorUserId: user.id,
          agencyId: agency.id,
          action: "counter.archive",
          target: id,
          details: { revokedDevices: revoked.map((d) => d.id) },
        }),
      ]);
      // Only after the commit: forgetting earlier lets a request in between cache the tokens again.
      for (const device of revoked) c.get("deviceCache").forget(device.id);
      return c.json({ counter: await counterWithServices(db, agency.id, id) }, 200);
    },
  );
