/**
 * The Node server on a remote libSQL: the same ingest runs as bench/ingest.ts measures on the
 * embedded file, with `LIBSQL_URL=http://…` pointing at the Hrana stand-in for sqld
 * (tests/hrana-server.ts) in a process of its own, as sqld would be. The figures are read as
 * ratios to the embedded run of the same bench: on one machine the wire is loopback, so a real
 * sqld across a network adds its round trips on top; the stand-in itself is slower than sqld
 * (JavaScript, JSON), so the ratios are a floor for what a nearby sqld gives, not a promise.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateDatabase, openDatabase } from "../db/node.ts";
import { seedDemo } from "../db/seed.ts";
import { startServer } from "../tests/server.ts";
import { ingestRates } from "./ingest.ts";

/** Starts tests/hrana-server.ts on `file` as its own process; resolves with its URL and a stop. */
async function startHranaProcess(file: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "tests/hrana-server.ts", "--file", file], {
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk) => {
      out += chunk;
      if (out.includes("\n")) resolve(out.split("\n")[0].trim());
    });
    child.once("exit", (code) => reject(new Error(`the Hrana server exited (${code}) before it listened`)));
  });
  return {
    url,
    stop: async () => {
      process.kill(-child.pid!, "SIGTERM");
      await exited;
    },
  };
}

/** The ingest rates of a Node server whose database is remote (the demo agency, seeded as `npm start` seeds it). */
export async function remoteIngestRates(port: number, password: string, seconds: number) {
  const dir = mkdtempSync(join(tmpdir(), "suara-bench-remote-"));
  const file = join(dir, "suara.db");
  // Set up on the file directly (as `npm run db:migrate` and the first start would), so the run measures serving.
  const local = await openDatabase({ url: `file:${file}` });
  await migrateDatabase(local);
  await seedDemo(local, { password, pin: "123456", origins: [] });
  local.$client.close();
  const hrana = await startHranaProcess(file);
  try {
    const server = await startServer(port, { password, databaseUrl: hrana.url });
    try {
      return await ingestRates(server, password, seconds);
    } finally {
      await server.stop();
    }
  } finally {
    await hrana.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
