/**
 * How long the Node server waits for a client, and what it does when idle
 * sockets pile up. Node's defaults (60 s for the headers, checked every 30 s)
 * let 21,000 sockets that never send a request use up every file descriptor
 * and take the server off the air for over a minute. Here a client has 10 s to
 * send its headers and 30 s for its whole request, a kept-alive socket is
 * closed after 5 s without a request, and when the sockets near the process's
 * open-file limit the oldest one that has not yet sent a complete request is
 * closed for each new one, so a flood of idle sockets cannot shut out real
 * callers. The TLS proxy in front should have its own limits (docs/operations.md, "Run it in an office").
 */
import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import type { Socket } from "node:net";

/** The time-outs, as docs/operations.md, "Run it in an office" states them. */
export const CONNECTION_TIMEOUTS = {
  /** A client must send its complete headers within this. */
  headersMs: 10_000,
  /** ... and its complete request, body included (a kiosk's largest sync is a few hundred KB). */
  requestMs: 30_000,
  /** A kept-alive socket with no new request is closed after this. */
  keepAliveMs: 5_000,
  /** How often Node looks for sockets past those time-outs. */
  checkEveryMs: 1_000,
} as const;

/** Options for node:http's createServer (node-server's `serverOptions`). */
export const serverOptions = {
  headersTimeout: CONNECTION_TIMEOUTS.headersMs,
  requestTimeout: CONNECTION_TIMEOUTS.requestMs,
  keepAliveTimeout: CONNECTION_TIMEOUTS.keepAliveMs,
  connectionsCheckingInterval: CONNECTION_TIMEOUTS.checkEveryMs,
};

/** File descriptors left for the database, logs and the server itself when sockets are counted. */
const RESERVED_FILES = 256;

/** The most sockets to keep open: the open-file limit (Linux) less a reserve, else a cautious default. */
export function socketCap(limits = "/proc/self/limits"): number {
  try {
    const line = readFileSync(limits, "utf8")
      .split("\n")
      .find((l) => l.startsWith("Max open files"));
    const soft = Number(line?.trim().split(/\s+/)[3]);
    if (Number.isFinite(soft)) return Math.max(64, soft - RESERVED_FILES);
  } catch {
    // Not Linux: fall through.
  }
  return 768;
}

/**
 * Keeps at most `cap` sockets open: past it, each new socket closes the oldest one
 * that has not sent a complete request yet (an idle or slow-loris socket), never one
 * with a request in progress or served. Costs one Set deletion per request.
 */
export function capSockets(server: Server, cap = socketCap()): void {
  const waiting = new Set<Socket>();
  let open = 0;
  server.on("connection", (socket: Socket) => {
    open += 1;
    waiting.add(socket);
    socket.once("close", () => {
      open -= 1;
      waiting.delete(socket);
    });
    if (open > cap) {
      const oldest = waiting.values().next().value;
      if (oldest && oldest !== socket) oldest.destroy();
    }
  });
  server.on("request", (request) => {
    waiting.delete(request.socket);
  });
}
