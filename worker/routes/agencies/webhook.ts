/**
 * An agency's webhook (docs/design.md, "Alerts"): where its alerts are posted, signed with a
 * secret its admins set and never read back (the answer says only "set"), and the delivery log
 * of every try. Setting and removing are audited, the secret never with them.
 */
import { createRoute } from "@hono/zod-openapi";
import { WebhookInput, WebhookResponse } from "../../../core/alert-contract.ts";
import type { Db } from "../../../db/client.ts";
import { auditInsert } from "../../../db/queries/audit.ts";
import { deliveryLog, removeWebhook, setWebhook, webhookOf } from "../../../db/queries/webhooks.ts";
import { agencyFor } from "../../access.ts";
import { notFound } from "../../errors.ts";
import { jsonBody, okJson, router, SECURITY } from "../../openapi.ts";
import { agencyParams, WHO_MANAGES } from "./params.ts";

const tags = ["alerts"];

/** The webhook as the API shows it, and the log. */
async function state(db: Db, agencyId: string) {
  const webhook = await webhookOf(db, agencyId);
  return {
    webhook: webhook
      ? { url: webhook.url, secret: "set" as const, updatedAt: new Date(webhook.updatedAt).toISOString() }
      : null,
    deliveries: await deliveryLog(db, agencyId),
  };
}

/** GET, PUT and DELETE /agencies/{slug}/webhook. */
export const webhookRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      summary: `The agency's webhook (its secret only said to be set) and the latest 50 deliveries with every try ${WHO_MANAGES}`,
      tags,
      security: SECURITY.session,
      request: { params: agencyParams },
      responses: okJson(WebhookResponse, "The webhook, or null, and the delivery log"),
    }),
    async (c) => {
      const { agency } = await agencyFor(c, c.req.valid("param").slug, "manageAlerts");
      return c.json(await state(c.get("db"), agency.id), 200);
    },
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/",
      summary:
        "Set the webhook: every alert is posted to url as JSON, signed in X-Suara-Signature (t=<unix seconds>," +
        `v1=<hex HMAC-SHA256 of "<t>.<body>"> with secret); audited without the secret ${WHO_MANAGES}`,
      tags,
      security: SECURITY.session,
      request: { params: agencyParams, body: jsonBody(WebhookInput) },
      responses: okJson(WebhookResponse, "The webhook as set, and the delivery log"),
    }),
    async (c) => {
      const { user, agency } = await agencyFor(c, c.req.valid("param").slug, "manageAlerts");
      const { url, secret } = c.req.valid("json");
      const db = c.get("db");
      await db.batch([
        setWebhook(db, agency.id, url, secret, user.id),
        auditInsert(db, {
          actorUserId: user.id,
          agencyId: agency.id,
          action: "webhook.set",
          target: url,
          details: { url },
        }),
      ]);
      return c.json(await state(db, agency.id), 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/",
      summary: `Remove the webhook: nothing more is posted, and deliveries still pending give up; audited ${WHO_MANAGES}`,
      tags,
      security: SECURITY.session,
      request: { params: agencyParams },
      responses: okJson(WebhookResponse, "No webhook, and the delivery log"),
    }),
    async (c) => {
      const { user, agency } = await agencyFor(c, c.req.valid("param").slug, "manageAlerts");
      const db = c.get("db");
      const webhook = await webhookOf(db, agency.id);
      if (!webhook) throw notFound("A webhook");
      await db.batch([
        ...removeWebhook(db, agency.id),
        auditInsert(db, {
          actorUserId: user.id,
          agencyId: agency.id,
          action: "webhook.remove",
          target: webhook.url,
          details: { url: webhook.url },
        }),
      ]);
      return c.json(await state(db, agency.id), 200);
    },
  );
