/**
 * The built Worker in workerd against a remote libSQL (tests/remote-demo.ts: the Hrana stand-in for
 * sqld over a real file): the API's main flows as the dashboard and a kiosk tablet make them, one
 * after the other on one database, and the Cron Trigger's comment purge.
 */
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestTarget } from "../../core/device-signature.ts";
import { newId } from "../../core/ids.ts";
import { uuidv7 } from "../../core/uuid7.ts";
import { agencies, officers, ratings, services } from "../../db/schema.ts";
import { DEMO_ADMIN_EMAIL, DEMO_AGENCY, DEMO_OFFICERS } from "../../db/seed.ts";
import { createDeviceSigner, type DeviceSigner, kioskTap as tap } from "../device-signer.ts";
import { type RemoteDemo, startRemoteDemo } from "../remote-demo.ts";
import { type RunningWorker, startWorker } from "../workerd.ts";

const PASSWORD = "workerd-demo-password";
const PIN = "135790";
const DAY = 86_400_000;
/** The daily trigger that also purges comments (wrangler.toml; worker/index.ts). */
const PURGE_CRON = "17 19 * * *";

let remote: RemoteDemo;
let worker: RunningWorker;

beforeAll(async () => {
  remote = await startRemoteDemo({ password: PASSWORD, pin: PIN });
  worker = await startWorker({ bindings: { LIBSQL_URL: remote.url } });
});
afterAll(async () => {
  await worker?.dispose();
  await remote?.close();
});

