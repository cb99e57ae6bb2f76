/**
 * Starts `worker/node.ts` as its own process (in its own process group) on a
 * database of its own, for benchmarks and for specs that stop and restart the
 * server; resolves once /health answers.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A running server: its base URL, its database, and how to stop it. */
export interface SpawnedServer {
  url: string;
  /** Its database, for what a benchmark sets up behind the API's back (e.g. a tablet paired weeks ago). */
  databaseUrl: string;
  /** The server's process id (for its memory, in `npm run bench`). */
  pid: number;
  /** Stops it the polite way (SIGTERM) and waits for it to exit. */
  stop: () => Promise<void>;
  /** Kills its process group at once (SIGKILL), as a power cut would. */
  kill: () => Promise<void>;
}

/** Options of a spawned server. */
export interface SpawnOptions {
  /** Reuse a database (a restart); default: a fresh file with the demo agency. */
  databaseUrl?: string;
  /** The demo accounts' password and PIN. */
  password: string;
  pin?: string;
  /** More environment, e.g. SUARA_DEMO=0 for a server that starts empty. */
  env?: Record<string, string>;
}

/**
 * A directory for a fresh database, removed when this process exits: a restart reuses the
 * database, so it outlives each server, but not the spec or benchmark that made it.
 */
function freshDirectory(): string {
  const dir = mkdtempSync(join(tmpdir(), "suara-server-"));
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Starts the server; resolves once /health answers 200. */
export async function startServer(
  port: number,
  { databaseUrl, password, pin = "123456", env = {} }: SpawnOptions,
): Promise<SpawnedServer> {
  const database = databaseUrl ?? `file:${join(freshDirectory(), "suara.db")}`;
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "worker/node.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      LIBSQL_URL: database,
      SUARA_DEMO_PASSWORD: password,
      SUARA_DEMO_PIN: pin,
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  const signal = (name: NodeJS.Signals) => async () => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // Already gone.
    }
    await exited;
  };
  return { url, databaseUrl: database, pid: child.pid!, stop: signal("SIGTERM"), kill: signal("SIGKILL") };
}
