/**
 * A stand-in for sqld in tests, not a replacement: an HTTP server that speaks
 * Hrana over HTTP (what `@libsql/client`'s `http:` URLs use with sqld or Turso)
 * over a real libSQL file, through the synchronous `libsql` binding. Written from
 * the published protocol (libsql-server/docs/HTTP_V2_SPEC.md, HRANA_3_SPEC.md) and
 * what @libsql/client 0.18 sends, so the app's remote path runs in tests as it does
 * against sqld: one connection per stream, batons, primary error codes.
 *
 * Covered: `GET /v2` and `/v3` (200) and `/v3-protobuf` (404, so a client probing
 * for Protobuf falls back to JSON); `POST /v2/pipeline` and `/v3/pipeline` with
 * `{baton, requests}` → `{baton, base_url, results}`; the requests execute, batch
 * (conditions ok/error/not/and/or/is_autocommit), sequence, describe (parameters
 * found by a simple scan), store_sql, close_sql, get_autocommit and close. A null
 * baton opens a stream (its own connection); each answer hands out a fresh baton,
 * and a reused or unknown one is refused with 400 as sqld does; a stream idle for
 * 10 s expires (its connection closes, rolling back what it held) and its baton
 * then gets sqld's 500 `STREAM_EXPIRED`. Errors are `{message, code}` with sqld's
 * codes: SQLite's PRIMARY code only (`SQLITE_CONSTRAINT` for a unique violation,
 * "SQLite error: UNIQUE constraint failed: …"). No busy timeout: a write that meets
 * another stream's or process's lock fails with SQLITE_BUSY at once, as the client
 * sees it from sqld once sqld gives up waiting. Optional bearer token check (401).
 *
 * Not covered: cursors (`/v3/cursor`, which @libsql/client's HTTP client does not
 * use), Protobuf, Hrana over WebSocket, the v1 API, replication and sqld's limits;
 * more than one statement in an `execute` runs only the first (sqld refuses it).
 *
 * In-process: `startHranaServer({ path })`. As its own process:
 * `npx tsx tests/hrana-server.ts --file F [--port N] [--auth-token T]` prints its URL
 * on stdout's first line and stops on SIGTERM.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import Database from "libsql";
import { ProtocolError, StreamExpired } from "./hrana-protocol.ts";
import { closeConnection, handleRequest, type StreamState } from "./hrana-requests.ts";

/** Options of a test Hrana server. */
export interface HranaServerOptions {
  /** The libSQL database file every stream opens. */
  path: string;
  /** Where to listen on 127.0.0.1 (default 0: a free port). */
  port?: number;
  /** When set, pipeline requests must carry `Authorization: Bearer <authToken>`. */
  authToken?: string;
  /** How long a stream may stay idle before it expires (sqld: 10 s). */
  streamIdleMs?: number;
}

/** A running test Hrana server. */
export interface HranaServer {
  /** `http://127.0.0.1:PORT`, for `createClient({ url })`. */
  url: string;
  /** How many streams are open now (each holds one connection). */
  openStreams(): number;
  /** Stops listening, drops every connection and closes every stream's database connection. */
  close(): Promise<void>;
}

/** One stream: a connection of its own, its stored SQL texts and the baton sequence it expects next. */
interface Stream extends StreamState {
  id: string;
  seq: number;
  timer?: ReturnType<typeof setTimeout>;
}

/** How long an expired stream's baton still gets STREAM_EXPIRED instead of "invalid baton" (sqld: 300 s). */
const EXPIRED_KEPT_MS = 300_000;

