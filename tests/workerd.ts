/**
 * The built Worker in workerd, through Miniflare's API: `dist-worker/index.js` as `npm run build:worker`
 * makes it, with wrangler.toml's compatibility date and flags, its [vars], and the built front ends
 * (dist/) as its Static Assets binding, the Worker answering first (`run_worker_first`), as deployed.
 * Offline: no `Request.cf` is fetched. For `npm run test:worker` (tests/workerd/) and `npm run bench`.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Readable } from "node:stream";
import { Miniflare } from "miniflare";
import { unstable_readConfig } from "wrangler";

/** The built Worker. */
export const WORKER_SCRIPT = "dist-worker/index.js";

/** A running Worker. */
export interface RunningWorker {
  /** Sends a request to the Worker as Cloudflare's edge would (a path, or a full URL). */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** Runs the Worker's Cron handler as the trigger `cron` would; the handler's outcome ("ok" or "exception"). */
  scheduled(cron: string, at?: Date): Promise<string>;
  /** Everything the Worker wrote to its console (its JSON log lines among them), oldest first. */
  logs: string[];
  /** The Cron triggers wrangler.toml declares. */
  crons: string[];
  /** Stops workerd. */
  dispose(): Promise<void>;
}

/** Options of a Worker run. */
export interface WorkerOptions {
  /** Bindings added to (or replacing) wrangler.toml's [vars]: LIBSQL_URL and the like. */
  bindings?: Record<string, string>;
}

/** Boots the built Worker in workerd; fails with what to run when it was not built. */
export async function startWorker({ bindings = {} }: WorkerOptions = {}): Promise<RunningWorker> {
  if (!existsSync(WORKER_SCRIPT) || !existsSync("dist/kiosk/index.html")) {
    throw new Error(`No built Worker or front ends: run \`npm run build && npm run build:worker\` first.`);
  }
  const config = unstable_readConfig({ config: "wrangler.toml" }, { hideWarnings: true });
  if (!config.assets?.directory || !config.compatibility_date)
    throw new Error("wrangler.toml lacks [assets] or a date");
  const vars = Object.fromEntries(Object.entries(config.vars ?? {}).map(([k, v]) => [k, String(v)]));
  const logs: string[] = [];
  const mf = new Miniflare({
    modules: true,
    scriptPath: WORKER_SCRIPT,
    compatibilityDate: config.compatibility_date,
    compatibilityFlags: config.compatibility_flags,
    bindings: { ...vars, ...bindings },
    assets: {
      directory: resolve(config.assets.directory),
      binding: config.assets.binding,
      routerConfig: {
        has_user_worker: true,
        invoke_user_worker_ahead_of_assets: config.assets.run_worker_first === true,
      },
    },
    // No internet here: Miniflare would otherwise fetch the `cf` object's data from Cloudflare.
    cf: false,
    handleRuntimeStdio(stdout: Readable, stderr: Readable) {
      for (const stream of [stdout, stderr]) {
        stream.on("data", (chunk: Buffer) => logs.push(...chunk.toString("utf8").split("\n").filter(Boolean)));
      }
    },
  });
  await mf.ready;
  return {
    fetch: async (path, init) => {
      const url = new URL(path, "http://suara.test");
      // Miniflare's own fetch types differ from the DOM's only in name; the objects are undici's, like Node's.
      return (await mf.dispatchFetch(url, init as never)) as unknown as Response;
    },
    scheduled: async (cron, at = new Date()) => {
      // A Fetcher of workerd's types, which this project's type check does not load (it is not a Worker's code).
      const worker = (await mf.getWorker()) as unknown as {
        scheduled(options: { cron: string; scheduledTime: Date }): Promise<{ outcome: string }>;
      };
      const result = await worker.scheduled({ cron, scheduledTime: at });
      return result.outcome;
    },
    logs,
    crons: config.triggers?.crons ?? [],
    dispose: () => mf.dispose(),
  };
}
