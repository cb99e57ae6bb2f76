/**
 * POST /api/v1/ratings — public, with rules per channel: kiosk ratings need a
 * paired device's token; widget ratings a registered Origin (or Suara's own, its
 * poster page's); QR ratings a ticket. Callers without a device token send a few ratings per request and
 * are limited per IP: by requests, and per agency by the ratings they add.
 */
import { createRoute } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import { type RatingInput, type RatingResult, RatingsBatch, RatingsResponse } from "../../core/contract.ts";
import type { AppEnv } from "../env.ts";
import { ApiError } from "../errors.ts";
import { DEVICE_MAX_BODY_BYTES, limitBody } from "../middleware/body-limit.ts";
import { RateLimiter, rateLimit, tooManyRequests } from "../middleware/rate-limit.ts";
import { namesThisSite } from "../middleware/same-origin.ts";
import { jsonBody, okJson, router, SECURITY } from "../openapi.ts";

/** A widget or QR page sends a few ratings; this is plenty for them. */
const BROWSER_MAX_BODY_BYTES = 32 * 1024;
/** Most ratings a caller without a device token may send in one request (a widget's few kept offline). */
export const BROWSER_MAX_RATINGS = 5;

/** Options of the ratings routes. */
export interface RatingsRoutesOptions {
  /** Widget ratings one IP may add to one agency per hour (a shared office or carrier address included). */
  widgetQuota?: number;
  /** Told what became of each request's ratings (the metrics count them by outcome). */
  onResults?: (results: readonly RatingResult[]) => void;
  /** Told each request's ratings and results once committed, after the answer is made (alerts: worker/alerts.ts). */
  afterCommit?: (c: Context<AppEnv>, inputs: readonly RatingInput[], results: readonly RatingResult[]) => void;
}

/** The ratings routes; each app gets its own rate-limit counters. */
export function createRatingsRoutes({ widgetQuota = 30, onResults, afterCommit }: RatingsRoutesOptions = {}) {
  const routes = router();
  const deviceBody = limitBody(DEVICE_MAX_BODY_BYTES, "A ratings request");
  const browserBody = limitBody(BROWSER_MAX_BODY_BYTES, "A ratings request");
  const ratingsPerAgency = new RateLimiter(widgetQuota, 3_600_000);

  const sizeLimit: MiddlewareHandler<AppEnv> = async function sizeLimit(c, next) {
    return (c.get("principal")?.kind === "device" ? deviceBody : browserBody)(c, next);
  };
  // Both limits act before the body is parsed. A tablet's body was already read, for its signature,
  // under the same DEVICE_MAX_BODY_BYTES (worker/device-signature.ts): its limit here measures that text.
  routes.use(
    "/",
    rateLimit({ limit: 30, key: (c) => (c.get("principal")?.kind === "device" ? null : c.get("clientIp")) }),
    sizeLimit,
  );

  routes.openapi(
    createRoute({
      method: "post",
      path: "/",
      summary:
        "Submit ratings, idempotent by id (kiosk: device token, 1–500 per call; widget: registered or Suara's own Origin, " +
        `at most ${BROWSER_MAX_RATINGS} per call and ${widgetQuota} per IP and agency an hour; QR: ticket)`,
      description:
        "Every well-formed batch gets 200 with one result per rating, even when all are rejected. " +
        "Device ratings keep their createdAt when it is after pairing and within 30 days (later than " +
        "the server clock by more than 5 minutes: re-timed and flagged clock_skew); widget and ticket " +
        "ratings are timed by the server (their createdAt is kept only within 5 minutes of it).",
      tags: ["ratings"],
      security: SECURITY.optional,
      request: { body: jsonBody(RatingsBatch) },
      responses: okJson(RatingsResponse, "One result per rating, in order"),
    }),
    async (c) => {
      const { ratings } = c.req.valid("json");
      const principal = c.get("principal");
      const device = principal?.kind === "device" ? principal.device : null;
      if (!device) {
        if (ratings.length > BROWSER_MAX_RATINGS) {
          throw new ApiError(
            400,
            "too_many_ratings",
            `Without a device token a request may carry at most ${BROWSER_MAX_RATINGS} ratings.`,
          );
        }
        // Counted per agency before anything is stored, so a flood moves no figure beyond the quota.
        const perAgency = new Map<string, number>();
        for (const r of ratings) if (!r.ticket) perAgency.set(r.agency, (perAgency.get(r.agency) ?? 0) + 1);
        for (const [agency, count] of perAgency) {
          const wait = ratingsPerAgency.hit(`${c.get("clientIp")}/${agency}`, Date.now(), count);
          if (wait > 0) throw tooManyRequests(wait);
        }
      }
      const origin = c.req.header("origin") ?? null;
      // Suara's own poster and QR pages rate any agency without registering Suara's address: a widget
      // rating's trust, no more (the per-IP quota above holds whatever the Origin says).
      const sender = { device, origin, ownSite: namesThisSite(c, origin ?? undefined) };
      const results = await c.get("ingest")(ratings.map((input) => ({ input, sender })));
      onResults?.(results);
      afterCommit?.(c, ratings, results);
      // A resend or a completion adds no respondent: it gives its place in the quota back.
      if (!device) {
        results.forEach((result, i) => {
          const { agency, ticket } = ratings[i];
          if (!ticket && (result.status === "duplicate" || result.status === "completed")) {
            ratingsPerAgency.refund(`${c.get("clientIp")}/${agency}`);
          }
        });
      }
      return c.json({ results }, 200);
    },
  );
  return routes;
}
