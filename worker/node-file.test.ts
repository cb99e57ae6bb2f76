/**
 * The real Node server and its database file: deleted or replaced while it serves
 * (503s, /health says so, nothing acknowledged that is not in the file, the old
 * file copied out, a restart that says it made a new one), pages served while the
 * database is down, and backups taken while ratings are written and put back.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import Database from "libsql";
import { afterEach, describe, expect, it } from "vitest";
import { DEMO_AGENCY } from "../db/seed.ts";
import {
  freePort,
  killAll,
  pairTablet,
  startProcess,
  startServer,
  tenRatings,
  waitFor,
} from "../tests/node-process.ts";

afterEach(killAll);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A fresh folder for one test's database. */
const freshDir = (name: string) => mkdtempSync(join(tmpdir(), `suara-${name}-`));

/**
 * Keeps `connections` tablets' worth of ratings coming until stopped; sorts what was
 * acknowledged by whether it was sent after `after()` became true.
 */
function ratingLoad(post: (path: string, body: unknown) => Promise<Response>, after = () => false, connections = 6) {
  const acknowledged: string[] = [];
  const acknowledgedAfter: string[] = [];
  const statuses = new Map<number, number>();
  let stopped = false;
  const connection = async () => {
    while (!stopped) {
      const sentAfter = after();
      const res = await post("/ratings", { ratings: tenRatings() });
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status !== 200) {
        await res.body?.cancel();
        await sleep(20);
        continue;
      }
      for (const r of (await res.json()).results as { id: string; status: string }[]) {
        if (r.status === "accepted" || r.status === "duplicate")
          (sentAfter ? acknowledgedAfter : acknowledged).push(r.id);
      }
    }
  };
  const done = Promise.all(Array.from({ length: connections }, connection));
  return {
    acknowledged,
    acknowledgedAfter,
    statuses,
    stop: async () => {
      stopped = true;
      await done;
    },
  };
}

/** How many of `ids` the database file at `path` holds. */
async function countIn(path: string, ids: string[]): Promise<number> {
  const db = createClient({ url: `file:${path}` });
  try {
    let found = 0;
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const rows = await db.execute({
        sql: `SELECT count(*) AS n FROM ratings WHERE id IN (${chunk.map(() => "?").join(", ")})`,
        args: chunk,
      });
      found += Number(rows.rows[0].n);
    }
    return found;
  } finally {
    db.close();
  }
}

/** How many ratings the database file at `path` holds. */
async function countRatings(path: string): Promise<number> {
  const db = createClient({ url: `file:${path}` });
  try {
    return Number((await db.execute("SELECT count(*) AS n FROM ratings")).rows[0].n);
  } finally {
    db.close();
  }
}

/** Polls /health until it answers 503, giving how long that took. */
async function healthFailsWithin(base: string, ms: number) {
  const started = Date.now();
  const res = await waitFor(`${base}/health`, 503, ms);
  return { res, waited: Date.now() - started };
}

describe("a database file deleted under the running server", () => {
  it("gets 503s and a failing /health, acknowledges nothing sent after, copies the old file out and tells the operator", {
    timeout: 60_000,
  }, async () => {
    const dir = freshDir("deleted");
    const path = join(dir, "suara.db");
    const server = await startServer({ LIBSQL_URL: `file:${path}` });
    await waitFor(`${server.base}/health`, 200);
    const tablet = await pairTablet(server.base);
    let deleted = false;
    const load = ratingLoad(tablet.post, () => deleted);
    await sleep(1000);
    rmSync(path);
    deleted = true;
    const { res, waited } = await healthFailsWithin(server.base, 15_000);
    expect(waited).toBeLessThanOrEqual(15_000);
    expect((await res.json()).error.code).toBe("database_file_lost");
    await sleep(500);
    await load.stop();

    expect(load.acknowledged.length).toBeGreaterThan(50);
    // A rating sent after the file was gone was never acknowledged: it would be lost at the next start.
    expect(load.acknowledgedAfter).toEqual([]);
    expect(load.statuses.get(503)).toBeGreaterThan(0);
    const refused = await tablet.post("/ratings", { ratings: tenRatings() });
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("30");
    expect((await refused.json()).error.code).toBe("database_file_lost");
    // The server made no new file at the path while serving.
    expect(existsSync(path)).toBe(false);

    // What the old file held, every acknowledged rating included, was copied out beside the path.
    const rescued = readdirSync(dir).filter((name) => /^suara\.db\.rescued-/.test(name) && !/-(wal|shm)$/.test(name));
    expect(rescued).toHaveLength(1);
    expect(await countIn(join(dir, rescued[0]), load.acknowledged)).toBe(load.acknowledged.length);
    expect(server.output()).toMatch(/DATABASE FILE DELETED: .*suara\.db was deleted/);
    expect(server.output()).toContain(`copied to ${join(dir, rescued[0])}`);
    expect(server.output()).toMatch(/npm run restore/);

    // A restart finds no file: it makes a new one, and says so loudly.
    await server.stop();
    const again = await startServer({ LIBSQL_URL: `file:${path}` });
    await waitFor(`${again.base}/health`, 200);
    expect(again.output()).toMatch(
      /NOTICE: the database file .*suara\.db did not exist \(or was empty\) and was created/,
    );
    expect(again.output()).toContain(`Earlier databases found beside it: ${join(dir, rescued[0])}`);
  });
});

