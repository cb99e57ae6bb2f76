/**
 * Batched visits on one Node server with the embedded database: a queue system's integration key
 * POSTs 500 visits a request (autocannon, loopback only), each a whole visit with its four times,
 * spread over the demo agency's counters and services and the last four weeks.
 */
import { createClient } from "@libsql/client";
import autocannon from "autocannon";
import type { SpawnedServer as BenchServer } from "../tests/server.ts";

/** What each demo counter gives (db/seed.ts), so every visit is one its counter could serve. */
const GIVEN: [string, string[]][] = [
  ["loket-1", ["ktp-el", "kartu-keluarga"]],
  ["loket-2", ["akta-kelahiran"]],
  ["loket-3", ["pindah-datang", "kartu-keluarga"]],
  ["loket-4", ["ktp-el", "kartu-keluarga", "akta-kelahiran", "pindah-datang"]],
];
const DAY = 86_400_000;

/** Visits per second over `runs` runs of `seconds` (the median run), and the failures. */
export async function visitRates(server: BenchServer, password: string, seconds = 10, runs = 3) {
  const post = async (path: string, body: unknown, token?: string) =>
    (
      await fetch(`${server.url}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      })
    ).json();
  const { token } = await post("/api/v1/auth/login", { email: "admin@demo.suara.id", password });
  const { secret } = await post(
    "/api/v1/agencies/disdukcapil-tebingtinggi/integration-keys",
    { name: "bench queue" },
    token,
  );
  // Local 08:00 WIB (01:00 UTC) of yesterday, then visits 90 s apart per counter through the working day,
  // a day further back every 300: a busy office's log, every visit in the past.
  const lastDay = Math.floor((Date.now() - DAY) / DAY) * DAY + 3_600_000;
  let n = 0;
  const visit = () => {
    const i = n++;
    const [counter, services] = GIVEN[i % 4];
    const slot = Math.floor(i / 4);
    const served = lastDay - Math.floor(slot / 300) * DAY + (slot % 300) * 90_000;
    const iso = (t: number) => new Date(t).toISOString();
    return {
      id: `bench-${i}`,
      service: services[slot % services.length],
      counter,
      queueNumber: `A${slot % 1000}`,
      takenAt: iso(served - 20_000 - ((i * 7919) % 5400) * 1000),
      calledAt: iso(served - 20_000),
      servedAt: iso(served),
      finishedAt: iso(served + (60 + ((i * 104729) % 1500)) * 1000),
    };
  };
  const db = createClient({ url: server.databaseUrl });
  const count = async () => {
    const [row] = (
      await db.execute("SELECT count(*) AS stored, total(counted) AS counted FROM visits WHERE id LIKE 'bench-%'")
    ).rows;
    return { stored: Number(row.stored), counted: Number(row.counted) };
  };
  const rates: number[] = [];
  let failed = 0;
  for (let r = 0; r < runs; r++) {
    const before = (await count()).stored;
    const result = await autocannon({
      url: `${server.url}/api/v1/agencies/disdukcapil-tebingtinggi/visits`,
      connections: 4,
      duration: seconds,
      requests: [
        {
          method: "POST",
          setupRequest: (req) => ({
            ...req,
            headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
            body: JSON.stringify({ visits: Array.from({ length: 500 }, visit) }),
          }),
        },
      ],
    });
    // The rate is of visits stored, each a new one, not of what was sent.
    rates.push(((await count()).stored - before) / result.duration);

    failed += result.errors + result.non2xx;
  }
  // Every stored visit a plausible one: the rate is of visits that reach the indicators, none flagged.
  const { stored, counted } = await count();
  db.close();
  if (stored === 0 || counted !== stored) throw new Error(`bench visits: ${stored} stored, only ${counted} counted`);
  const sorted = [...rates].sort((a, b) => a - b);
  return { visitsPerSecond: sorted[Math.floor(runs / 2)], runs: rates, failed, stored };
}
