/**
 * The Node server as a process: it refuses bad settings by name, serves 503s
 * while its database cannot be opened and recovers by itself, and loses no
 * acknowledged rating when it is killed mid-load.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { afterEach, describe, expect, it } from "vitest";
import { DEMO_AGENCY } from "../db/seed.ts";
import {
  freePort,
  killAll,
  pairTablet,
  SERVER_PASSWORD,
  startProcess,
  tenRatings,
  waitFor,
} from "../tests/node-process.ts";
import { lanUrls } from "./lan.ts";

const PASSWORD = SERVER_PASSWORD;

afterEach(killAll);

/** Starts `worker/node.ts` in its own process group on the port `env` names, as `npm start` would after the build. */
const startServer = (env: Record<string, string>) =>
  startProcess(["worker/node.ts"], {
    HOST: "127.0.0.1",
    SUARA_DEMO_PASSWORD: PASSWORD,
    SUARA_DEMO_PIN: "123456",
    ...env,
  });

describe("worker/node.ts", () => {
  it("refuses to start with a setting it cannot take, naming the variable", async () => {
    const server = startServer({ PORT: String(await freePort()), SUARA_SHRINKAGE_K: "abc" });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/SUARA_SHRINKAGE_K: a whole number/);
  });

  it("refuses a SUARA_TRUST_PROXY it cannot take, saying why", async () => {
    const server = startServer({ PORT: String(await freePort()), SUARA_TRUST_PROXY: "proxy.lan" });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/SUARA_TRUST_PROXY: invalid IP address: proxy\.lan/);
  });

  it("bound to every interface, names its network addresses and says tablets need HTTPS", async () => {
    const dir = mkdtempSync(join(tmpdir(), "suara-lan-"));
    const server = startServer({
      PORT: String(await freePort()),
      HOST: "0.0.0.0",
      LIBSQL_URL: `file:${join(dir, "s.db")}`,
      // A built site (here an empty one): without dist/ (a clean clone's tests run before the build)
      // node-server's serveStatic prints a plain warning line of its own.
      SUARA_DIST: dir,
    });
    const until = Date.now() + 20_000;
    while (!server.output().includes("Tablets need HTTPS") && Date.now() < until)
      await new Promise((r) => setTimeout(r, 100));
    // One JSON object per line: what an operator reads is each line's msg.
    const lines = server.output().trim().split("\n");
    const printed = lines.map((line) => (JSON.parse(line) as { msg: string }).msg).join("\n");
    expect(printed).not.toContain("0.0.0.0");
    expect(printed).toMatch(/kiosk +http:\/\/localhost:\d+\/kiosk\//);
    for (const url of lanUrls(0).map((u) => u.replace(/:0$/, ""))) expect(printed).toContain(url);
    expect(printed).toContain("Tablets need HTTPS (a secure context) to pair and to work offline");
    expect(printed).toContain('docs/operations.md, "Run it in an office"');
  });

  it("logs JSON lines and serves /metrics to this machine or the token, never to a request a proxy passed on", async () => {
    const dir = mkdtempSync(join(tmpdir(), "suara-metrics-"));
    const port = await freePort();
    const token = "metrics-token-for-the-test";
    const server = startServer({
      PORT: String(port),
      LIBSQL_URL: `file:${join(dir, "suara.db")}`,
      SUARA_METRICS_TOKEN: token,
      // A built site (here an empty one): without it node-server's serveStatic prints its own warning.
      SUARA_DIST: dir,
    });
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/health`, 200);
    // The socket's own address is loopback here: only a proxy's header tells the requests apart.
    const scrape = await fetch(`${base}/metrics`);
    expect(scrape.status).toBe(200);
    expect(await scrape.text()).toMatch(
      /^suara_http_requests_total\{method="GET",route="\/health",status="200"\} \d+$/m,
    );
    const proxied = await fetch(`${base}/metrics`, { headers: { "x-forwarded-for": "127.0.0.1" } });
    expect(proxied.status).toBe(403);
    const withToken = await fetch(`${base}/metrics`, {
      headers: { "x-forwarded-for": "203.0.113.9", authorization: `Bearer ${token}` },
    });
    expect(withToken.status).toBe(200);
    const lines = server.output().trim().split("\n");
    const events = lines.map((line) => JSON.parse(line) as { level: string; msg: string });
    expect(events[0]).toMatchObject({ level: "info", msg: `Suara is serving on ${base}` });
    expect(events.map((e) => e.msg)).toContain("The database is reachable; serving.");
  });

  it("serves 503s while its database cannot be opened, and recovers by itself when it can", async () => {
    const dir = mkdtempSync(join(tmpdir(), "suara-boot-"));
    // A file where the database's folder should be: the database cannot be opened.
    writeFileSync(join(dir, "data"), "not a folder");
    const port = await freePort();
    startServer({ PORT: String(port), LIBSQL_URL: `file:${join(dir, "data", "suara.db")}` });
    const base = `http://127.0.0.1:${port}`;
    const health = await waitFor(`${base}/health`, 503);
    expect(health.headers.get("retry-after")).toBe("5");
    const form = await waitFor(`${base}/api/v1/agencies/${DEMO_AGENCY}/form`, 503);
    expect((await form.json()).error.code).toBe("unavailable");
    rmSync(join(dir, "data"));
    await waitFor(`${base}/health`, 200);
    expect((await fetch(`${base}/api/v1/agencies/${DEMO_AGENCY}/form`)).status).toBe(200);
  });

  it("keeps every acknowledged rating, once, when killed mid-load", async () => {
    const dir = mkdtempSync(join(tmpdir(), "suara-kill-"));
    const url = `file:${join(dir, "suara.db")}`;
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const first = startServer({ PORT: String(port), LIBSQL_URL: url });
    await waitFor(`${base}/health`, 200);

    const tablet = await pairTablet(base);

    const acknowledged: string[] = [];
    let killed = false;
    const connection = async () => {
      while (!killed) {
        try {
          const res = await tablet.post("/ratings", { ratings: tenRatings() });
          if (res.status !== 200) continue;
          for (const r of (await res.json()).results as { id: string; status: string }[]) {
            if (r.status === "accepted" || r.status === "duplicate") acknowledged.push(r.id);
          }
        } catch {
          // The server is gone: what was not answered was not acknowledged.
        }
      }
    };
    const load = Promise.all(Array.from({ length: 8 }, connection));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    process.kill(-first.child.pid!, "SIGKILL");
    await first.exited;
    killed = true;
    await load;
    expect(acknowledged.length).toBeGreaterThan(100);

    startServer({ PORT: String(port), LIBSQL_URL: url });
    await waitFor(`${base}/health`, 200);
    const db = createClient({ url });
    try {
      let found = 0;
      for (let i = 0; i < acknowledged.length; i += 500) {
        const ids = acknowledged.slice(i, i + 500);
        const rows = await db.execute({
          sql: `SELECT count(*) AS n FROM ratings WHERE id IN (${ids.map(() => "?").join(", ")})`,
          args: ids,
        });
        found += Number(rows.rows[0].n);
      }
      expect(found).toBe(acknowledged.length);
      // Counted once in the rollups too: they equal a recount of the ratings table.
      const [rollups, recount] = await Promise.all([
        db.execute("SELECT total(ratings) AS n FROM rating_rollups"),
        db.execute("SELECT count(*) AS n FROM ratings WHERE counted = 1"),
      ]);
      expect(Number(rollups.rows[0].n)).toBe(Number(recount.rows[0].n));
    } finally {
      db.close();
    }
  });
});
