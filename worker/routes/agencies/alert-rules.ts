/**
 * An agency's alert rules (docs/design.md, "Alerts"): every rule with its default until an admin
 * changes it; each can be switched off, and low_faces' N and M set within their bounds. Audited.
 */
import { createRoute } from "@hono/zod-openapi";
import * as z from "zod";
import { AlertRuleInput, AlertRulesResponse } from "../../../core/alert-contract.ts";
import { ALERT_DEFAULTS, ALERT_RULES } from "../../../core/alerts.ts";
import { slug } from "../../../core/contract.ts";
import { rulesOf, setRule } from "../../../db/queries/alerts.ts";
import { auditInsert } from "../../../db/queries/audit.ts";
import { agencyFor } from "../../access.ts";
import { ApiError } from "../../errors.ts";
import { jsonBody, okJson, router, SECURITY } from "../../openapi.ts";
import { agencyParams, WHO_MANAGES } from "./params.ts";

const tags = ["alerts"];

/** GET /agencies/{slug}/alert-rules, PUT /agencies/{slug}/alert-rules/{rule}. */
export const alertRulesRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      summary: `The agency's alert rules, the defaults where no admin changed one ${WHO_MANAGES}`,
      tags,
      security: SECURITY.session,
      request: { params: agencyParams },
      responses: okJson(AlertRulesResponse, "Every rule as it stands"),
    }),
    async (c) => {
      const { agency } = await agencyFor(c, c.req.valid("param").slug, "manageAlerts");
      return c.json({ rules: await rulesOf(c.get("db"), agency.id) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/{rule}",
      summary: `Switch a rule on or off; low_faces also takes count (N, 2–20) and minutes (M, 5–240); audited ${WHO_MANAGES}`,
      tags,
      security: SECURITY.session,
      request: { params: z.object({ slug, rule: z.enum(ALERT_RULES) }), body: jsonBody(AlertRuleInput) },
      responses: okJson(AlertRulesResponse, "Every rule as it stands now"),
    }),
    async (c) => {
      const path = c.req.valid("param");
      const { user, agency } = await agencyFor(c, path.slug, "manageAlerts");
      const input = c.req.valid("json");
      const db = c.get("db");
      if (path.rule !== "low_faces" && (input.count !== undefined || input.minutes !== undefined)) {
        throw new ApiError(400, "invalid_request", `The rule ${path.rule} takes only "enabled".`);
      }
      const current = (await rulesOf(db, agency.id)).find((r) => r.rule === path.rule)!;
      const defaults = ALERT_DEFAULTS[path.rule];
      const setting = {
        rule: path.rule,
        enabled: input.enabled,
        count: path.rule === "low_faces" ? (input.count ?? current.count ?? defaults.count) : null,
        minutes: path.rule === "low_faces" ? (input.minutes ?? current.minutes ?? defaults.minutes) : null,
      };
      await db.batch([
        setRule(db, agency.id, setting, user.id),
        auditInsert(db, {
          actorUserId: user.id,
          agencyId: agency.id,
          action: "alert_rule.update",
          target: path.rule,
          details: setting,
        }),
      ]);
      return c.json({ rules: await rulesOf(db, agency.id) }, 200);
    },
  );
