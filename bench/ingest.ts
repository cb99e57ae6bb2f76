/**
 * HTTP rates on one Node server with the embedded database: GET /health,
 * single-rating kiosk POSTs, and 500-rating kiosk syncs (autocannon, loopback only).
 */
import autocannon from "autocannon";
import type { BenchServer } from "./server.ts";

/** Runs autocannon and returns requests per second (the mean of its per-second samples). */
async function rate(options: autocannon.Options): Promise<{ rps: number; errors: number; non2xx: number }> {
  const result = await autocannon(options);
  return { rps: result.requests.average, errors: result.errors, non2xx: result.non2xx };
}

/** Pairs a kiosk device and returns its bearer token (the kiosk is the channel that syncs in bulk). */
async function deviceToken(server: BenchServer, password: string): Promise<string> {
  const post = async (path: string, body: unknown, token?: string) => {
    const res = await fetch(`${server.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return res.json();
  };
  const { token } = await post("/api/v1/auth/login", { email: "admin@demo.suara.id", password });
  const made = await post(
    "/api/v1/agencies/disdukcapil-tebingtinggi/devices",
    { counter: "loket-1", name: "bench" },
    token,
  );
  return (await post("/api/v1/devices/pair", { code: made.pairingCode })).token;
}

/** Measures the three rates in one run; `seconds` per measurement. */
export async function ingestRates(server: BenchServer, password: string, seconds = 10) {
  const token = await deviceToken(server, password);
  // Taps 20 s apart (in client time) so none is flagged rapid_repeat: every rating reaches the rollups.
  let clock = Date.parse("2026-01-05T01:00:00Z");
  const tap = () => {
    clock += 20_000;
    return {
      id: crypto.randomUUID(),
      agency: "disdukcapil-tebingtinggi",
      service: "ktp-el",
      channel: "kiosk",
      overall: 1 + (clock % 4),
      createdAt: new Date(clock).toISOString(),
    };
  };
  const headers = { "content-type": "application/json", authorization: `Bearer ${token}` };
  const health = await rate({ url: `${server.url}/health`, connections: 50, duration: seconds });
  const single = await rate({
    url: `${server.url}/api/v1/ratings`,
    connections: 50,
    duration: seconds,
    requests: [
      { method: "POST", headers, setupRequest: (req) => ({ ...req, body: JSON.stringify({ ratings: [tap()] }) }) },
    ],
  });
  const batch = await rate({
    url: `${server.url}/api/v1/ratings`,
    connections: 4,
    duration: seconds,
    requests: [
      {
        method: "POST",
        headers,
        setupRequest: (req) => ({ ...req, body: JSON.stringify({ ratings: Array.from({ length: 500 }, tap) }) }),
      },
    ],
  });
  return { health, single, batch: { ...batch, ratingsPerSecond: batch.rps * 500 } };
}