describe("a database file replaced under the running server", () => {
  it("gets 503s and a failing /health within 15 s, even with no request touching the database", {
    timeout: 60_000,
  }, async () => {
    const dir = freshDir("replaced");
    const path = join(dir, "suara.db");
    const server = await startServer({ LIBSQL_URL: `file:${path}` });
    await waitFor(`${server.base}/health`, 200);
    const tablet = await pairTablet(server.base);
    // An earlier copy renamed over the path, as a careless restore would do while the server runs;
    // the server's later commits are in its write-ahead log.
    const earlier = new Database(path);
    earlier.exec(`VACUUM INTO '${join(dir, "other.db")}'`);
    earlier.close();
    const copied = await countRatings(join(dir, "other.db"));
    expect((await tablet.post("/ratings", { ratings: tenRatings() })).status).toBe(200);
    renameSync(join(dir, "other.db"), path);
    // The server notices by itself: the log says so before anything asks.
    const until = Date.now() + 15_000;
    while (!/DATABASE FILE REPLACED/.test(server.output()) && Date.now() < until) await sleep(100);
    expect(server.output()).toMatch(/DATABASE FILE REPLACED: .*suara\.db was replaced by another file/);
    expect(server.output()).toMatch(/restart the server to use it/);
    expect((await fetch(`${server.base}/health`)).status).toBe(503);
    const refused = await tablet.post("/ratings", { ratings: tenRatings() });
    expect(refused.status).toBe(503);
    expect((await refused.json()).error.code).toBe("database_file_lost");

    // The old file's log was moved away: the server dying now does not leave it to be read into the new file.
    expect(server.output()).toMatch(/Its write-ahead log was moved to .*suara\.db-wal\.old-/);
    process.kill(-server.child.pid!, "SIGKILL");
    await server.exited;
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(await countRatings(path)).toBe(copied);
  });
});

describe("pages while the database is down", () => {
  it("serves the kiosk, dashboard, widget script, rating page and docs; only the API answers 503", {
    timeout: 60_000,
  }, async () => {
    // A port nothing listens on: the database server is down.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port: dbPort } = closed.address() as { port: number };
    await new Promise((resolve) => closed.close(resolve));
    // A built site of its own, so the test needs no `npm run build`.
    const dist = freshDir("dist");
    const files = {
      "kiosk/index.html": "<!doctype html><title>Kiosk</title>",
      "dashboard/index.html": "<!doctype html><title>Dashboard</title>",
      "widget/suara.js": "export {};",
      "widget/rate.html": "<!doctype html><title>Rate</title>",
      "api-docs/index.html": "<!doctype html><title>API</title>",
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dist, name, ".."), { recursive: true });
      writeFileSync(join(dist, name), text);
    }
    const server = await startServer({ LIBSQL_URL: `http://127.0.0.1:${dbPort}`, SUARA_DIST: dist });
    const api = await waitFor(`${server.base}/api/v1/agencies/${DEMO_AGENCY}/form`, 503);
    expect((await api.json()).error.code).toBe("unavailable");
    expect((await fetch(`${server.base}/health`)).status).toBe(503);
    for (const [path, text] of [
      ["/kiosk/", "Kiosk"],
      ["/dashboard/", "Dashboard"],
      ["/dashboard/reports", "Dashboard"],
      ["/widget/suara.js", "export"],
      ["/r/tkt_abc", "Rate"],
      ["/api/v1/docs", "API"],
    ]) {
      const res = await fetch(`${server.base}${path}`);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toContain(text);
    }
  });
});

