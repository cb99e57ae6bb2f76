/**
 * POST /api/v1/ratings — public, with rules per channel: kiosk ratings need a
 * paired device's token; widget ratings a registered Origin; QR ratings a
 * ticket. Browser (non-device) callers are rate-limited per IP.
 */
import { createRoute } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { RatingsBatch, RatingsResponse } from "../../core/contract.ts";
import { ApiError } from "../errors.ts";
import { rateLimit } from "../middleware/rate-limit.ts";
import { jsonBody, okJson, router, SECURITY } from "../openapi.ts";

/** 500 ratings with long comments fit comfortably; anything larger is not a rating batch. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** The ratings routes; each app gets its own rate-limit counters. */
export function createRatingsRoutes() {
  const routes = router();

  routes.use(
    "/ratings",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new ApiError(413, "payload_too_large", `A ratings request may be at most ${MAX_BODY_BYTES} bytes.`);
      },
    }),
    rateLimit({ limit: 30, key: (c) => (c.var.principal?.kind === "device" ? null : c.var.clientIp) }),
  );

  routes.openapi(
    createRoute({
      method: "post",
      path: "/ratings",
      summary: "Submit 1–500 ratings; idempotent by id (kiosk: device token; widget: registered Origin; QR: ticket)",
      tags: ["ratings"],
      security: SECURITY.optional,
      request: { body: jsonBody(RatingsBatch) },
      responses: {
        ...okJson(RatingsResponse, "One result per rating, in order"),
        422: {
          description: "Every rating was rejected (details.results says why)",
          content: { "application/json": { schema: RatingsResponse } },
        },
      },
    }),
    async (c) => {
      const { ratings } = c.req.valid("json");
      const principal = c.var.principal;
      const origin = c.req.header("origin") ?? null;
      const sender = {
        device: principal?.kind === "device" ? principal.device : null,
        origin,
        ownOrigin: origin === new URL(c.req.url).origin,
      };
      const results = await c.var.ingest(ratings.map((input) => ({ input, sender })));
      if (results.every((r) => r.status === "rejected")) {
        const codes = new Set(results.map((r) => r.error?.code));
        const [only] = codes;
        throw new ApiError(
          422,
          codes.size === 1 && only ? only : "rejected",
          results[0].error?.message ?? "Every rating was rejected.",
          { results },
        );
      }
      return c.json({ results }, 200);
    },
  );
  return routes;
}