/** A JSON request to the Worker, with a bearer token, signed by the tablet's key when one is given. */
async function call(method: string, path: string, { body, token, signer }: Call = {}) {
  const raw = body === undefined ? undefined : JSON.stringify(body);
  const url = new URL(path, "http://suara.test").href;
  const res = await worker.fetch(url, {
    method,
    headers: {
      ...(raw === undefined ? {} : { "content-type": "application/json" }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...signer?.headers(method, requestTarget(url), raw),
    },
    body: raw,
  });
  return res;
}
interface Call {
  body?: unknown;
  token?: string;
  signer?: DeviceSigner;
}

/** The last 31 days in the agency's zone (WIB), as the report and export take a range. */
const range = () => {
  const date = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
  return `from=${date(Date.now() - 31 * DAY)}&to=${date(Date.now())}`;
};

describe("the built Worker in workerd, on a remote libSQL", () => {
  let admin: string;
  const tablet = { token: "", signer: createDeviceSigner() };
  /** The single tap and the sync's 500, by id. */
  const sent: string[] = [];

  it("signs an admin in, and refuses a wrong password", async () => {
    const wrong = await call("POST", "/api/v1/auth/login", {
      body: { email: DEMO_ADMIN_EMAIL, password: "nope-nope" },
    });
    expect(wrong.status).toBe(401);
    const res = await call("POST", "/api/v1/auth/login", { body: { email: DEMO_ADMIN_EMAIL, password: PASSWORD } });
    expect(res.status).toBe(200);
    admin = ((await res.json()) as { token: string }).token;
    const me = await call("GET", "/api/v1/me", { token: admin });
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe(DEMO_ADMIN_EMAIL);
  });

  it("pairs a kiosk tablet with its own key: its signed requests are taken, unsigned ones refused", async () => {
    const made = await call("POST", `/api/v1/agencies/${DEMO_AGENCY}/devices`, {
      token: admin,
      body: { counter: "loket-1", name: "Tablet loket 1" },
    });
    expect(made.status).toBe(200);
    const { pairingCode } = (await made.json()) as { pairingCode: string };
    const paired = await call("POST", "/api/v1/devices/pair", {
      body: { code: pairingCode, publicKey: tablet.signer.publicKey },
    });
    expect(paired.status).toBe(200);
    tablet.token = ((await paired.json()) as { token: string }).token;
    // As a tablet that was paired weeks ago, so its sync can carry a backlog of taps (bench/ingest.ts does the same).
    await remote.db.$client.execute({ sql: "UPDATE devices SET paired_at = ?", args: [Date.now() - 30 * DAY] });
    const unsigned = await call("GET", "/api/v1/counters/loket-1/duty", { token: tablet.token });
    expect(unsigned.status).toBe(401);
    const signed = await call("GET", "/api/v1/counters/loket-1/duty", { token: tablet.token, signer: tablet.signer });
    expect(signed.status).toBe(200);
  });

  it("checks an officer in at the tablet's counter with NIP and PIN", async () => {
    const [officer] = DEMO_OFFICERS;
    const wrong = await call("POST", "/api/v1/counters/loket-1/duty", {
      ...tablet,
      body: { nip: officer.nip, pin: "000000" },
    });
    expect(wrong.status).toBe(401);
    const res = await call("POST", "/api/v1/counters/loket-1/duty", {
      ...tablet,
      body: { nip: officer.nip, pin: PIN },
    });
    expect(res.status).toBe(200);
    const { duty } = (await res.json()) as { duty: { counter: string; officer: { name: string } } };
    expect(duty).toMatchObject({ counter: "loket-1", officer: { name: officer.name } });
  });

  it("stores a single tap, attributed to the officer on duty", async () => {
    const one = tap(Date.now());
    const res = await call("POST", "/api/v1/ratings", { ...tablet, body: { ratings: [one] } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { results: { status: string }[] }).results).toEqual([
      expect.objectContaining({ status: "accepted" }),
    ]);
    sent.push(one.id);
    const [row] = await remote.db
      .select({ officer: officers.nip })
      .from(ratings)
      .leftJoin(officers, eq(officers.id, ratings.officerId))
      .where(eq(ratings.id, one.id));
    expect(row.officer).toBe(DEMO_OFFICERS[0].nip);
  });

  it("stores a tablet's sync of 500 taps in one request", async () => {
    // The backlog of the past weeks, 20 s apart in the tablet's clock (none flagged rapid_repeat).
    const start = Date.now() - 29 * DAY;
    const batch = Array.from({ length: 500 }, (_, i) => tap(start + i * 20_000));
    const res = await call("POST", "/api/v1/ratings", { ...tablet, body: { ratings: batch } });
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as { results: { status: string }[] };
    expect(results.filter((r) => r.status === "accepted")).toHaveLength(500);
    sent.push(...batch.map((r) => r.id));
    const stored = await remote.db.select({ id: ratings.id }).from(ratings).where(inArray(ratings.id, sent));
    expect(stored).toHaveLength(501);
  });

  it("reports the period with every tap counted", async () => {
    const res = await call("GET", `/api/v1/agencies/${DEMO_AGENCY}/report?${range()}`, { token: admin });
    expect(res.status).toBe(200);
    const report = (await res.json()) as { taps: number; agency: { slug: string } };
    expect(report.agency.slug).toBe(DEMO_AGENCY);
    expect(report.taps).toBe(501);
  });

  it("exports the period's ratings as CSV, one row each", async () => {
    const res = await call("GET", `/api/v1/agencies/${DEMO_AGENCY}/ratings.csv?${range()}&format=raw`, {
      token: admin,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = (await res.text()).trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^id,created_at,/);
    expect(new Set(lines.slice(1).map((line) => line.split(",")[0]))).toEqual(new Set(sent));
  });

  it("runs the Cron: the daily trigger clears comments past the agency's retention, keeping the rest", async () => {
    const [service] = await remote.db
      .select({ serviceId: services.id, agencyId: services.agencyId })
      .from(services)
      .innerJoin(agencies, eq(agencies.id, services.agencyId))
      .where(eq(agencies.slug, DEMO_AGENCY));
    const comment = (age: number) => {
      const at = Date.now() - age;
      const day = new Date(at + 7 * 3_600_000).toISOString().slice(0, 10);
      const row = { ...service, id: uuidv7(at), channel: "qr" as const, overall: 2, comment: "Lama sekali" };
      return { ...row, createdAt: at, receivedAt: at, day, counted: true, batch: newId("b") };
    };
    // The demo agency keeps comments 365 days (the default).
    const old = comment(400 * DAY);
    const recent = comment(10 * DAY);
    await remote.db.insert(ratings).values([old, recent]);
    const kept = async () =>
      Object.fromEntries(
        (
          await remote.db
            .select({ id: ratings.id, comment: ratings.comment })
            .from(ratings)
            .where(inArray(ratings.id, [old.id, recent.id]))
        ).map((r) => [r.id === old.id ? "old" : "recent", r.comment]),
      );

    const other = worker.crons.find((cron) => cron !== PURGE_CRON);
    expect(other).toBeDefined();
    expect(await worker.scheduled(other as string)).toBe("ok");
    expect(await kept()).toEqual({ old: "Lama sekali", recent: "Lama sekali" });

    expect(worker.crons).toContain(PURGE_CRON);
    expect(await worker.scheduled(PURGE_CRON)).toBe("ok");
    expect(await kept()).toEqual({ old: null, recent: "Lama sekali" });
  });
});
