/**
 * An agency's integration keys (Kelola → Integrasi): a queue system calls POST /tickets
 * with one to make a rating ticket for the officer on duty at a counter. Shown once,
 * stored hashed, revocable; every change audited.
 */

import { createRoute } from "@hono/zod-openapi";
import { IntegrationKeyInput } from "../../../core/contract.ts";
import {
  IntegrationKeyCreatedResponse,
  IntegrationKeyRevokedResponse,
  IntegrationKeysResponse,
} from "../../../core/duty-responses.ts";
import { auditInsert } from "../../../db/queries/audit.ts";
import {
  createIntegrationKey,
  integrationKeyOfAgency,
  listIntegrationKeys,
  revokeIntegrationKey,
} from "../../../db/queries/integration-keys.ts";
import { agencyFor } from "../../access.ts";
import { notFound } from "../../errors.ts";
import { jsonBody, okJson, router, SECURITY } from "../../openapi.ts";
import { agencyParams, itemParams, WHO_MANAGES } from "./params.ts";

const tags = ["management"];

/** GET, POST, DELETE of integration keys. */
export const integrationKeysRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      summary: `List the agency's integration keys, with when each was last used ${WHO_MANAGES}`,
      tags,
      security: SECURITY.session,
      request: { params: agencyParams },
      responses: okJson(IntegrationKeysResponse, "The keys, without secrets, newest first"),
    }),
    async (c) => {
      const { agency } = await agencyFor(c, c.req.valid("param").slug, "manageAgency");
      return c.json({ keys: await listIntegrationKeys(c.get("db"), agency.id) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/",
      summary: `Make a named integration key for a queue system; the key is in this answer only ${WHO_MANAGES}`,
      tags,
      security: SECURITY.session,
      request: { params: agencyParams, body: jsonBody(IntegrationKeyInput) },
      responses: okJson(IntegrationKeyCreatedResponse, "The key and its secret (shown once)"),
    }),
    async (c) => {
      const { user, agency } = await agencyFor(c, c.req.valid("param").slug, "manageAgency");
      const db = c.get("db");
      const { name } = c.req.valid("json");
      const now = Date.now();
      const made = await createIntegrationKey(db, { agencyId: agency.id, name, createdBy: user.id }, now);
      await db.batch([
        made.insert,
        auditInsert(db, {
          actorUserId: user.id,
          agencyId: agency.id,
          action: "integration_key.create",
          target: made.id,
          details: { name },
        }),
      ]);
      return c.json(
        { key: { id: made.id, name, createdAt: now, lastUsedAt: null, revokedAt: null }, secret: made.key },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/{id}",
      summary: `Revoke an integration key: it stops working at once ${WHO_MANAGES}`,
      tags,
      security: SECURITY.session,
      request: { params: itemParams },
      responses: okJson(IntegrationKeyRevokedResponse, "The revoked key"),
    }),
    async (c) => {
      const { slug, id } = c.req.valid("param");
      const { user, agency } = await agencyFor(c, slug, "manageAgency");
      const db = c.get("db");
      const existing = await integrationKeyOfAgency(db, agency.id, id);
      if (!existing) throw notFound("Integration key");
      const revokedAt = existing.revokedAt ?? Date.now();
      if (existing.revokedAt === null) {
        await db.batch([
          revokeIntegrationKey(db, agency.id, id, revokedAt),
          auditInsert(db, { actorUserId: user.id, agencyId: agency.id, action: "integration_key.revoke", target: id }),
        ]);
      }
      const { keyHash: _, agencyId: __, createdBy: ___, ...key } = existing;
      return c.json({ key: { ...key, revokedAt } }, 200);
    },
  );
