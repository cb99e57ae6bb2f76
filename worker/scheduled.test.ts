/**
 * The Workers' Cron (the scheduled handler: ending overdue duties, alerts, the comment purge)
 * gives its database calls SUARA_DB_TIMEOUT_MS, as requests do, not a fixed 4 s.
 */
import { createServer, type Server, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import worker, { type WorkerBindings } from "./index.ts";

const sockets: Socket[] = [];
let server: Server | undefined;
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.destroy();
  server?.close();
});

/** A remote database that accepts connections and never answers; its URL. */
async function silentDatabase(): Promise<string> {
  server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

describe("the Worker's scheduled handler", () => {
  it("gives up on a database call after SUARA_DB_TIMEOUT_MS", async () => {
    const env = {
      LIBSQL_URL: await silentDatabase(),
      SUARA_DB_TIMEOUT_MS: "150",
      ASSETS: { fetch: async () => new Response(null, { status: 404 }) },
    } as WorkerBindings;
    const run = worker.scheduled({ cron: "17 19 * * *" }, env);
    // drizzle wraps the failed query's error; the timeout is its cause.
    const error = (await run.catch((e: unknown) => e)) as Error & { cause?: unknown };
    const timeout = (error.cause ?? error) as Error & { code?: string };
    expect(timeout.code).toBe("DB_TIMEOUT");
    expect(timeout.message).toMatch(/within 150 ms/);
  });
});
