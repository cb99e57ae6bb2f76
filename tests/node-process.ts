/**
 * The real Node server (`worker/node.ts`) as a child process, for tests that need
 * a process: files deleted under it, a database that is down, backups while it
 * serves. Each server gets a free port and its own process group.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { DEMO_ADMIN_EMAIL, DEMO_AGENCY } from "../db/seed.ts";
import { createDeviceSigner } from "./device-signer.ts";

/** The demo accounts' password on test servers. */
export const SERVER_PASSWORD = "durable-password-1";

/** A free loopback port. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const running: ChildProcess[] = [];

/** Kills every server (and process) started here that is still running: for afterEach. */
export function killAll(): void {
  for (const child of running.splice(0)) {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
}

/** A child process in its own group, with its output kept. */
export function startProcess(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], {
    env: { ...process.env, ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.push(child);
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

/** Starts `worker/node.ts` on a free port, as `npm start` would after the build. */
export async function startServer(env: Record<string, string>) {
  const port = await freePort();
  const server = startProcess(["worker/node.ts"], {
    HOST: "127.0.0.1",
    PORT: String(port),
    SUARA_DEMO_PASSWORD: SERVER_PASSWORD,
    SUARA_DEMO_PIN: "123456",
    ...env,
  });
  const stop = async () => {
    process.kill(-server.child.pid!, "SIGTERM");
    await server.exited;
  };
  return { ...server, base: `http://127.0.0.1:${port}`, stop };
}

/** Polls a URL until it answers with `status`, or fails after `ms`. */
export async function waitFor(url: string, status: number, ms = 20_000): Promise<Response> {
  const until = Date.now() + ms;
  let last = "";
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.status === status) return res;
      last = String(res.status);
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer ${status} within ${ms} ms (last: ${last})`);
}

/** Signs the demo admin in and pairs a tablet at loket-1: its `post` sends signed calls, as the kiosk does. */
export async function pairTablet(base: string) {
  const tablet = createDeviceSigner();
  const json = (path: string, body: unknown, token?: string) => {
    const raw = JSON.stringify(body);
    return fetch(`${base}/api/v1${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(token?.startsWith("dev_") ? tablet.headers("POST", `/api/v1${path}`, raw) : {}),
      },
      body: raw,
    });
  };
  const login = await json("/auth/login", { email: DEMO_ADMIN_EMAIL, password: SERVER_PASSWORD });
  const { token: admin } = (await login.json()) as { token: string };
  const made = await json(`/agencies/${DEMO_AGENCY}/devices`, { counter: "loket-1", name: "Tablet" }, admin);
  const { pairingCode } = (await made.json()) as { pairingCode: string };
  const paired = await json("/devices/pair", { code: pairingCode, publicKey: tablet.publicKey });
  const { token: device } = (await paired.json()) as { token: string };
  return { admin, post: (path: string, body: unknown) => json(path, body, device) };
}

/**
 * Ten kiosk ratings for the demo agency, tapped now or, with `spacedMs`, that far
 * apart going back from `endingAt` (taps close together count once in a report).
 */
export const tenRatings = ({ spacedMs = 0, endingAt = Date.now() } = {}) =>
  Array.from({ length: 10 }, (_, i) => ({
    id: crypto.randomUUID(),
    agency: DEMO_AGENCY,
    service: "ktp-el",
    channel: "kiosk",
    overall: 3,
    createdAt: new Date(endingAt - i * spacedMs).toISOString(),
  }));
