/** The populations agencies state per named period (db/schema/populations.ts). */
import { and, eq } from "drizzle-orm";
import type { Db } from "../client.ts";
import { agencyPopulations, users } from "../schema.ts";

/** A stated population, who stated it (their name; null once the account is deleted) and when. */
export interface StatedPopulation {
  population: number;
  statedBy: string | null;
  statedAt: number;
}

const ofPeriod = (agencyId: string, period: string) =>
  and(eq(agencyPopulations.agencyId, agencyId), eq(agencyPopulations.period, period));

/** The population the agency stated for a named period, or undefined. */
export async function statedPopulation(
  db: Db,
  agencyId: string,
  period: string,
): Promise<StatedPopulation | undefined> {
  const [row] = await db
    .select({
      population: agencyPopulations.population,
      statedBy: users.name,
      statedAt: agencyPopulations.statedAt,
    })
    .from(agencyPopulations)
    .leftJoin(users, eq(users.id, agencyPopulations.statedBy))
    .where(ofPeriod(agencyId, period));
  return row;
}

/** States (or restates) the population of a named period, by an account, now; for a batch. */
export const statePopulation = (
  db: Db,
  row: { agencyId: string; period: string; population: number; statedBy: string },
) => {
  const stated = { ...row, statedAt: Date.now() };
  return db
    .insert(agencyPopulations)
    .values(stated)
    .onConflictDoUpdate({
      target: [agencyPopulations.agencyId, agencyPopulations.period],
      set: { population: stated.population, statedBy: stated.statedBy, statedAt: stated.statedAt },
    });
};

/** Withdraws the population of a named period; for a batch. */
export const withdrawPopulation = (db: Db, agencyId: string, period: string) =>
  db.delete(agencyPopulations).where(ofPeriod(agencyId, period));
