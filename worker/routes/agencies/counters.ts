/** Counters of an agency (loket), named by code, with their service hours. */

import { createRoute } from "@hono/zod-openapi";
import { CounterInput, CounterPatch } from "../../../core/contract.ts";
import { newId } from "../../../core/ids.ts";
import { CounterResponse, CountersResponse } from "../../../core/responses.ts";
import type { Db } from "../../../db/client.ts";
import {
  archiveCounter,
  type CounterRecord,
  type CounterService,
  counterOfAgency,
  createCounter,
  listCounters,
  servicesOfCounters,
  setCounterServices,
  updateCounter,
} from "../../../db/queries/counters.ts";
import { agencyFor } from "../../access.ts";
import { ApiError, notFound } from "../../errors.ts";
import { jsonBody, okJson, router, SECURITY } from "../../openapi.ts";
import { agencyParams, itemParams, WHO_MANAGES, WHO_READS } from "./params.ts";

const tags = ["management"];

/** A counter with the slugs of its services. */
const withServices = (row: CounterRecord, given: Map<string, CounterService[]>) => ({
  ...row,
  services: (given.get(row.id) ?? []).map((s) => s.slug),
});

/** A counter as stored now, with its services. */
async function counterWithServices(db: Db, agencyId: string, id: string) {
  const row = (await counterOfAgency(db, agencyId, id))!;
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
      const rows = await listCounters(c.get("db"), agency.id);
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
      await createCounter(db, row, given, { actorUserId: user.id, agencyId: agency.id }, { ...row, services: slugs });
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
      if (!(await counterOfAgency(db, agency.id, id))) throw notFound("Counter");
      const given = slugs ? await serviceStatements(db, agency.id, id, slugs) : [];
      const details = slugs ? { ...changes, services: slugs } : changes;
      await updateCounter(db, id, changes, given, { actorUserId: user.id, agencyId: agency.id }, details);
      return c.json({ counter: await counterWithServices(db, agency.id, id) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/{id}",
      summary: `Archive a counter: it leaves the forms and takes no new rating, its duty ends, its tablets only deliver what they kept from before; its ratings stay ${WHO_MANAGES}`,
      tags,
      security: SECURITY.session,
      request: { params: itemParams },
      responses: okJson(CounterResponse, "The archived counter"),
    }),
    async (c) => {
      const { slug, id } = c.req.valid("param");
      const { user, agency } = await agencyFor(c, slug, "manageAgency");
      const db = c.get("db");
      const existing = await counterOfAgency(db, agency.id, id);
      if (!existing) throw notFound("Counter");
      const now = Date.now();
      const archivedAt = existing.archivedAt ?? now;
      await archiveCounter(db, id, archivedAt, now, { actorUserId: user.id, agencyId: agency.id });
      return c.json({ counter: await counterWithServices(db, agency.id, id) }, 200);
    },
  );
