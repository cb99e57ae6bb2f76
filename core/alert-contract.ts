/**
 * The API contract of alerts (docs/design.md, "Alerts"): the rules an admin sets, the webhook
 * they connect, the delivery log, and each reader's notifications. Front ends import only the types.
 */
import * as z from "zod";
import { ALERT_RULES, isWebhookUrl, LOW_FACES_BOUNDS } from "./alerts.ts";
import { iso } from "./responses.ts";
import { MUTU } from "./scoring.ts";

const band = z.enum(MUTU);
const named = z.object({ code: z.string(), name: z.string() });
const officer = z.object({ id: z.string(), name: z.string() });

/** What an event is about, as the dashboard words it (readers see officer names in the reports already). */
export const AlertSubject = z
  .discriminatedUnion("rule", [
    z.object({
      rule: z.literal("levy"),
      rating: z.string(),
      counter: named.nullable(),
      officer: officer.nullable(),
      reason: z.boolean().meta({ description: 'The citizen chose "Diminta biaya"' }),
      money: z.boolean().meta({ description: "The comment speaks of money" }),
    }),
    z.object({
      rule: z.literal("low_faces"),
      counter: named,
      count: z.number().int(),
      minutes: z.number().int(),
    }),
    z.object({
      rule: z.literal("band_drop"),
      week: z.string().meta({ description: "The week's Monday (local day)" }),
      officer: officer.nullable().meta({ description: "Null: the unit's quick index" }),
      from: band,
      to: band,
    }),
  ])
  .meta({ id: "AlertSubject" });
/** What an event is about. */
export type AlertSubject = z.infer<typeof AlertSubject>;

/** One of the caller's notifications. */
export const NotificationItem = z.object({
  id: z.string().meta({ description: "The event's id" }),
  at: iso,
  readAt: iso.nullable(),
  subject: AlertSubject,
});

/** The caller's notifications, newest first, and how many are unread. */
export const NotificationsResponse = z
  .object({ unread: z.number().int(), notifications: z.array(NotificationItem) })
  .meta({ id: "NotificationsResponse" });
/** The caller's notifications. */
export type Notifications = z.infer<typeof NotificationsResponse>;

/** How many notifications to list (0: only the unread count, what the header's bell asks every few seconds). */
export const NotificationsQuery = z.strictObject({
  limit: z
    .string()
    .regex(/^(?:\d|[1-9]\d|100)$/, "a number from 0 to 100")
    .optional(),
});

/** Marks notifications read: some by id, or all of the caller's in the agency. */
export const ReadInput = z.union([
  z.strictObject({ ids: z.array(z.string().min(1).max(64)).min(1).max(100) }),
  z.strictObject({ all: z.literal(true) }),
]);

/** One rule's setting, as an admin sends it: low_faces takes N and M within their bounds. */
export const AlertRuleInput = z.strictObject({
  enabled: z.boolean(),
  count: z.number().int().min(LOW_FACES_BOUNDS.count.min).max(LOW_FACES_BOUNDS.count.max).optional(),
  minutes: z.number().int().min(LOW_FACES_BOUNDS.minutes.min).max(LOW_FACES_BOUNDS.minutes.max).optional(),
});

/** One rule as it stands: stored, or the default (`custom` false). */
export const AlertRuleState = z.object({
  rule: z.enum(ALERT_RULES),
  enabled: z.boolean(),
  count: z.number().int().nullable(),
  minutes: z.number().int().nullable(),
  custom: z.boolean().meta({ description: "An admin changed it; false: the default" }),
});

/** The agency's rules. */
export const AlertRulesResponse = z.object({ rules: z.array(AlertRuleState) }).meta({ id: "AlertRulesResponse" });
/** The agency's rules. */
export type AlertRules = z.infer<typeof AlertRulesResponse>;

/** A webhook URL (core/alerts.ts isWebhookUrl). */
const webhookUrl = z
  .string()
  .max(2000)
  .refine(isWebhookUrl, "an http:// or https:// URL without a user name or password");

/** The webhook an admin sets: where to post, and the shared secret (at least 16 characters). */
export const WebhookInput = z.strictObject({
  url: webhookUrl,
  secret: z.string().min(16, "at least 16 characters").max(200),
});

/** One try of a delivery. */
export const WebhookAttempt = z.object({
  at: iso,
  statusCode: z.number().int().nullable(),
  error: z
    .enum(["timeout", "unreachable"])
    .nullable()
    .meta({ description: "No answer within 10 s, or no connection (refused, no such host, TLS)" }),
  nextAt: iso.nullable().meta({ description: "When the next try comes; null: none" }),
});

/** The webhook (its secret only said to be set, never sent back) and the latest deliveries with every try. */
export const WebhookResponse = z
  .object({
    webhook: z.object({ url: z.string(), secret: z.literal("set"), updatedAt: iso }).nullable(),
    deliveries: z.array(
      z.object({
        id: z.string(),
        rule: z.enum(ALERT_RULES),
        at: iso,
        status: z.enum(["pending", "delivered", "failed"]),
        attempts: z.array(WebhookAttempt),
      }),
    ),
  })
  .meta({ id: "WebhookResponse" });
/** The webhook and its log. */
export type Webhook = z.infer<typeof WebhookResponse>;
