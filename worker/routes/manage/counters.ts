/** Counters of an agency (loket), named by code, with their service hours. */

import { createRoute } from "@hono/zod-openapi";
import { and, asc, eq, isNull } from "drizzle-orm";
import { CounterInput, CounterPatch } from "../../../core/contract.ts";
import { newId } from "../../../core/ids.ts";
import { CounterResponse, CountersResponse } from "../../../core/responses.ts";
import { auditInsert } from "../../../db/queries/audit.ts";
import { revokeDevices } from "../../../db/queries/devices.ts";
import { counters, devices, duties } from "../../../db/schema.ts";
import { agencyFor } from "../../access.ts";
import { notFound } from "../../errors.ts";
import { jsonBody, okJson, router, SECURITY } from "../../openapi.ts";
import { agencyParams, itemParams, WHO_MANAGES, WHO_READS } from "./common.ts";

const tags = ["management"];

/** GET, POST, PATCH, DELETE of counters. */
export const countersRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/agencies/{slug}/counters",
      summary: `List counters ${WHO_READS}`,
      tags,
      security: SECURITY.session,
      request: { params: agencyParams },
      responses: okJson(CountersResponse, "The counters, archived ones included"),
    }),
    async (c) => {
      const { agency } = await agencyFor(c, c.req.valid("param").slug, "readAgency");
      const rows = await c.var.db
        .select()
        .from(counters)
        .where(eq(counters.agencyId, agency.id))
        .orderBy(asc(counters.code));
      return c.json({ counters: rows }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/agencies/{slug}/counters",
      summary: `Create a counter ${WHO_MANAGES}`,
      tags,
      security: SECURITY.session,
      request: { params: agencyParams, body: jsonBody(CounterInput) },
      responses: okJson(CounterResponse, "The new counter"),
    }),
    async (c) => {
      const { user, agency } = await agencyFor(c, c.req.valid("param").slug, "manageAgency");
      const db = c.var.db;
      const row = { id: newId("ctr"), agencyId: agency.id, ...c.req.valid("json") };
      const [[created]] = await db.batch([
        db.insert(counters).values(row).returning(),
        auditInsert(db, {
          actorUserId: user.id,
          agencyId: agency.id,
          action: "counter.create",
          target: row.id,
          details: row,
        }),
      ]);
      return c.json({ counter: created }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/agencies/{slug}/counters/{id}",
      summary: `Rename a counter, change its code or hours ${WHO_MANAGES}`,
      tags,
      security: SECURITY.session,
      request: { params: itemParams, body: jsonBody(CounterPatch) },
      responses: okJson(CounterResponse, "The changed counter"),
    }),
    async (c) => {
      const { slug, id } = c.req.valid("param");
      const { user, agency } = await agencyFor(c, slug, "manageAgency");
      const db = c.var.db;
      const changes = c.req.valid("json");
      const where = and(eq(counters.id, id), eq(counters.agencyId, agency.id));
      const [existing] = await db.select().from(counters).where(where);
      if (!existing) throw notFound("Counter");
      await db.batch([
        db.update(counters).set(changes).where(where),
        auditInsert(db, {
          actorUserId: user.id,
          agencyId: agency.id,
          action: "counter.update",
          target: id,
          details: changes,
        }),
      ]);
      return c.json({ counter: { ...existing, ...changes } }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/agencies/{slug}/counters/{id}",
      summary: `Archive a counter: it leaves the forms, its devices are revoked and its duty ends; its ratings stay ${WHO_MANAGES}`,
      tags,
      security: SECURITY.session,
      request: { params: itemParams },
      responses: okJson(CounterResponse, "The archived counter"),
    }),
    async (c) => {
      const { slug, id } = c.req.valid("param");
      const { user, agency } = await agencyFor(c, slug, "manageAgency");
      const db = c.var.db;
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
      for (const device of revoked) c.var.deviceCache.forget(device.id);
      return c.json({ counter: { ...existing, archivedAt } }, 200);
    },
  );
