/**
 * A database that stalls never freezes the server: a write lock held by another
 * process, a remote database that never answers, a database that cannot write,
 * and what the log says about a failed query.
 */
import { createServer, type Server, type Socket } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openDatabase } from "../db/node.ts";
import { createApp } from "./app.ts";
import { AGENCY, ORIGIN, rating, testApp } from "./test-app.ts";

const widget = { headers: { origin: ORIGIN } };

describe("a write lock held by another process", () => {
  it("keeps reads answering, gives writes a quick 503 with Retry-After, and writes again once it is released", async () => {
    const t = await testApp();
    const release = await t.holdWriteLock();
    try {
      expect((await t.call("GET", "/health")).status).toBe(200);
      expect((await t.call("GET", `/api/v1/agencies/${AGENCY}/form`)).status).toBe(200);
      const started = Date.now();
      const res = await t.call("POST", "/api/v1/ratings", { body: { ratings: [rating()] }, ...widget });
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("5");
      expect((await res.json()).error.code).toBe("unavailable");
      // Waited for the lock (asynchronously), but not for SQLite's 5 s busy timeout.
      expect(Date.now() - started).toBeLessThan(4000);
    } finally {
      await release();
    }
    // The connection that met the lock is not left broken for the next writes.
    for (let i = 0; i < 3; i++) {
      const res = await t.call("POST", "/api/v1/ratings", { body: { ratings: [rating()] }, ...widget });
      expect(res.status).toBe(200);
    }
  });

  it("waits out a lock held for a moment instead of failing the write", async () => {
    const t = await testApp();
    const release = await t.holdWriteLock();
    setTimeout(release, 150);
    const res = await t.call("POST", "/api/v1/ratings", { body: { ratings: [rating()] }, ...widget });
    expect(res.status).toBe(200);
    expect((await res.json()).results[0].status).toBe("accepted");
  });
});

describe("a remote database that accepts connections and never answers", () => {
  const sockets: Socket[] = [];
  let server: Server | undefined;
  afterEach(() => {
    for (const socket of sockets) socket.destroy();
    server?.close();
  });

  it("gets a 503 within 5 s on /health and on every documented operation", async () => {
    server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    const db = await openDatabase({ url: `http://127.0.0.1:${port}`, timeoutMs: 1500 });
    const app = createApp({ db: () => db });
    // Every documented operation, as a signed-in caller (the session lookup needs the database).
    const doc = await (await app.request("/api/v1/openapi.json")).json();
    const requests = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => ({
        method: method.toUpperCase(),
        path: `/api/v1${path.replace(/\{(\w+)\}/g, (_, name) => (name === "slug" ? AGENCY : "loket-1"))}`,
      })),
    );
    requests.push({ method: "GET", path: "/health" });
    expect(requests.length).toBeGreaterThan(35);
    const answers = await Promise.all(
      requests.map(async ({ method, path }) => {
        const started = Date.now();
        const res = await app.request(path, {
          method,
          headers: { "content-type": "application/json", origin: ORIGIN, authorization: "Bearer ses_someone" },
          body: method === "GET" || method === "DELETE" ? undefined : JSON.stringify({ ratings: [rating()] }),
        });
        return {
          path: `${method} ${path}`,
          status: res.status,
          retryAfter: res.headers.get("retry-after"),
          ms: Date.now() - started,
        };
      }),
    );
    for (const answer of answers) {
      expect(answer, answer.path).toMatchObject({ status: 503, retryAfter: "5" });
      expect(answer.ms, answer.path).toBeLessThan(5000);
    }
  });
});

describe("a database that answers but cannot write", () => {
  it("turns /health to 503 database_cannot_write", async () => {
    const t = await testApp();
    // The pool's one idle connection now refuses writes, as a full disk or read-only file would.
    await t.db.$client.execute("PRAGMA query_only = 1");
    const res = await t.call("GET", "/health");
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe("database_cannot_write");
  });
});

describe("the log of a failed query", () => {
  it("names the query but never its values (e-mails, token hashes, comments)", async () => {
    const t = await testApp();
    const logged: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((...args) => {
      logged.push(args.map(String).join(" "));
    });
    try {
      t.db.$client.close();
      const res = await t.call("POST", "/api/v1/auth/login", {
        body: { email: "rahasia.pribadi@example.go.id", password: "a-secret-password" },
      });
      expect(res.status).toBe(503);
    } finally {
      spy.mockRestore();
    }
    expect(logged.join("\n")).toMatch(/Failed query: select/);
    expect(logged.join("\n")).not.toMatch(/rahasia|a-secret-password/);
  });
});