describe("backups of the live database", () => {
  it("are consistent while ratings are being written: integrity ok, rollups equal a recount, all acknowledged before are in", {
    timeout: 60_000,
  }, async () => {
    const dir = freshDir("backup");
    const path = join(dir, "suara.db");
    const url = `file:${path}`;
    const server = await startServer({ LIBSQL_URL: url });
    await waitFor(`${server.base}/health`, 200);
    const tablet = await pairTablet(server.base);
    const load = ratingLoad(tablet.post);
    await sleep(700);
    const before = [...load.acknowledged];
    const backup = startProcess(["db/backup-cli.ts", join(dir, "backups/")], { LIBSQL_URL: url });
    expect(await backup.exited).toBe(0);
    const acknowledgedDuring = load.acknowledged.length - before.length;
    await load.stop();
    // The server kept storing ratings while the backup was written.
    expect(load.acknowledged.length).toBeGreaterThan(before.length);
    expect(load.statuses.get(503) ?? 0).toBe(0);

    const [name] = readdirSync(join(dir, "backups"));
    expect(name).toMatch(/^suara-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.db$/);
    expect(backup.output()).toContain(`to ${join(dir, "backups", name)}`);
    const copy = createClient({ url: `file:${join(dir, "backups", name)}` });
    try {
      expect((await copy.execute("PRAGMA integrity_check")).rows[0][0]).toBe("ok");
      const [rollups, recount] = await Promise.all([
        copy.execute("SELECT total(ratings) AS n FROM rating_rollups"),
        copy.execute("SELECT count(*) AS n FROM ratings WHERE counted = 1"),
      ]);
      expect(Number(rollups.rows[0].n)).toBe(Number(recount.rows[0].n));
    } finally {
      copy.close();
    }
    expect(await countIn(join(dir, "backups", name), before)).toBe(before.length);
    expect(acknowledgedDuring).toBeGreaterThanOrEqual(0);
  });

  it("restored, give the same report as when they were taken; a restore is refused while the server runs", {
    timeout: 60_000,
  }, async () => {
    const dir = freshDir("restore");
    const path = join(dir, "suara.db");
    const url = `file:${path}`;
    const server = await startServer({ LIBSQL_URL: url });
    await waitFor(`${server.base}/health`, 200);
    const tablet = await pairTablet(server.base);
    // Taps ten minutes apart, so each counts in the report.
    const spaced = (endingAt: number) =>
      tablet.post("/ratings", { ratings: tenRatings({ spacedMs: 600_000, endingAt }) });
    expect((await spaced(Date.now())).status).toBe(200);
    const report = async (base: string, token: string) => {
      const res = await fetch(`${base}/api/v1/agencies/${DEMO_AGENCY}/report`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);
      return res.json();
    };
    const taken = await report(server.base, tablet.admin);
    const backupPath = join(dir, "drill.db");
    expect(await startProcess(["db/backup-cli.ts", backupPath], { LIBSQL_URL: url }).exited).toBe(0);
    // Ratings after the backup change the report.
    expect((await spaced(Date.now() - 300_000)).status).toBe(200);
    expect(await report(server.base, tablet.admin)).not.toEqual(taken);

    const refused = startProcess(["db/restore-cli.ts", backupPath], { LIBSQL_URL: url });
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toMatch(/is in use \(a Suara server has it open\): stop the server first/);

    await server.stop();
    const restore = startProcess(["db/restore-cli.ts", backupPath], { LIBSQL_URL: url });
    expect(await restore.exited).toBe(0);
    const kept = readdirSync(dir).find((name) => /^suara\.db\.replaced-/.test(name));
    expect(restore.output()).toContain(`kept as ${join(dir, kept!)}`);

    const again = await startServer({ LIBSQL_URL: url });
    await waitFor(`${again.base}/health`, 200);
    // The admin's session was in the database when the backup was taken.
    expect(await report(again.base, tablet.admin)).toEqual(taken);
    expect(again.output()).not.toMatch(/NOTICE/);
  });

  it("refuse what is not a sound Suara backup, and a database server's URL", { timeout: 60_000 }, async () => {
    const dir = freshDir("refuse");
    const notDb = join(dir, "notes.db");
    writeFileSync(notDb, "not a database at all, just some text that is long enough to be read as a header......");
    const restore = startProcess(["db/restore-cli.ts", notDb], { LIBSQL_URL: `file:${join(dir, "suara.db")}` });
    expect(await restore.exited).toBe(1);
    expect(restore.output()).toMatch(/Restore refused: .*notes\.db is not a database/);
    expect(existsSync(join(dir, "suara.db"))).toBe(false);

    const other = createClient({ url: `file:${join(dir, "other.db")}` });
    await other.execute("CREATE TABLE notes (text TEXT)");
    other.close();
    const foreign = startProcess(["db/restore-cli.ts", join(dir, "other.db")], {
      LIBSQL_URL: `file:${join(dir, "suara.db")}`,
    });
    expect(await foreign.exited).toBe(1);
    expect(foreign.output()).toMatch(/is not a Suara database \(it has no __drizzle_migrations table\)/);

    const remote = startProcess(["db/backup-cli.ts"], { LIBSQL_URL: `http://127.0.0.1:${await freePort()}` });
    expect(await remote.exited).toBe(1);
    expect(remote.output()).toMatch(/names a database server .*not a file: back it up with the server's own tools/);
  });
});
