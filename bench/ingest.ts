/**
 * HTTP rates on one Node server with the embedded database: GET /health,
 * single-rating kiosk POSTs, and 500-rating kiosk syncs (autocannon, loopback
 * only). The tablets sign every request, as real kiosks do.
 */
import { createClient } from "@libsql/client";
import autocannon from "autocannon";
import { createDeviceSigner, type DeviceSigner, kioskTap } from "../tests/device-signer.ts";
import type { SpawnedServer as BenchServer } from "../tests/server.ts";

/** One autocannon run: requests per second (the mean of its per-second samples), latency percentiles, failures. */
interface Rate {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** Runs autocannon and returns its rate, latency and failures. */
async function rate(options: autocannon.Options): Promise<Rate> {
  const result = await autocannon(options);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

/** The run with the median rate of `runs`. */
async function medianOf(runs: number, run: () => Promise<Rate>): Promise<Rate & { all: number[] }> {
  const results: Rate[] = [];
  for (let i = 0; i < runs; i++) results.push(await run());
  const sorted = [...results].sort((a, b) => a.rps - b.rps);
  return {
    ...sorted[Math.floor(runs / 2)],
    errors: results.reduce((n, r) => n + r.errors, 0),
    non2xx: results.reduce((n, r) => n + r.non2xx, 0),
    all: results.map((r) => r.rps),
  };
}

/** Tablets the load is spread over, each tapped at most every 20 s in its own clock. */
const DEVICES = 8;
/** Single-rating taps signed ahead per second of the run: above the fastest rate seen here (about 9,000 unsigned). */
const PRESIGNED_PER_SECOND = 10_000;
/** How far back the tablets were paired: the API takes a device's taps from up to 30 days ago. */
const PAIRED_DAYS_AGO = 29;

/** A paired benchmark tablet: its token and its signing key. */
interface Tablet {
  token: string;
  signer: DeviceSigner;
}

/**
 * Pairs the kiosk tablets, each with its own key as a real kiosk has, with
 * their pairing moved weeks back so each can deliver a backlog of taps spaced
 * as real service is (none flagged rapid_repeat, every one reaching the rollups).
 */
async function pairTablets(server: BenchServer, password: string): Promise<Tablet[]> {
  const post = async (path: string, body: unknown, token?: string) => {
    const res = await fetch(`${server.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return res.json();
  };
  const { token } = await post("/api/v1/auth/login", { email: "admin@demo.suara.id", password });
  const tablets: Tablet[] = [];
  for (let i = 0; i < DEVICES; i++) {
    const made = await post(
      "/api/v1/agencies/disdukcapil-tebingtinggi/devices",
      { counter: `loket-${1 + (i % 4)}`, name: `bench ${i}` },
      token,
    );
    const signer = createDeviceSigner();
    const paired = await post("/api/v1/devices/pair", { code: made.pairingCode, publicKey: signer.publicKey });
    tablets.push({ token: paired.token, signer });
  }
  const db = createClient({ url: server.databaseUrl });
  await db.execute({
    sql: "UPDATE devices SET paired_at = ?",
    args: [Date.now() - (PAIRED_DAYS_AGO + 1) * 86_400_000],
  });
  db.close();
  return tablets;
}

/** Measures the three rates in one run (the syncs three times); `seconds` per measurement. */
export async function ingestRates(server: BenchServer, password: string, seconds = 10) {
  const tablets = await pairTablets(server, password);
  // Each tablet's taps 20 s apart (in its clock) so none is flagged rapid_repeat.
  const clocks = tablets.map(() => Date.now() - PAIRED_DAYS_AGO * 86_400_000);
  let turn = 0;
  const nextDevice = () => turn++ % tablets.length;
  const tap = (device: number) => {
    clocks[device] += 20_000;
    return kioskTap(clocks[device]);
  };
  /** A tablet's POST of `body` to /api/v1/ratings, signed as the kiosk signs it (autocannon needs it synchronous). */
  const signedPost = (req: autocannon.Request, device: number, body: string) => ({
    ...req,
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${tablets[device].token}`,
      ...tablets[device].signer.headers("POST", "/api/v1/ratings", body),
    },
    body,
  });
  const health = await rate({ url: `${server.url}/health`, connections: 50, duration: seconds });
  // Real tablets sign on their own processors; this load generator shares the server's two cores, so the
  // single-rating taps are signed before the run (a P-256 signature costs the generator about 35 µs, a third
  // of what the server spends on the whole request) and not while it measures. Should the run outlast them,
  // the rest are signed as they go.
  const presigned = Array.from({ length: seconds * PRESIGNED_PER_SECOND }, () => {
    const device = nextDevice();
    return { device, body: JSON.stringify({ ratings: [tap(device)] }) };
  }).map(({ device, body }) => signedPost({}, device, body));
  let next = 0;
  const single = await rate({
    url: `${server.url}/api/v1/ratings`,
    connections: 50,
    duration: seconds,
    requests: [
      {
        method: "POST",
        setupRequest: (req) => {
          if (next < presigned.length) return { ...req, ...presigned[next++] };
          const device = nextDevice();
          return signedPost(req, device, JSON.stringify({ ratings: [tap(device)] }));
        },
      },
    ],
  });
  // The syncs three times: their budget is a median over three runs.
  const batch = await medianOf(3, () =>
    rate({
      url: `${server.url}/api/v1/ratings`,
      connections: 4,
      duration: seconds,
      requests: [
        {
          method: "POST",
          setupRequest: (req) => {
            const device = nextDevice();
            const ratings = Array.from({ length: 500 }, () => tap(device));
            return signedPost(req, device, JSON.stringify({ ratings }));
          },
        },
      ],
    }),
  );
  return {
    health,
    single,
    batch: { ...batch, ratingsPerSecond: batch.rps * 500, runs: batch.all.map((rps) => rps * 500) },
  };
}
