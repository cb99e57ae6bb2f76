/**
 * What a visits call reads before deciding on each visit (db/queries/visit-ingest.ts): the ids already
 * stored, the agency's services and counters, the officers it names, the duties that cover its
 * visits, and for the joins the counted visits and unjoined kiosk taps at its counters and the
 * ratings from tickets made for its visits. Plain SQL, one batch, as db/queries/ingest-context.ts reads for ratings.
 */
import type { InStatement } from "@libsql/client";
import type { Timezone } from "../../core/period.ts";
import type { VisitInput } from "../../core/visit-contract.ts";
import { JOIN_LOOKBACK_MS, type JoinableVisit, OPEN_VISIT_MS, TAP_GRACE_MS } from "../../core/visit-join.ts";
import { type VisitTimes, visitInstant } from "../../core/visits.ts";
import type { SqlRow } from "../embedded.ts";
import { unique } from "./ingest-context.ts";

/** The agency the visits are for. */
export interface VisitAgency {
  id: string;
  timezone: Timezone;
}

const IN = "IN (SELECT value FROM json_each(?))";
const text = (row: SqlRow, column: string) => row[column] as string;
const maybe = (row: SqlRow, column: string) => (row[column] ?? null) as string | null;
const num = (row: SqlRow, column: string) => Number(row[column]);
const maybeNum = (row: SqlRow, column: string) => (row[column] === null ? null : Number(row[column]));

export interface CounterRow {
  id: string;
  code: string;
  opensAt: string;
  closesAt: string;
  archivedAt: number | null;
}
export interface VisitContext {
  stored: Set<string>;
  services: Map<string, { id: string; archivedAt: number | null }>;
  counters: Map<string, CounterRow>;
  officers: Map<string, string>;
  duties: { counterId: string; officerId: string; startedAt: number; endedAt: number | null }[];
  /** Counted visits stored before, by counter: the kiosk join reads them beside the new ones. */
  visitsAt: Map<string, JoinableVisit[]>;
  /** Kiosk taps at the call's counters not joined to a visit yet. */
  taps: { id: string; counterId: string; createdAt: number }[];
  /** Ratings from tickets made for the call's visits. */
  ticketRatings: { id: string; visitId: string; officerId: string | null }[];
}

export const timesOf = (v: VisitInput): VisitTimes => ({
  takenAt: v.takenAt ? Date.parse(v.takenAt) : null,
  calledAt: v.calledAt ? Date.parse(v.calledAt) : null,
  servedAt: v.servedAt ? Date.parse(v.servedAt) : null,
  finishedAt: v.finishedAt ? Date.parse(v.finishedAt) : null,
});

/** The reads one call needs, in one transaction. */
export function visitReads(agency: VisitAgency, inputs: VisitInput[]): InStatement[] {
  const ids = JSON.stringify(unique(inputs.map((v) => v.id)));
  const codes = JSON.stringify(unique(inputs.map((v) => v.counter)));
  const instants = inputs.map((v) => visitInstant(timesOf(v))).filter((t): t is number => t !== null);
  const ends = inputs.flatMap((v) => {
    const t = timesOf(v);
    return [t.finishedAt, t.servedAt, t.calledAt].filter((x): x is number => x !== null);
  });
  const first = Math.min(...instants);
  const last = Math.max(...instants, ...ends);
  const counterIds = `SELECT id FROM counters WHERE agency_id = ? AND code ${IN}`;
  return [
    { sql: `SELECT id FROM visits WHERE agency_id = ? AND id ${IN}`, args: [agency.id, ids] },
    { sql: "SELECT id, slug, archived_at FROM services WHERE agency_id = ?", args: [agency.id] },
    { sql: "SELECT id, code, opens_at, closes_at, archived_at FROM counters WHERE agency_id = ?", args: [agency.id] },
    {
      sql: `SELECT id, nip FROM officers WHERE agency_id = ? AND nip ${IN}`,
      args: [agency.id, JSON.stringify(unique(inputs.map((v) => v.officer)))],
    },
    {
      sql: `SELECT counter_id, officer_id, started_at, ended_at FROM duties
        WHERE counter_id IN (${counterIds}) AND started_at <= ? AND (ended_at IS NULL OR ended_at > ?)`,
      args: [agency.id, codes, last, first],
    },
    {
      sql: `SELECT id, counter_id, started_at, finished_at FROM visits INDEXED BY visits_counter_started
        WHERE counter_id IN (${counterIds}) AND started_at BETWEEN ? AND ? AND counted = 1`,
      args: [agency.id, codes, first - JOIN_LOOKBACK_MS, last + OPEN_VISIT_MS],
    },
    {
      sql: `SELECT r.id, d.counter_id, r.created_at FROM ratings r INDEXED BY ratings_device_time
        JOIN devices d ON d.id = r.device_id
        WHERE r.device_id IN (SELECT id FROM devices WHERE counter_id IN (${counterIds}))
        AND r.created_at BETWEEN ? AND ? AND r.visit_id IS NULL AND r.counted = 1`,
      args: [agency.id, codes, first, last + Math.max(TAP_GRACE_MS, OPEN_VISIT_MS)],
    },
    {
      sql: `SELECT id, visit_id, officer_id FROM ratings WHERE agency_id = ? AND visit_id ${IN}`,
      args: [agency.id, ids],
    },
  ];
}

export function parseVisitContext(answers: SqlRow[][]): VisitContext {
  const [stored, services, counters, officers, duties, visitsAt, taps, ticketRatings] = answers;
  const context: VisitContext = {
    stored: new Set(stored.map((r) => text(r, "id"))),
    services: new Map(
      services.map((r) => [text(r, "slug"), { id: text(r, "id"), archivedAt: maybeNum(r, "archived_at") }]),
    ),
    counters: new Map(
      counters.map((r) => [
        text(r, "code"),
        {
          id: text(r, "id"),
          code: text(r, "code"),
          opensAt: text(r, "opens_at"),
          closesAt: text(r, "closes_at"),
          archivedAt: maybeNum(r, "archived_at"),
        },
      ]),
    ),
    officers: new Map(officers.map((r) => [text(r, "nip"), text(r, "id")])),
    duties: duties.map((r) => ({
      counterId: text(r, "counter_id"),
      officerId: text(r, "officer_id"),
      startedAt: num(r, "started_at"),
      endedAt: maybeNum(r, "ended_at"),
    })),
    visitsAt: new Map(),
    taps: taps.map((r) => ({ id: text(r, "id"), counterId: text(r, "counter_id"), createdAt: num(r, "created_at") })),
    ticketRatings: ticketRatings.map((r) => ({
      id: text(r, "id"),
      visitId: text(r, "visit_id"),
      officerId: maybe(r, "officer_id"),
    })),
  };
  for (const r of visitsAt) {
    const counterId = text(r, "counter_id");
    const visit = { id: text(r, "id"), startedAt: num(r, "started_at"), finishedAt: maybeNum(r, "finished_at") };
    context.visitsAt.set(counterId, [...(context.visitsAt.get(counterId) ?? []), visit]);
  }
  return context;
}
