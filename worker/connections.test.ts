/**
 * The Node server's connection limits on a real socket server: idle and slow
 * sockets are closed, and a flood of them does not shut out a real request.
 */
import type { Server } from "node:http";
import { type AddressInfo, connect, type Socket } from "node:net";
import { serve } from "@hono/node-server";
import { afterEach, describe, expect, it } from "vitest";
import { CONNECTION_TIMEOUTS, capSockets, serverOptions, socketCap } from "./connections.ts";

const servers: Server[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A server as worker/node.ts starts it, answering "ok". */
async function start(cap?: number) {
  const server = serve({ fetch: () => new Response("ok"), port: 0, hostname: "127.0.0.1", serverOptions }) as Server;
  capSockets(server, cap);
  servers.push(server);
  await new Promise((resolve) => server.once("listening", resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

/** Opens a socket that sends nothing (or `text`); resolves once connected; `closed` settles when the server closes it. */
async function idle(port: number, text?: string) {
  const socket = connect(port, "127.0.0.1");
  sockets.push(socket);
  socket.on("error", () => {});
  // Read (and drop) whatever the server sends, so its closing ends this socket too.
  socket.resume();
  await new Promise((resolve) => socket.once("connect", resolve));
  if (text) socket.write(text);
  const closed = new Promise<number>((resolve) => socket.once("close", () => resolve(Date.now())));
  return { socket, closed };
}

describe("connections", () => {
  it("gives a client 10 s for its headers, 30 s for its request, 5 s idle between requests", async () => {
    const { server } = await start();
    expect(server.headersTimeout).toBe(10_000);
    expect(server.requestTimeout).toBe(30_000);
    expect(server.keepAliveTimeout).toBe(5_000);
    expect(CONNECTION_TIMEOUTS.checkEveryMs).toBeLessThanOrEqual(1_000);
  });

  it("closes a socket still sending its headers after the headers time-out, not a minute later", async () => {
    const { port } = await start();
    const opened = Date.now();
    const { closed } = await idle(port, "GET /health HTTP/1.1\r\nHost: x\r\n");
    const after = (await closed) - opened;
    expect(after).toBeGreaterThanOrEqual(CONNECTION_TIMEOUTS.headersMs - 100);
    expect(after).toBeLessThan(CONNECTION_TIMEOUTS.headersMs + 3 * CONNECTION_TIMEOUTS.checkEveryMs);
  }, 20_000);

  it("past its socket cap, closes the oldest idle sockets so real requests are still served", async () => {
    const { port } = await start(50);
    const flood = [];
    for (let i = 0; i < 200; i++) flood.push(await idle(port, i % 2 ? "GET / HTTP/1.1\r\n" : undefined));
    const res = await fetch(`http://127.0.0.1:${port}/`);
    expect(await res.text()).toBe("ok");
    // The oldest 150 or so were closed to make room; the newest are still open.
    await Promise.race([flood[0].closed, new Promise((r) => setTimeout(r, 2_000))]);
    expect(flood[0].socket.destroyed || flood[0].socket.readableEnded).toBe(true);
    expect(flood[199].socket.destroyed).toBe(false);
  });

  it("never closes a socket whose request is in progress to make room", async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const server = serve({
      fetch: async () => {
        await held;
        return new Response("served");
      },
      port: 0,
      hostname: "127.0.0.1",
      serverOptions,
    }) as Server;
    capSockets(server, 5);
    servers.push(server);
    await new Promise((resolve) => server.once("listening", resolve));
    const { port } = server.address() as AddressInfo;
    const slow = fetch(`http://127.0.0.1:${port}/`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (let i = 0; i < 20; i++) await idle(port);
    release();
    expect(await (await slow).text()).toBe("served");
  });

  it("reads the cap from the process's open-file limit, leaving a reserve", () => {
    expect(socketCap()).toBeGreaterThanOrEqual(64);
    expect(socketCap("/nonexistent")).toBe(768);
  });
});
