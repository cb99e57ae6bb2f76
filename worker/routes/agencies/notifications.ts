/**
 * The caller's notifications of an agency's alerts (docs/design.md, "Alerts"): newest first with the
 * unread count (`limit=0`: the count alone, what the dashboard's bell asks every few seconds), and
 * marking some or all read. Each person reads and marks only their own.
 */
import { createRoute } from "@hono/zod-openapi";
import * as z from "zod";
import { NotificationsQuery, NotificationsResponse, ReadInput } from "../../../core/alert-contract.ts";
import { markRead, notificationsOf, unreadCount } from "../../../db/queries/notifications.ts";
import { agencyFor } from "../../access.ts";
import { jsonBody, okJson, router, SECURITY } from "../../openapi.ts";
import { agencyParams } from "./params.ts";

const tags = ["alerts"];
const WHO = "(agency admins and supervisors of the agency: their own)";

/** GET /agencies/{slug}/notifications, POST /agencies/{slug}/notifications/read. */
export const notificationsRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      summary: `The caller's notifications, newest first (default 50), and how many are unread ${WHO}`,
      tags,
      security: SECURITY.session,
      request: { params: agencyParams, query: NotificationsQuery },
      responses: okJson(NotificationsResponse, "The notifications and the unread count"),
    }),
    async (c) => {
      const { user, agency } = await agencyFor(c, c.req.valid("param").slug, "readNotifications");
      const limit = Number(c.req.valid("query").limit ?? 50);
      const db = c.get("db");
      const [unread, notifications] = await Promise.all([
        unreadCount(db, user.id, agency.id),
        notificationsOf(db, user.id, agency.id, limit),
      ]);
      return c.json({ unread, notifications }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/read",
      summary: `Mark the caller's notifications read: {ids} (event ids) or {all: true} ${WHO}`,
      tags,
      security: SECURITY.session,
      request: { params: agencyParams, body: jsonBody(ReadInput) },
      responses: okJson(z.object({ unread: z.number().int() }), "How many are still unread"),
    }),
    async (c) => {
      const { user, agency } = await agencyFor(c, c.req.valid("param").slug, "readNotifications");
      const input = c.req.valid("json");
      const db = c.get("db");
      await markRead(db, user.id, agency.id, "ids" in input ? input.ids : "all");
      return c.json({ unread: await unreadCount(db, user.id, agency.id) }, 200);
    },
  );
