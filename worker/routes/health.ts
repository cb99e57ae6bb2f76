/**
 * GET /health — public: the server is up, the database answers, and it still
 * takes writes (a full disk or a read-only file means ratings would be refused).
 */
import { createRoute } from "@hono/zod-openapi";
import * as z from "zod";
import { ErrorBody } from "../../core/contract.ts";
import type { Db } from "../../db/client.ts";
import { pingDatabase, probeWrite } from "../../db/queries/health.ts";
import { ApiError } from "../errors.ts";
import { router } from "../openapi.ts";

/** How long a successful write check is trusted: /health stays a cheap read between checks. */
const WRITE_CHECK_MS = 10_000;

/** A write that fails for these reasons will keep failing until someone frees the disk or fixes the file. */
const CANNOT_WRITE = /SQLITE_FULL|SQLITE_READONLY|SQLITE_IOERR|database or disk is full|readonly database/i;

/** Longest /health waits for its write check: a writer holding the lock must not slow it down. */
const WRITE_WAIT_MS = 250;

/** GET /health; each app remembers when its database last took a write, or why it could not. */
export function createHealthRoutes() {
  let checkedUntil = 0;
  let cannotWrite = false;
  let checking: Promise<void> | undefined;

  const checkWrite = (db: Db) =>
    probeWrite(db, Date.now()).then(
      () => {
        cannotWrite = false;
        checkedUntil = Date.now() + WRITE_CHECK_MS;
      },
      (error) => {
        const text = `${(error as Error).message} ${(error as { cause?: Error }).cause?.message ?? ""}`;
        // A lock held by another writer or a slow answer says nothing yet: check again next time.
        if (!CANNOT_WRITE.test(text)) return;
        cannotWrite = true;
        checkedUntil = Date.now() + WRITE_CHECK_MS;
      },
    );

  return router().openapi(
    createRoute({
      method: "get",
      path: "/",
      summary: "Liveness, and a database that answers and takes writes (public)",
      tags: ["system"],
      responses: {
        200: { description: "Up", content: { "application/json": { schema: z.object({ status: z.literal("ok") }) } } },
        503: {
          description:
            "The database is unreachable (unavailable), cannot store anything (database_cannot_write), or its file was deleted or replaced under the server (database_file_lost)",
          content: { "application/json": { schema: ErrorBody } },
        },
      },
    }),
    async (c) => {
      const db = c.get("db");
      await pingDatabase(db);
      if (Date.now() >= checkedUntil) {
        checking ??= checkWrite(db).finally(() => {
          checking = undefined;
        });
        await Promise.race([checking, new Promise((resolve) => setTimeout(resolve, WRITE_WAIT_MS))]);
      }
      if (cannotWrite) {
        throw new ApiError(
          503,
          "database_cannot_write",
          "The database answers but cannot store anything (disk full or read-only).",
          undefined,
          { "Retry-After": "30" },
        );
      }
      return c.json({ status: "ok" as const }, 200);
    },
  );
}
