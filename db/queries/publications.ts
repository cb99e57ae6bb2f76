/**
 * Published SKM results (db/schema/publications.ts; docs/design.md, "Publications"): the
 * snapshot a publication freezes, the statements that publish it, and what readers list.
 */
import { and, desc, eq, getTableColumns, isNull } from "drizzle-orm";
import type { Period } from "../../core/period.ts";
import type { PublicationSnapshot } from "../../core/publication-contract.ts";
import { IKM_METHOD, ikmStanding } from "../../core/scoring.ts";
import type { Db } from "../client.ts";
import { followUps, publications, users } from "../schema.ts";
import { followUpsOf } from "./follow-ups.ts";
import { statedPopulation } from "./populations.ts";
import { agencyReport } from "./reports.ts";

/**
 * The figures of a named period as a publication freezes them: the report's unit and per-service
 * figures (never per counter or officer), the sample against the population stated for the period
 * (or the unknown population's 384, as the overview states it), the method and the period's RTL.
 */
export async function periodSnapshot(db: Db, agencyId: string, period: Period): Promise<PublicationSnapshot> {
  const stated = await statedPopulation(db, agencyId, period.label);
  const [report, plan] = await Promise.all([
    agencyReport(db, agencyId, period, { population: stated?.population }),
    followUpsOf(db, agencyId, period.label),
  ]);
  const { population, required, respondents, shortfall } = report.sampleSize;
  return {
    period: report.period,
    respondents: report.respondents,
    taps: report.taps,
    elements: report.elements,
    ikm: report.ikm,
    missingElements: report.missingElements,
    quick: report.quick,
    byService: report.byService.map(({ service, name, respondents, taps, elements, ikm, missingElements, quick }) => ({
      service,
      name,
      respondents,
      taps,
      elements,
      ikm,
      missingElements,
      quick,
    })),
    sampleSize: { population, required, respondents, shortfall },
    standing: ikmStanding(report.ikm !== null, report.sampleSize),
    method: IKM_METHOD,
    followUps: plan.map(({ id, element, action, due, responsible, status, note }) => ({
      id,
      element,
      action,
      due,
      responsible,
      status,
      note,
    })),
  };
}

/** A new publication of a period. */
export interface NewPublication {
  id: string;
  agencyId: string;
  period: string;
  snapshot: PublicationSnapshot;
  publishedBy: string;
  publishedAt: number;
}

/**
 * The statements that publish, for one batch: the period's current publication (if any) becomes
 * superseded by the new one, then the new one is written. The unique index on the current one
 * makes a second publisher of the same moment fail rather than leave two current.
 */
export const publishStatements = (db: Db, row: NewPublication) =>
  [
    db
      .update(publications)
      .set({ supersededAt: row.publishedAt, supersededBy: row.id })
      .where(
        and(
          eq(publications.agencyId, row.agencyId),
          eq(publications.period, row.period),
          isNull(publications.supersededAt),
        ),
      ),
    db.insert(publications).values(row),
  ] as const;

/** An agency's publications, newest first, with their snapshots and the publisher's name. */
export function publicationsOf(db: Db, agencyId: string) {
  // Every column, the publisher named instead of their account's id.
  return db
    .select({ ...getTableColumns(publications), publishedBy: users.name })
    .from(publications)
    .leftJoin(users, eq(users.id, publications.publishedBy))
    .where(eq(publications.agencyId, agencyId))
    .orderBy(desc(publications.publishedAt), desc(publications.id));
}

/** A publication as publicationsOf reads it. */
export type PublicationRow = Awaited<ReturnType<typeof publicationsOf>>[number];

/** Where each of an agency's RTL rows stands now, by id: a published plan's progress since. */
export async function followUpProgress(db: Db, agencyId: string) {
  const rows = await db
    .select({ id: followUps.id, status: followUps.status, note: followUps.note })
    .from(followUps)
    .where(eq(followUps.agencyId, agencyId));
  return new Map(rows.map(({ id, ...now }) => [id, now]));
}
