/** POST /devices/pair — public (the pairing code is the capability), rate-limited per IP. */

import { createRoute } from "@hono/zod-openapi";
import { PairInput } from "../../core/contract.ts";
import { PairResponse } from "../../core/responses.ts";
import { pairDevice } from "../../db/queries/devices.ts";
import { ApiError } from "../errors.ts";
import { rateLimit } from "../middleware/rate-limit.ts";
import { jsonBody, okJson, router, SECURITY } from "../openapi.ts";

/** The pairing route; each app gets its own rate-limit counters. */
export function createDevicesRoutes() {
  const routes = router();

  routes.use("/devices/pair", rateLimit({ limit: 10, windowMs: 15 * 60_000 }));

  routes.openapi(
    createRoute({
      method: "post",
      path: "/devices/pair",
      summary: "Pair a kiosk with the 8-digit code an admin made; returns the device token (public)",
      tags: ["devices"],
      security: SECURITY.public,
      request: { body: jsonBody(PairInput) },
      responses: okJson(PairResponse, "The device token and where the device serves"),
    }),
    async (c) => {
      const paired = await pairDevice(c.var.db, c.req.valid("json").code, Date.now());
      if (!paired) {
        throw new ApiError(
          400,
          "invalid_pairing_code",
          "This pairing code is wrong, used or expired; ask an admin for a new one.",
        );
      }
      return c.json(paired, 200);
    },
  );
  return routes;
}
