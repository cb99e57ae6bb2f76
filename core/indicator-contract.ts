/**
 * What the API answers about volume and speed (docs/scoring.md, "Volume and speed"): the figures
 * of core/indicators.ts per agency, service, counter and officer, times only within one service.
 * Front ends import only the types.
 */
import * as z from "zod";
import { Period } from "./responses.ts";
import { OfficerIndicator } from "./score-responses.ts";

const minutes = z.number().int().nullable();
/** One kind of time of a group of visits of one service. */
const TimeFigures = z.object({
  n: z.number().int().meta({ description: "Visits whose time is known (both its ends sent, in order)" }),
  enough: z.boolean().meta({ description: "n reaches minVisits; below it no percentile is given" }),
  median: minutes.meta({
    description: "Median by nearest rank, in minutes, rounded up to its bucket (null below minVisits)",
  }),
  p90: minutes.meta({ description: "90th percentile likewise" }),
});
/** Volume of a group of visits. */
const Volume = z.object({
  visits: z.number().int().meta({ description: "Counted visits (flagged ones left out)" }),
  rated: z.number().int().meta({ description: "Counted visits a rating joined" }),
  flagged: z.number().int().meta({ description: "Visits kept but flagged implausible: in no other figure" }),
  enough: z.boolean().meta({ description: "visits reaches minVisits; below it no response rate is given" }),
  responseRate: z.number().nullable().meta({ description: "rated ÷ visits, 0–1 (null below minVisits)" }),
});
/** Volume and speed of a group of visits of one service. */
const Indicator = Volume.extend({
  waitTime: TimeFigures.meta({ description: "From taking the number to being called (else served)" }),
  serviceTime: TimeFigures.meta({ description: "From being served (else called) to finished" }),
});
/** A group's indicator for one service, beside the agency's for the same service: the only comparison of times made. */
const ServiceBeside = z.object({
  service: z.string().meta({ description: "The service's slug" }),
  name: z.string(),
  own: Indicator,
  agency: Indicator.meta({ description: "The agency's figure for the same service and period" }),
});
const services = z
  .array(ServiceBeside)
  .meta({ description: "Per service the group served, by service name; times are never mixed across services" });

/** An officer's volume and speed, per service beside the agency's. */
export const OfficerIndicatorsResponse = z
  .object({
    period: Period,
    minVisits: z.number().int(),
    officer: z.object({ id: z.string(), name: z.string(), nip: z.string() }),
    volume: Volume.meta({ description: "All the officer's visits of the period, every service" }),
    services,
    satisfaction: OfficerIndicator.meta({
      description:
        "The officer's satisfaction indicator as GET /me/score gives it (docs/scoring.md, The officer indicator)",
    }),
  })
  .meta({ id: "OfficerIndicators" });
/** An officer's volume and speed, per service beside the agency's. */
export type OfficerIndicators = z.infer<typeof OfficerIndicatorsResponse>;

/** An agency's volume and speed by service, counter and officer. */
export const AgencyIndicatorsResponse = z
  .object({
    period: Period,
    minVisits: z.number().int(),
    volume: Volume.meta({ description: "All the agency's visits of the period" }),
    byService: z.array(Indicator.extend({ service: z.string(), name: z.string() })),
    byCounter: z.array(z.object({ counter: z.string(), name: z.string(), volume: Volume, services })),
    byOfficer: z.array(
      z.object({
        officer: z.string(),
        name: z.string(),
        volume: Volume,
        services,
        satisfaction: OfficerIndicator.nullable().meta({
          description: "The report's byOfficer entry for this officer (null when no rating is credited to them)",
        }),
      }),
    ),
  })
  .meta({ id: "AgencyIndicators" });
/** An agency's volume and speed by service, counter and officer. */
export type AgencyIndicators = z.infer<typeof AgencyIndicatorsResponse>;
/** Volume and speed of one group of visits of one service. */
export type Indicator = z.infer<typeof Indicator>;
/** Volume of a group of visits. */
export type Volume = z.infer<typeof Volume>;
/** A group's indicator for one service beside the agency's. */
export type ServiceBeside = z.infer<typeof ServiceBeside>;
