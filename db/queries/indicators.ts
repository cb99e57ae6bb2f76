/**
 * Volume and speed per agency, service, counter and officer for a period (docs/scoring.md,
 * "Volume and speed"), read from the daily visit rollups, so the cost follows days, not visits.
 * Times are compared within one service only: a counter's or an officer's figures come per
 * service, each beside the agency's for that same service, and nothing orders people across services.
 */
import { eq, inArray } from "drizzle-orm";
import { indicatorFigures, volumeFigures } from "../../core/indicators.ts";
import type { Period } from "../../core/period.ts";
import type { Db } from "../client.ts";
import { counters, officers, services } from "../schema.ts";
import { addVisitSums, emptyVisitSums, readVisitRollups, type VisitGroup, type VisitSums } from "./visit-rollups.ts";

/** Sums of groups per key. */
function sumBy(groups: VisitGroup[], key: (g: VisitGroup) => string): Map<string, VisitSums> {
  const out = new Map<string, VisitSums>();
  for (const g of groups) {
    const k = key(g);
    out.set(k, addVisitSums(out.get(k) ?? emptyVisitSums(), g));
  }
  return out;
}

/** A service's slug and name by id. */
type ServiceNames = Map<string, { slug: string; name: string }>;

/** A group's figures per service it served, each beside the agency's for the same service, by service name. */
function besideAgency(own: Map<string, VisitSums>, agency: Map<string, VisitSums>, names: ServiceNames) {
  return [...own]
    .map(([id, sums]) => ({
      service: names.get(id)?.slug ?? id,
      name: names.get(id)?.name ?? id,
      own: indicatorFigures(sums),
      agency: indicatorFigures(agency.get(id) ?? emptyVisitSums()),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Slugs and names of an agency's services (archived ones included: their visits still count). */
async function serviceNames(db: Db, where: { agencyId: string } | { ids: string[] }): Promise<ServiceNames> {
  const rows = await db
    .select({ id: services.id, slug: services.slug, name: services.name })
    .from(services)
    .where("agencyId" in where ? eq(services.agencyId, where.agencyId) : inArray(services.id, where.ids));
  return new Map(rows.map((r) => [r.id, { slug: r.slug, name: r.name }]));
}

/** Per counter or officer ('' left out: visits with no counter or officer count for the agency only). */
function perGroup(
  groups: VisitGroup[],
  key: (g: VisitGroup) => string,
  agency: Map<string, VisitSums>,
  names: ServiceNames,
) {
  const out = new Map<string, VisitGroup[]>();
  for (const g of groups) {
    const k = key(g);
    if (k !== "") out.set(k, [...(out.get(k) ?? []), g]);
  }
  return [...out].map(([id, own]) => ({
    id,
    volume: volumeFigures(own.reduce((acc, g) => addVisitSums(acc, g), emptyVisitSums())),
    services: besideAgency(
      sumBy(own, (g) => g.serviceId),
      agency,
      names,
    ),
  }));
}

/** An agency's volume and speed for a period: overall volume, per service, per counter and per officer. */
export async function agencyIndicators(db: Db, agencyId: string, period: Period) {
  const [groups, names, counterRows, officerRows] = await Promise.all([
    readVisitRollups(db, { agencyId, from: period.from, to: period.to }, ["service", "counter", "officer"]),
    serviceNames(db, { agencyId }),
    db
      .select({ id: counters.id, code: counters.code, name: counters.name })
      .from(counters)
      .where(eq(counters.agencyId, agencyId)),
    db.select({ id: officers.id, name: officers.name }).from(officers).where(eq(officers.agencyId, agencyId)),
  ]);
  const byService = sumBy(groups, (g) => g.serviceId);
  return {
    volume: volumeFigures(groups.reduce((acc, g) => addVisitSums(acc, g), emptyVisitSums())),
    byService: [...byService]
      .map(([id, sums]) => ({
        service: names.get(id)?.slug ?? id,
        name: names.get(id)?.name ?? id,
        ...indicatorFigures(sums),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    byCounter: perGroup(groups, (g) => g.counterId, byService, names)
      .map(({ id, ...figures }) => {
        const counter = counterRows.find((c) => c.id === id);
        return { counter: counter?.code ?? id, name: counter?.name ?? id, ...figures };
      })
      .sort((a, b) => a.counter.localeCompare(b.counter)),
    byOfficer: perGroup(groups, (g) => g.officerId, byService, names)
      .map(({ id, ...figures }) => ({
        officer: id,
        name: officerRows.find((o) => o.id === id)?.name ?? id,
        ...figures,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/**
 * An officer's volume and speed for a period: their volume, and per service they served their
 * figures beside the agency's for that service. Two rollup reads: the officer's days (by its
 * officer index) and the agency's days.
 */
export async function officerIndicators(db: Db, officer: { id: string; agencyId: string }, period: Period) {
  const [own, agency] = await Promise.all([
    readVisitRollups(db, { officerId: officer.id, from: period.from, to: period.to }, ["service"]),
    readVisitRollups(db, { agencyId: officer.agencyId, from: period.from, to: period.to }, ["service"]),
  ]);
  const names = await serviceNames(db, { ids: own.map((g) => g.serviceId) });
  return {
    volume: volumeFigures(own.reduce((acc, g) => addVisitSums(acc, g), emptyVisitSums())),
    services: besideAgency(
      sumBy(own, (g) => g.serviceId),
      sumBy(agency, (g) => g.serviceId),
      names,
    ),
  };
}
