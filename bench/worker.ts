/**
 * The CPU time the Worker spends per request on its main routes, in workerd through Miniflare
 * (tests/workerd.ts: the built dist-worker/ with dist/ as Static Assets) against a remote libSQL
 * (tests/remote-demo.ts: the Hrana stand-in for sqld), beside the Workers plans' CPU limits.
 *
 * How CPU is measured: workerd's own accounting is not available locally (it reports no CPU time
 * outside Cloudflare's edge), so this reads the workerd process's CPU from the kernel: the sum of
 * its threads' on-CPU nanoseconds (/proc/PID/task/TID/schedstat) before a request and once the
 * process has gone quiet after its answer (so work the Worker left to `waitUntil`, like the alert
 * checks after a sync, is counted too), with one request in flight and nothing else in workerd.
 * It is an upper bound of what Cloudflare would bill: it also holds Miniflare's own entry and asset
 * workers and workerd's HTTP and outbound fetch work for the request; the static page's figure
 * shows that floor. Waiting on the database costs no CPU, on Cloudflare or here.
 *
 * `npx tsx bench/worker.ts` prints the figures on their own (after `npm run build && npm run build:worker`).
 */
import { readdirSync, readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { DEMO_ADMIN_EMAIL, DEMO_AGENCY } from "../db/seed.ts";
import { createDeviceSigner, kioskTap } from "../tests/device-signer.ts";
import { startRemoteDemo } from "../tests/remote-demo.ts";
import { type RunningWorker, startWorker } from "../tests/workerd.ts";

/** The Workers plans' CPU time per invocation: the free plan's, and the paid plan's default. */
export const WORKERS_CPU_LIMITS_MS = { free: 10, paidDefault: 30_000 };

/** One route's CPU per request (milliseconds): the median and the 90th percentile of its runs, and the median wall time. */
export interface RouteCpu {
  route: string;
  runs: number;
  cpuMs: number;
  cpuP90Ms: number;
  wallMs: number;
}

const PASSWORD = "bench-worker-password";
const PIN = "975310";
const DAY = 86_400_000;

/** The workerd process Miniflare started for this process. */
function workerdPid(): number {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const [, comm, rest] = stat.match(/^\d+ \((.*)\) (.*)$/s) ?? [];
      if (comm?.startsWith("workerd") && Number(rest.split(" ")[1]) === process.pid) return Number(entry);
    } catch {
      // A process that ended while the list was read.
    }
  }
  throw new Error("workerd's process was not found among this process's children");
}

/** Nanoseconds the process's threads have spent on a CPU so far. */
function cpuNs(pid: number): number {
  let total = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      total += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
    } catch {
      // A thread that ended while the list was read.
    }
  }
  return total;
}

/** The process's CPU once it has spent none for 20 ms (at most 1 s after the answer). */
async function quietCpuNs(pid: number): Promise<number> {
  let last = cpuNs(pid);
  for (let waited = 0; waited < 1000; waited += 20) {
    await sleep(20);
    const now = cpuNs(pid);
    if (now - last < 50_000) return now;
    last = now;
  }
  return last;
}

const median = (values: number[], q = 0.5) => [...values].sort((a, b) => a - b)[Math.floor(q * (values.length - 1))];

/** Measures `runs` requests made one at a time by `send` (after `warm` unmeasured ones); each must answer 2xx. */
async function measure(pid: number, route: string, runs: number, warm: number, send: () => Promise<Response>) {
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < warm + runs; i++) {
    const before = await quietCpuNs(pid);
    const start = performance.now();
    const res = await send();
    await res.arrayBuffer();
    const took = performance.now() - start;
    if (!res.ok) throw new Error(`${route}: ${res.status}`);
    const after = await quietCpuNs(pid);
    if (i < warm) continue;
    cpu.push((after - before) / 1e6);
    wall.push(took);
  }
  return { route, runs, cpuMs: median(cpu), cpuP90Ms: median(cpu, 0.9), wallMs: median(wall) } satisfies RouteCpu;
}

/** The previous calendar month in the agency's zone (WIB), e.g. "2026-11": a whole month of the demo's ratings. */
function lastMonth(now = Date.now()): string {
  const wib = new Date(now + 7 * 3_600_000);
  const month = new Date(Date.UTC(wib.getUTCFullYear(), wib.getUTCMonth() - 1, 1));
  return month.toISOString().slice(0, 7);
}

