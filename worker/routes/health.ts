/** GET /health — public: the server is up and the database answers. */
import { createRoute } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import * as z from "zod";
import { ErrorBody } from "../../core/contract.ts";
import { router } from "../openapi.ts";

/** GET /health. */
export const health = router().openapi(
  createRoute({
    method: "get",
    path: "/health",
    summary: "Liveness and database check (public)",
    tags: ["system"],
    responses: {
      200: { description: "Up", content: { "application/json": { schema: z.object({ status: z.literal("ok") }) } } },
      503: { description: "The database is unavailable", content: { "application/json": { schema: ErrorBody } } },
    },
  }),
  async (c) => {
    await c.var.db.run(sql`select 1`);
    return c.json({ status: "ok" as const }, 200);
  },
);
