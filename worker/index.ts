/**
 * Suara on Cloudflare Workers: the same app, a remote libSQL (Turso / sqld)
 * through `@libsql/client/web`, the built front ends from Workers Static
 * Assets, and the comment retention purge on a Cron Trigger. Migrations are
 * applied before deploy (`npm run deploy`), since a Worker cannot read them.
 */
import { createClient } from "@libsql/client/web";
import { drizzle } from "drizzle-orm/libsql/web";
import { type Db, DRIZZLE_CONFIG } from "../db/client.ts";
import { purgeExpiredComments } from "../db/queries/retention.ts";
import { type App, createApp } from "./app.ts";
import { withSite } from "./site.ts";

/** The Worker's bindings (wrangler.toml and `wrangler secret put`). */
export interface WorkerBindings {
  LIBSQL_URL: string;
  LIBSQL_AUTH_TOKEN?: string;
  SUARA_SHRINKAGE_K?: string;
  SUARA_MIN_OFFICER_N?: string;
  ASSETS: { fetch: (request: Request | URL) => Promise<Response> };
}

/** A database handle for one request or cron run: no client outlives it (DESIGN.md, "Runtimes"). */
const databaseFor = (env: WorkerBindings): Db =>
  drizzle(createClient({ url: env.LIBSQL_URL, authToken: env.LIBSQL_AUTH_TOKEN }), DRIZZLE_CONFIG) as unknown as Db;

/** A static asset with headers the app may still add to (the binding's are immutable). */
async function asset(env: WorkerBindings, request: Request | URL): Promise<Response> {
  const response = await env.ASSETS.fetch(request);
  return new Response(response.body, response);
}

/** The app holds settings only, never a client, so one per isolate is fine. */
let app: App | undefined;

function appFor(env: WorkerBindings): App {
  app ??= withSite(
    createApp({
      db: (c) => databaseFor(c.env as WorkerBindings),
      clientIp: (c) => c.req.header("cf-connecting-ip"),
      settings: {
        shrinkageK: Number(env.SUARA_SHRINKAGE_K ?? 20),
        minOfficerN: Number(env.SUARA_MIN_OFFICER_N ?? 30),
        secureCookies: true,
      },
    }),
    {
      serve: (c) => asset(c.env as WorkerBindings, c.req.raw),
      file: (path) => (c) => asset(c.env as WorkerBindings, new URL(path, c.req.url)),
    },
  );
  return app;
}

export default {
  fetch: (request: Request, env: WorkerBindings, ctx: unknown) => appFor(env).fetch(request, env, ctx as never),
  scheduled: async (_event: unknown, env: WorkerBindings) => {
    const purged = await purgeExpiredComments(databaseFor(env), Date.now());
    console.log(`Purged ${purged} comments past their retention.`);
  },
};