/** Starts a Hrana-over-HTTP server on the database file at `path`. */
export async function startHranaServer({
  path,
  port = 0,
  authToken,
  streamIdleMs = 10_000,
}: HranaServerOptions): Promise<HranaServer> {
  // sqld keeps its databases in WAL; it lives in the file, so every stream's connection gets it.
  const setup = new Database(path);
  setup.exec("PRAGMA journal_mode = WAL");
  setup.close();

  const streams = new Map<string, Stream>();
  const expired = new Map<string, ReturnType<typeof setTimeout>>();

  function closeStream(stream: Stream) {
    clearTimeout(stream.timer);
    streams.delete(stream.id);
    closeConnection(stream);
  }

  function expire(stream: Stream) {
    closeStream(stream);
    const timer = setTimeout(() => expired.delete(stream.id), EXPIRED_KEPT_MS);
    timer.unref();
    expired.set(stream.id, timer);
  }

  /** The stream a baton names (a null baton opens one); throws as sqld refuses a bad baton. */
  function acquire(baton: unknown): Stream {
    if (baton === null || baton === undefined) {
      const stream: Stream = {
        id: randomBytes(12).toString("base64url"),
        seq: randomBytes(4).readUInt32BE(),
        db: new Database(path),
        sqls: new Map(),
      };
      streams.set(stream.id, stream);
      return stream;
    }
    const [id, seq] = String(baton).split(".");
    if (expired.has(id)) throw new StreamExpired();
    const stream = streams.get(id);
    if (!stream) throw new ProtocolError("Invalid baton");
    if (String(stream.seq) !== seq) throw new ProtocolError("Baton was reused");
    clearTimeout(stream.timer);
    return stream;
  }

  /** Hands the stream back with a fresh baton, or null once it was closed. */
  function release(stream: Stream): string | null {
    if (!stream.db) {
      closeStream(stream);
      return null;
    }
    stream.seq = (stream.seq + 1) % 2 ** 32;
    stream.timer = setTimeout(() => expire(stream), streamIdleMs);
    stream.timer.unref();
    return `${stream.id}.${stream.seq}`;
  }

  function handlePipeline(body: { baton?: unknown; requests?: unknown }) {
    if (!Array.isArray(body?.requests)) throw new ProtocolError("The body has no requests");
    const stream = acquire(body.baton);
    try {
      const results = body.requests.map((request) => handleRequest(stream, request));
      return { baton: release(stream), base_url: null, results };
    } catch (error) {
      // A broken protocol ends the stream, as in sqld (its guard is dropped without release).
      closeStream(stream);
      throw error;
    }
  }

  const server = createServer((req, res) => {
    handleHttp(req, res).catch((error) => send(res, 500, "text/plain", String(error?.message ?? error)));
  });

  async function handleHttp(req: IncomingMessage, res: ServerResponse) {
    const path = new URL(req.url ?? "/", "http://localhost").pathname.replace(/\/+$/, "");
    if (req.method === "GET") {
      if (path === "" || path === "/v2" || path === "/v3") return send(res, 200, "text/plain", "Hrana over HTTP");
      return send(res, 404, "text/plain", "Not found");
    }
    if (req.method !== "POST" || (path !== "/v2/pipeline" && path !== "/v3/pipeline")) {
      req.resume();
      return send(res, 404, "text/plain", "Not found");
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (authToken !== undefined && req.headers.authorization !== `Bearer ${authToken}`) {
      return send(res, 401, "application/json", JSON.stringify({ error: "Unauthorized: invalid or missing token" }));
    }
    let body: { baton?: unknown; requests?: unknown };
    try {
      body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    } catch (error) {
      return send(res, 400, "text/plain", `Could not deserialize JSON request body: ${(error as Error).message}`);
    }
    try {
      return send(res, 200, "application/json", JSON.stringify(handlePipeline(body)));
    } catch (error) {
      if (error instanceof ProtocolError) return send(res, 400, "text/plain", error.message);
      if (error instanceof StreamExpired) {
        return send(res, 500, "application/json", JSON.stringify({ message: error.message, code: error.code }));
      }
      throw error;
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    openStreams: () => streams.size,
    async close() {
      for (const stream of [...streams.values()]) closeStream(stream);
      for (const timer of expired.values()) clearTimeout(timer);
      expired.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

function send(res: ServerResponse, status: number, type: string, body: string) {
  res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body) });
  res.end(body);
}

// As its own process: prints the URL, serves until SIGTERM or SIGINT.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: { file: { type: "string" }, port: { type: "string" }, "auth-token": { type: "string" } },
  });
  if (!values.file) {
    console.error("Usage: npx tsx tests/hrana-server.ts --file F [--port N] [--auth-token T]");
    process.exit(2);
  }
  const running = await startHranaServer({
    path: values.file,
    port: Number(values.port ?? 0),
    authToken: values["auth-token"],
  });
  console.log(running.url);
  const stop = () => void running.close().then(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
