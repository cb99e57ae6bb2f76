/** Services of an agency (jenis layanan), named by slug. */

import { createRoute } from "@hono/zod-openapi";
import { ServiceInput, ServicePatch } from "../../../core/contract.ts";
import { newId } from "../../../core/ids.ts";
import { ServiceResponse, ServicesResponse } from "../../../core/responses.ts";
import {
  archiveService,
  createService,
  listServices,
  serviceOfAgency,
  updateService,
} from "../../../db/queries/services.ts";
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
      return c.json({ services: await listServices(c.get("db"), agency.id) }, 200);
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
      const row = { id: newId("svc"), agencyId: agency.id, ...c.req.valid("json") };
      return c.json({ service: await createService(c.get("db"), row, user.id) }, 200);
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
      const changes = c.req.valid("json");
      const existing = await serviceOfAgency(c.get("db"), agency.id, id);
      if (!existing) throw notFound("Service");
      await updateService(c.get("db"), agency.id, id, changes, user.id);
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
      const existing = await serviceOfAgency(c.get("db"), agency.id, id);
      if (!existing) throw notFound("Service");
      const archivedAt = existing.archivedAt ?? Date.now();
      await archiveService(c.get("db"), agency.id, id, archivedAt, user.id);
      return c.json({ service: { ...existing, archivedAt } }, 200);
    },
  );
