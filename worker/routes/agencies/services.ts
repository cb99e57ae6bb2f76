/** Services of an agency (jenis layanan), named by slug. */

import { createRoute } from "@hono/zod-openapi";
import { and, asc, eq } from "drizzle-orm";
import { ServiceInput, ServicePatch } from "../../../core/contract.ts";
import { newId } from "../../../core/ids.ts";
import { ServiceResponse, ServicesResponse } from "../../../core/responses.ts";
import { auditInsert } from "../../../db/queries/audit.ts";
import { services } from "../../../db/schema.ts";
import { agencyFor } from "../../access.ts";
import { notFound } from "../../errors.ts";
import { jsonBody, okJson, router, SECURITY } from "../../openapi.ts";
import { agencyParams, itemParams, WHO_MANAGES, WHO_READS } from "./params.ts";

const tags = ["management"];

/** GET, POST, PATCH, DELETE of services. */
export const servicesRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      summary: `List services ${WHO_READS}`,
      tags,
      security: SECURITY.session,
      request: { params: agencyParams },
      responses: okJson(ServicesResponse, "The services, archived ones included"),
    }),
    async (c) => {
      const { agency } = await agencyFor(c, c.req.valid("param").slug, "readAgency");
      const rows = await c
        .get("db")
        .select()
        .from(services)
        .where(eq(services.agencyId, agency.id))
        .orderBy(asc(services.name));
      return c.json({ services: rows }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/",
      summary: `Create a service ${WHO_MANAGES}`,
      tags,
      security: SECURITY.session,
      request: { params: agencyParams, body: jsonBody(ServiceInput) },
      responses: okJson(ServiceResponse, "The new service"),
    }),
    async (c) => {
      const { user, agency } = await agencyFor(c, c.req.valid("param").slug, "manageAgency");
      const db = c.get("db");
      const row = { id: newId("svc"), agencyId: agency.id, ...c.req.valid("json") };
      const [[created]] = await db.batch([
        db.insert(services).values(row).returning(),
        auditInsert(db, {
          actorUserId: user.id,
          agencyId: agency.id,
          action: "service.create",
          target: row.id,
          details: row,
        }),
      ]);
      return c.json({ service: created }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/{id}",
      summary: `Rename a service or change its slug ${WHO_MANAGES}`,
      tags,
      security: SECURITY.session,
      request: { params: itemParams, body: jsonBody(ServicePatch) },
      responses: okJson(ServiceResponse, "The changed service"),
    }),
    async (c) => {
      const { slug, id } = c.req.valid("param");
      const { user, agency } = await agencyFor(c, slug, "manageAgency");
      const db = c.get("db");
      const changes = c.req.valid("json");
      const where = and(eq(services.id, id), eq(services.agencyId, agency.id));
      const [existing] = await db.select().from(services).where(where);
      if (!existing) throw notFound("Service");
      await db.batch([
        db.update(services).set(changes).where(where),
        auditInsert(db, {
          actorUserId: user.id,
          agencyId: agency.id,
          action: "service.update",
          target: id,
          details: changes,
        }),
      ]);
      return c.json({ service: { ...existing, ...changes } }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/{id}",
      summary: `Archive a service: it leaves the forms, its ratings stay ${WHO_MANAGES}`,
      tags,
      security: SECURITY.session,
      request: { params: itemParams },
      responses: okJson(ServiceResponse, "The archived service"),
    }),
    async (c) => {
      const { slug, id } = c.req.valid("param");
      const { user, agency } = await agencyFor(c, slug, "manageAgency");
      const db = c.get("db");
      const where = and(eq(services.id, id), eq(services.agencyId, agency.id));
      const [existing] = await db.select().from(services).where(where);
      if (!existing) throw notFound("Service");
      const archivedAt = existing.archivedAt ?? Date.now();
      await db.batch([
        db.update(services).set({ archivedAt }).where(where),
        auditInsert(db, { actorUserId: user.id, agencyId: agency.id, action: "service.archive", target: id }),
      ]);
      return c.json({ service: { ...existing, archivedAt } }, 200);
    },
  );
