/**
 * What the visits API tests share: a day of the past to log visits on, and calls that send visits, read
 * their results, put an officer on duty and sum the rollups. Used only by *.test.ts files.
 */
import { eq, sql } from "drizzle-orm";
import { expect } from "vitest";
import { localDay } from "../core/period.ts";
import { counters, duties, visitRollups } from "../db/schema.ts";
import { AGENCY_PATH, type testApp } from "../worker/test-app.ts";

type App = Awaited<ReturnType<typeof testApp>>;

/** Yesterday in the demo agency's timezone: visits of a day log, all in the past. */
export const day = localDay(Date.now() - 24 * 3_600_000, "Asia/Jakarta");
/** An instant of that day, local time HH:MM. */
export const at = (hhmm: string) => `${day}T${hhmm}:00+07:00`;
/** POST /agencies/{slug}/visits of the demo agency. */
export const visitsPath = `${AGENCY_PATH}/visits`;

/** Sends visits as `token`. */
export const sendVisits = (t: App, token: string, list: Record<string, unknown>[]) =>
  t.call("POST", visitsPath, { token, body: { visits: list } });

/** The per-visit results of a 200 answer. */
export async function visitResults(res: Response) {
  expect(res.status).toBe(200);
  return (
    (await res.json()) as { results: { id: string; status: string; flags?: string[]; error?: { code: string } }[] }
  ).results;
}

/** A new integration key of the demo agency, made by its admin. */
export const integrationKey = async (t: App, admin: string) =>
  (
    (await (
      await t.call("POST", `${AGENCY_PATH}/integration-keys`, { token: admin, body: { name: "Mesin antrian" } })
    ).json()) as {
      secret: string;
    }
  ).secret;

/** A demo counter's id by its code. */
export const counterId = async (t: App, code: string) =>
  (await t.db.select().from(counters).where(eq(counters.code, code))).find((c) => c.code === code)!.id;

/** Puts an officer on duty at a counter that day, from HH:MM to HH:MM (null: still open). */
export const dutyAt = async (t: App, code: string, nip: string, from: string, to: string | null) =>
  t.db.insert(duties).values({
    id: `dut_${code}_${from}`,
    counterId: await counterId(t, code),
    officerId: await t.officerId(nip),
    startedAt: Date.parse(at(from)),
    endedAt: to === null ? null : Date.parse(at(to)),
    startedVia: "tablet",
  });

/** The agency's visit rollups summed: counted visits, rated ones and flagged ones. */
export async function visitTotals(t: App) {
  const [row] = await t.db
    .select({
      visits: sql<number>`coalesce(sum(${visitRollups.visits}), 0)`,
      rated: sql<number>`coalesce(sum(${visitRollups.rated}), 0)`,
      flagged: sql<number>`coalesce(sum(${visitRollups.flagged}), 0)`,
    })
    .from(visitRollups);
  return row;
}
