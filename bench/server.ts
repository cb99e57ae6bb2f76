/** Starts `worker/node.ts` on a fresh embedded database for a benchmark, and stops it. */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A running server: its base URL and how to stop it. */
export interface BenchServer {
  url: string;
  /** Its database, for what a benchmark sets up behind the API's back (e.g. a tablet paired weeks ago). */
  databaseUrl: string;
  stop: () => Promise<void>;
}

/** Starts the server with the demo agency seeded; resolves once /health answers. */
export async function startServer(port: number, password: string): Promise<BenchServer> {
  const dir = mkdtempSync(join(tmpdir(), "suara-bench-"));
  const databaseUrl = `file:${join(dir, "bench.db")}`;
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "worker/node.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      LIBSQL_URL: databaseUrl,
      SUARA_DEMO_PASSWORD: password,
      SUARA_DEMO_PIN: "123456",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    databaseUrl,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        process.kill(-child.pid!, "SIGTERM");
      }),
  };
}
