/**
 * The test Hrana server (tests/hrana-server.ts) answers as sqld does, seen through
 * @libsql/client's `http:` client (what the app uses) and, for what that client
 * hides (batons, conditions it never sends), through the wire itself.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Client, createClient, LibsqlError } from "@libsql/client";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { type HranaServer, startHranaServer } from "../tests/hrana-server.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const newFile = () => {
  const dir = mkdtempSync(join(tmpdir(), "suara-hrana-"));
  dirs.push(dir);
  return join(dir, "test.db");
};

let server: HranaServer;
let client: Client;
const opened: Client[] = [];
const connect = (options: { authToken?: string; intMode?: "number" | "bigint" } = {}) => {
  const c = createClient({ url: server.url, ...options });
  opened.push(c);
  return c;
};

beforeEach(async () => {
  server = await startHranaServer({ path: newFile(), streamIdleMs: 100 });
  client = connect();
  await client.execute(
    "CREATE TABLE people (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, photo BLOB, score REAL)",
  );
});
afterEach(async () => {
  for (const c of opened.splice(0)) c.close();
  await server.close();
});

/** Posts a raw pipeline, as the client's HTTP stream does. */
const pipeline = async (body: unknown, path = "/v2/pipeline") => {
  const res = await fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    body: res.headers.get("content-type")?.includes("json") ? await res.json() : await res.text(),
  };
};
const stmt = (sql: string, args: unknown[] = []) => ({ type: "execute", stmt: { sql, args, want_rows: true } });