/** The Worker's CPU per request on its main routes, against the demo agency with `weeks` of ratings. */
export async function workerCpuCosts({ weeks = 6, runs = 40 } = {}): Promise<RouteCpu[]> {
  const remote = await startRemoteDemo({ password: PASSWORD, pin: PIN, weeks });
  let worker: RunningWorker | undefined;
  try {
    worker = await startWorker({ bindings: { LIBSQL_URL: remote.url } });
    const w = worker;
    const pid = workerdPid();
    const json = (method: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
      w.fetch(path, {
        method,
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(body),
      });
    const signIn = () => json("POST", "/api/v1/auth/login", { email: DEMO_ADMIN_EMAIL, password: PASSWORD });
    const { token } = (await (await signIn()).json()) as { token: string };
    const bearer = { authorization: `Bearer ${token}` };

    // A tablet paired a month ago, so each sync can carry its backlog of taps 20 s apart.
    const made = await json(
      "POST",
      `/api/v1/agencies/${DEMO_AGENCY}/devices`,
      { counter: "loket-4", name: "bench" },
      bearer,
    );
    const { pairingCode } = (await made.json()) as { pairingCode: string };
    const signer = createDeviceSigner();
    const paired = await json("POST", "/api/v1/devices/pair", { code: pairingCode, publicKey: signer.publicKey });
    const device = ((await paired.json()) as { token: string }).token;
    await remote.db.$client.execute({ sql: "UPDATE devices SET paired_at = ?", args: [Date.now() - 30 * DAY] });
    let clock = Date.now() - 29 * DAY;
    const tap = () => {
      clock += 20_000;
      return kioskTap(clock);
    };
    const sync = (count: number) => {
      const body = JSON.stringify({ ratings: Array.from({ length: count }, tap) });
      return w.fetch("/api/v1/ratings", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${device}`,
          ...signer.headers("POST", "/api/v1/ratings", body),
        },
        body,
      });
    };
    const month = lastMonth();
    // The demo's ratings of that month (one agency): what the report and the CSV read.
    const counted = await remote.db.$client.execute({
      sql: "SELECT count(*) AS n FROM ratings WHERE day LIKE ?",
      args: [`${month}-%`],
    });
    const rows = Number(counted.rows[0].n).toLocaleString("en");
    const get = (path: string) => () => w.fetch(path, { headers: bearer });
    return [
      await measure(pid, "GET /kiosk/ (a static page through the Worker: the floor)", runs, 5, get("/kiosk/")),
      await measure(pid, "POST /api/v1/ratings, 1 rating (a tablet's signed tap)", runs, 5, () => sync(1)),
      await measure(pid, "POST /api/v1/ratings, a 500-rating sync", Math.ceil(runs / 4), 2, () => sync(500)),
      await measure(
        pid,
        `GET …/report?period=${month} (a month's report, ${rows} ratings)`,
        runs,
        5,
        get(`/api/v1/agencies/${DEMO_AGENCY}/report?period=${month}`),
      ),
      await measure(
        pid,
        `GET …/ratings.csv?period=${month} (a month's CSV, ${rows} rows in pages of 2,000)`,
        Math.ceil(runs / 4),
        2,
        get(`/api/v1/agencies/${DEMO_AGENCY}/ratings.csv?period=${month}`),
      ),
      await measure(
        pid,
        `GET …/ratings.csv?period=${month}&format=raw (the same, for machines)`,
        Math.ceil(runs / 4),
        2,
        get(`/api/v1/agencies/${DEMO_AGENCY}/ratings.csv?period=${month}&format=raw`),
      ),
      // Few: sign-ins are limited per address (60 in 15 minutes), and each costs a PBKDF2 of 100,000 iterations.
      await measure(pid, "POST /api/v1/auth/login (sign-in)", 20, 3, signIn),
    ];
  } finally {
    await worker?.dispose();
    await remote.close();
  }
}

/** The figure as the bench prints it: CPU per request, wall time, and where it stands against the plans' limits. */
export function describeCpu(r: RouteCpu): string {
  const plan =
    r.cpuP90Ms <= WORKERS_CPU_LIMITS_MS.free
      ? `within the free plan's ${WORKERS_CPU_LIMITS_MS.free} ms`
      : `beyond the free plan's ${WORKERS_CPU_LIMITS_MS.free} ms; within the paid plan's ${WORKERS_CPU_LIMITS_MS.paidDefault / 1000} s`;
  return `${r.cpuMs.toFixed(1)} ms CPU (p90 ${r.cpuP90Ms.toFixed(1)} ms, ${r.runs} runs; wall ${r.wallMs.toFixed(0)} ms): ${plan}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await workerCpuCosts()) console.log(`${r.route}: ${describeCpu(r)}`);
}
