/**
 * The demo's queue log (docs/design.md, "Demo data"): the visits its counters served on the demo's
 * duty days, so the indicators have something to show. Each kiosk rating of the demo rated the
 * visit that finished just before its tap (its rating_id and rated_at, and the rating's visit_id); as many again or
 * more were served unrated, so the response rate lands around 30–60%. Times are drawn around each
 * service's own typical waiting and service time, a handful of visits are implausible (kept,
 * flagged), and one officer has fewer visits than the minimum, so "data belum cukup" shows too.
 * Loaded in bulk: multi-row inserts, then the visit rollups rebuilt once.
 */

import { getTableColumns, sql } from "drizzle-orm";
import { localDay, type Timezone } from "../core/period.ts";
import { type CounterHours, type VisitTimes, visitInstant, visitMeasures } from "../core/visits.ts";
import type { Db } from "./client.ts";
import { rebuildVisitRollups } from "./queries/visit-rollups.ts";
import type { VisitSource } from "./schema/visits.ts";
import { visits } from "./schema.ts";

/** A visit as a sender gives it, before the server works out its buckets, day and flags. */
export interface VisitFields {
  agencyId: string;
  id: string;
  serviceId: string;
  counterId: string | null;
  officerId: string | null;
  queueNumber?: string | null;
  times: VisitTimes;
  /** The first counted rating that joined it, and when (none: not rated). */
  rating?: { id: string; at: number } | null;
  source?: VisitSource;
  receivedAt?: number;
  batch?: string;
}

/** A visit's row, every column filled. */
export type VisitRow = Required<typeof visits.$inferInsert>;

/**
 * The row of a visit as stored: its times' buckets, its local day, its flags and whether it
 * counts, by the rules of core/visits.ts (what tests and the demo insert in bulk).
 */
export function visitRow(v: VisitFields, counter: CounterHours | null, timezone: Timezone): VisitRow {
  const instant = visitInstant(v.times) ?? v.receivedAt ?? 0;
  return {
    agencyId: v.agencyId,
    id: v.id,
    serviceId: v.serviceId,
    counterId: v.counterId,
    officerId: v.officerId,
    officerNamed: false,
    queueNumber: v.queueNumber ?? null,
    ...v.times,
    ...visitMeasures(v.times, counter, timezone),
    source: v.source ?? "integration",
    issuer: null,
    ratingId: v.rating?.id ?? null,
    ratedAt: v.rating?.at ?? null,
    receivedAt: v.receivedAt ?? (v.times.finishedAt ?? instant) + 60_000,
    batch: v.batch ?? "seed",
  };
}

/**
 * Inserts visit rows in bulk and rebuilds the agency's visit rollups once: thousands of rows a
 * statement, read by SQLite from one JSON parameter (drizzle's builder binds every value on its own,
 * which made the demo's seeding several times slower).
 */
export async function insertVisits(db: Db, agencyId: string, rows: VisitRow[]) {
  // Every column of the table, so a column added later is never left out of the demo's rows.
  const columns = Object.entries(getTableColumns(visits)).map(
    ([key, column]) => [column.name, key as keyof VisitRow] as const,
  );
  const values = columns.map(([name], i) => (name === "flags" ? `json_extract(value, '$[${i}]')` : `value ->> ${i}`));
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = rows
      .slice(i, i + 5000)
      .map((row) => columns.map(([, key]) => (typeof row[key] === "boolean" ? Number(row[key]) : (row[key] ?? null))));
    await db.run(
      sql`INSERT INTO visits (${sql.raw(columns.map(([name]) => name).join(", "))}) SELECT ${sql.raw(values.join(", "))} FROM json_each(${JSON.stringify(chunk)})`,
    );
  }
  await rebuildVisitRollups(db, agencyId);
}

/** Typical waiting and service time in minutes per demo service slug: a KTP is quicker than a move of domicile. */
const TYPICAL: Record<string, [wait: number, service: number]> = {
  "ktp-el": [12, 7],
  "kartu-keluarga": [9, 10],
  "akta-kelahiran": [15, 12],
  "pindah-datang": [20, 16],
};

/** What the demo's queue log is made from: seed.ts's rows. */
export interface DemoQueue {
  agencyId: string;
  timezone: Timezone;
  services: { id: string; slug: string }[];
  counters: { id: string; code: string; opensAt?: string; closesAt?: string }[];
  /** Service ids given at each counter, by counter id. */
  servicesAt: Map<string, string[]>;
  duties: { counterId: string; officerId: string; startedAt: number; endedAt?: number | null }[];
  /** The demo's kiosk ratings; each gets the visit it rated (`visitId`). */
  ratings: { id: string; counterId?: string | null; serviceId: string; createdAt: number; visitId?: string | null }[];
  /** The officer whose duties are logged only on their last day, and only a few visits of it. */
  fewVisitsOfficer: string;
  random: () => number;
}