describe("the test Hrana server", () => {
  it("stores and returns integers beyond 2^53, floats, text, blobs and nulls unchanged", async () => {
    const big = 9007199254740993n;
    const inserted = await client.execute({
      sql: "INSERT INTO people (id, email, photo, score) VALUES (?, ?, ?, ?)",
      args: [big, "a@x.test", new Uint8Array([0, 1, 254, 255]), 2.5],
    });
    expect(inserted.rowsAffected).toBe(1);
    expect(inserted.lastInsertRowid).toBe(big);
    await client.execute({
      sql: "INSERT INTO people (email, photo, score) VALUES (?, NULL, NULL)",
      args: ["b@x.test"],
    });

    const rows = (
      await connect({ intMode: "bigint" }).execute("SELECT id, email, photo, score FROM people ORDER BY id")
    ).rows;
    expect(rows[0].id).toBe(big);
    expect(rows[0].email).toBe("a@x.test");
    expect([...new Uint8Array(rows[0].photo as ArrayBuffer)]).toEqual([0, 1, 254, 255]);
    expect(rows[0].score).toBe(2.5);
    expect(rows[1].photo).toBeNull();
    const select = await client.execute("SELECT email FROM people");
    expect(select.rowsAffected).toBe(0);
    expect(select.columns).toEqual(["email"]);
  });

  it("reports a unique violation with SQLite's primary code and message, as sqld does", async () => {
    await client.execute({ sql: "INSERT INTO people (email) VALUES (?)", args: ["a@x.test"] });
    const error = await client
      .execute({ sql: "INSERT INTO people (email) VALUES (?)", args: ["a@x.test"] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LibsqlError);
    expect((error as LibsqlError).code).toBe("SQLITE_CONSTRAINT");
    expect((error as LibsqlError).message).toContain("UNIQUE constraint failed: people.email");
  });

  it("rolls a batch back when one of its statements fails", async () => {
    const failed = await client
      .batch(
        [
          { sql: "INSERT INTO people (email) VALUES (?)", args: ["a@x.test"] },
          { sql: "INSERT INTO people (email) VALUES (?)", args: ["a@x.test"] },
        ],
        "write",
      )
      .catch((e: unknown) => e);
    expect((failed as LibsqlError).code).toBe("SQLITE_CONSTRAINT");
    expect((await client.execute("SELECT count(*) AS n FROM people")).rows[0].n).toBe(0);
    const done = await client.batch([
      "INSERT INTO people (email) VALUES ('b@x.test')",
      "SELECT count(*) AS n FROM people",
    ]);
    expect(done[1].rows[0].n).toBe(1);
  });

  it("runs a batch's steps by their conditions", async () => {
    const insert = (email: string) => ({
      sql: "INSERT INTO people (email) VALUES (?)",
      args: [{ type: "text", value: email }],
    });
    const steps = [
      { stmt: insert("a@x.test") },
      { stmt: insert("a@x.test") },
      {
        condition: {
          type: "and",
          conds: [
            { type: "ok", step: 0 },
            { type: "error", step: 1 },
          ],
        },
        stmt: insert("b@"),
      },
      {
        condition: {
          type: "or",
          conds: [
            { type: "ok", step: 1 },
            { type: "not", cond: { type: "ok", step: 0 } },
          ],
        },
        stmt: insert("c@"),
      },
      { condition: { type: "is_autocommit" }, stmt: insert("d@") },
    ];
    const { status, body } = await pipeline(
      { baton: null, requests: [{ type: "batch", batch: { steps } }, { type: "close" }] },
      "/v3/pipeline",
    );
    expect(status).toBe(200);
    const { step_results, step_errors } = body.results[0].response.result;
    expect(step_results.map((r: unknown) => r !== null)).toEqual([true, false, true, false, true]);
    expect(step_errors.map((e: { code: string } | null) => e?.code ?? null)).toEqual([
      null,
      "SQLITE_CONSTRAINT",
      null,
      null,
      null,
    ]);
    expect(body.baton).toBeNull();
    const emails = (await client.execute("SELECT email FROM people ORDER BY email")).rows.map((r) => r.email);
    expect(emails).toEqual(["a@x.test", "b@", "d@"]);
  });

  it("keeps an interactive transaction on one stream, and its lock makes other writers fail busy, not wait", async () => {
    const tx = await client.transaction("write");
    await tx.execute("INSERT INTO people (email) VALUES ('a@x.test')");
    expect((await tx.execute("SELECT count(*) AS n FROM people")).rows[0].n).toBe(1);
    const other = await connect()
      .execute("INSERT INTO people (email) VALUES ('b@x.test')")
      .catch((e: unknown) => e);
    expect((other as LibsqlError).code).toBe("SQLITE_BUSY");
    await tx.commit();
    const rolledBack = await client.transaction("write");
    await rolledBack.execute("INSERT INTO people (email) VALUES ('c@x.test')");
    await rolledBack.rollback();
    expect((await client.execute("SELECT email FROM people")).rows.map((r) => r.email)).toEqual(["a@x.test"]);
    expect(server.openStreams()).toBe(0);
  });

  it("wants each answer's fresh baton back: a reused or unknown one is refused", async () => {
    const first = await pipeline({ baton: null, requests: [stmt("SELECT 1")] });
    expect(first.body.results[0].response.result.rows).toEqual([[{ type: "integer", value: "1" }]]);
    const second = await pipeline({ baton: first.body.baton, requests: [{ type: "get_autocommit" }] });
    expect(second.body.results[0].response.is_autocommit).toBe(true);
    expect(second.body.baton).not.toBe(first.body.baton);
    const reused = await pipeline({ baton: first.body.baton, requests: [stmt("SELECT 1")] });
    expect(reused.status).toBe(400);
    const unknown = await pipeline({ baton: "no-such-stream.1", requests: [stmt("SELECT 1")] });
    expect(unknown.status).toBe(400);
  });

  it("expires an idle stream: its baton gets STREAM_EXPIRED and the lock it held is released", async () => {
    const opened = await pipeline({
      baton: null,
      requests: [stmt("BEGIN IMMEDIATE"), stmt("INSERT INTO people (email) VALUES ('a@x.test')")],
    });
    expect(opened.body.results.map((r: { type: string }) => r.type)).toEqual(["ok", "ok"]);
    while (server.openStreams() > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    const late = await pipeline({ baton: opened.body.baton, requests: [stmt("COMMIT")] });
    expect(late.status).toBe(500);
    expect(late.body.code).toBe("STREAM_EXPIRED");
    await client.execute("INSERT INTO people (email) VALUES ('b@x.test')");
    expect((await client.execute("SELECT email FROM people")).rows.map((r) => r.email)).toEqual(["b@x.test"]);
  });

  it("answers the version probe as sqld does, so a client falls back to JSON", async () => {
    expect((await fetch(`${server.url}/v2`)).status).toBe(200);
    expect((await fetch(`${server.url}/v3`)).status).toBe(200);
    expect((await fetch(`${server.url}/v3-protobuf`)).status).toBe(404);
  });
});

describe("the test Hrana server with a token", () => {
  it("refuses a client with a wrong token and serves one with the right token", async () => {
    const file = newFile();
    const guarded = await startHranaServer({ path: file, authToken: "right-token" });
    try {
      const wrong = createClient({ url: guarded.url, authToken: "wrong-token" });
      const refused = await wrong.execute("SELECT 1").catch((e: unknown) => e);
      expect((refused as LibsqlError).code).toBe("SERVER_ERROR");
      expect((refused as LibsqlError).message).toContain("401");
      const right = createClient({ url: guarded.url, authToken: "right-token" });
      expect((await right.execute("SELECT 1 AS one")).rows[0].one).toBe(1);
      wrong.close();
      right.close();
    } finally {
      await guarded.close();
    }
  });
});

describe("the test Hrana server as its own process", () => {
  it("prints its URL, serves the file and stops on SIGTERM", async () => {
    const file = newFile();
    const child = spawn(process.execPath, ["--import", "tsx", "tests/hrana-server.ts", "--file", file], {
      detached: true,
      stdio: ["ignore", "pipe", "inherit"],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (chunk) => {
          out += chunk;
          if (out.includes("\n")) resolve(out.split("\n")[0]);
        });
        child.once("exit", (code) => reject(new Error(`exited with ${code}`)));
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const remote = createClient({ url });
      await remote.execute("CREATE TABLE t (x)");
      await remote.execute("INSERT INTO t VALUES (42)");
      expect((await remote.execute("SELECT x FROM t")).rows[0].x).toBe(42);
      remote.close();
      const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal)));
      process.kill(-child.pid!, "SIGTERM");
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, "SIGKILL");
    }
  });
});