/** Minutes drawn around a typical value: most near it, a few two or three times as long. */
const around = (typical: number, random: () => number) =>
  typical * Math.exp((random() + random() + random() - 1.5) * 0.9);

/** Visits per duty of the officer with few: below MIN_VISITS (30) for any period. */
const FEW_VISITS = 18;

/**
 * Makes the demo's queue log from its duties and kiosk ratings, sets each rating's visit, inserts
 * the visits and rebuilds their rollups. Returns how many visits it stored.
 */
export async function seedVisits(db: Db, q: DemoQueue): Promise<number> {
  const slugOf = new Map(q.services.map((s) => [s.id, s.slug]));
  const byCounterDay = new Map<string, DemoQueue["ratings"]>();
  for (const r of q.ratings) {
    if (!r.counterId) continue;
    const key = `${r.counterId}|${localDay(r.createdAt, q.timezone)}`;
    byCounterDay.set(key, [...(byCounterDay.get(key) ?? []), r]);
  }
  const lastFew = Math.max(0, ...q.duties.filter((d) => d.officerId === q.fewVisitsOfficer).map((d) => d.startedAt));
  const rows: VisitRow[] = [];
  let k = 0;
  for (const duty of q.duties) {
    if (!duty.endedAt) continue;
    const few = duty.officerId === q.fewVisitsOfficer;
    // The officer with few visits: their earlier duties were on the old queue machine, whose log was not kept.
    if (few && duty.startedAt !== lastFew) continue;
    const counter = q.counters.find((c) => c.id === duty.counterId)!;
    const hours = { opensAt: counter.opensAt ?? "08:00", closesAt: counter.closesAt ?? "16:00" };
    const day = localDay(duty.startedAt, q.timezone);
    const rated = (byCounterDay.get(`${duty.counterId}|${day}`) ?? []).filter(
      (r) => r.createdAt >= duty.startedAt && r.createdAt <= (duty.endedAt ?? 0),
    );
    const unrated = Math.round(rated.length * (0.7 + q.random() * 1.6));
    const given = q.servicesAt.get(duty.counterId) ?? [];
    const span = duty.endedAt - duty.startedAt;
    const served = [
      ...rated.map((r) => ({ finishedAt: r.createdAt - 20_000 - Math.floor(q.random() * 100_000), rating: r })),
      ...Array.from({ length: unrated }, () => ({
        finishedAt: duty.startedAt + 600_000 + Math.floor(q.random() * (span - 600_000)),
        rating: null as DemoQueue["ratings"][number] | null,
      })),
    ]
      .sort((a, b) => a.finishedAt - b.finishedAt)
      .slice(0, few ? FEW_VISITS : undefined);
    let previous = duty.startedAt;
    served.forEach(({ finishedAt, rating }, i) => {
      k++;
      const serviceId = rating?.serviceId ?? given[Math.floor(q.random() * given.length)];
      const [typicalWait, typicalService] = TYPICAL[slugOf.get(serviceId) ?? ""] ?? [10, 10];
      // One citizen at a time: service starts when the previous one left, or later.
      const servedAt = Math.min(
        finishedAt - 30_000,
        Math.max(previous + 30_000, finishedAt - Math.round(around(typicalService, q.random) * 60_000)),
      );
      const calledAt = servedAt - 15_000 - Math.floor(q.random() * 45_000);
      const times: VisitTimes = {
        // Now and then the machine lost the ticket's time: no waiting time for that visit.
        takenAt: k % 23 === 0 ? null : calledAt - Math.round(around(typicalWait, q.random) * 60_000),
        calledAt,
        servedAt,
        finishedAt,
      };
      // A handful of implausible visits, kept and flagged: a finish logged before service, a ticket never closed.
      if (k % 401 === 0) times.finishedAt = (times.servedAt ?? calledAt) - 180_000;
      if (k % 997 === 0) times.finishedAt = (times.servedAt ?? calledAt) + 13 * 3_600_000;
      previous = Math.max(previous, finishedAt);
      const id = `${day}-${counter.code}-${String(i + 1).padStart(3, "0")}`;
      if (rating) rating.visitId = id;
      rows.push(
        visitRow(
          {
            agencyId: q.agencyId,
            id,
            serviceId,
            counterId: duty.counterId,
            officerId: duty.officerId,
            queueNumber: `${"ABCD"[q.services.findIndex((s) => s.id === serviceId)] ?? "A"}${String(i + 1).padStart(3, "0")}`,
            times,
            rating: rating && { id: rating.id, at: rating.createdAt },
          },
          hours,
          q.timezone,
        ),
      );
    });
  }
  await insertVisits(db, q.agencyId, rows);
  return rows.length;
}
