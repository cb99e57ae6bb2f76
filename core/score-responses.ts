/**
 * What the API answers about scores: the SKM summary of a slice of ratings, the
 * report, an officer's indicator, comments, the respondent
 * profile and flagged ratings (see responses.ts for the rest). Front ends import
 * only the types.
 */
import * as z from "zod";
import { CHANNELS } from "./channels.ts";
import { ContestState } from "./contest-contract.ts";
import { FLAGS } from "./flags.ts";
import { ELEMENT_IDS } from "./questionnaire.ts";
import { CommentReply } from "./reply-contract.ts";
import { AgencyListing, iso, mutu, Period } from "./responses.ts";
import { OFFICER_ELEMENTS, type OfficerElementId } from "./scoring.ts";

/** An element's figures: n, NRR (4 decimals) and element score (2 decimals). */
const element = z.object({
  n: z.number().int(),
  nrr: z.number().nullable().meta({ description: "NRR: the element's answers summed ÷ its respondents" }),
  score: z.number().nullable().meta({ description: "Element score: NRR × 25" }),
});
/** The unit's IKM: the converted value, its grade and performance label. */
const Ikm = z.object({
  value: z.number().meta({ description: "IKM converted to 25–100 with the exact 1/9 weight" }),
  mutu,
  kinerja: z.string().meta({ example: "Sangat Baik" }),
  method: z.string().meta({ description: "The formula and regulation, in words" }),
  value011: z.number().meta({ description: "The same with the 0.11 weight many spreadsheets use: a comparison" }),
  value011Method: z.string(),
});
const ikm = Ikm.nullable().meta({ description: "Null until all 9 elements have answers in the period" });
const quick = z
  .object({ n: z.number().int(), index: z.number().nullable(), band: mutu.nullable() })
  .meta({ description: "The quick index of the one-tap faces (mean × 25), never the official IKM" });
/** The SKM figures of a slice of ratings. */
export const Summary = z.object({
  respondents: z.number().int().meta({ description: "Ratings that answered at least one element: the SKM sample" }),
  taps: z.number().int().meta({ description: "Face-only ratings, counted apart (the quick index)" }),
  elements: z.object(
    Object.fromEntries(ELEMENT_IDS.map((e) => [e, element])) as Record<(typeof ELEMENT_IDS)[number], typeof element>,
  ),
  ikm,
  missingElements: z.array(z.enum(ELEMENT_IDS)),
  quick,
});
/** The figures of an agency listed side by side with the others of its region. */
const AgencyFigures = z.object({
  period: Period,
  respondents: z.number().int(),
  taps: z.number().int(),
  ikm,
  quick,
});
export const AgenciesResponse = z
  .object({ agencies: z.array(AgencyListing.extend({ figures: AgencyFigures })) })
  .meta({ id: "Agencies" });
/** One officer's indicator on the 25–100 scale. */
export const OfficerIndicator = z.object({
  n: z.number().int(),
  index: z.number().nullable().meta({ description: "The officer's mean × 25" }),
  ci95: z
    .tuple([z.number(), z.number()])
    .nullable()
    .meta({ description: "95% Wilson score interval on (mean − 1)/3, mapped to 25–100" }),
  fair: z.number().nullable().meta({ description: "(n·mean + k·unitMean)/(n + k) × 25" }),
  band: mutu.nullable().meta({ description: "The fair score's band; null below the minimum n" }),
  enough: z.boolean().meta({ description: "Whether n reaches the minimum for a band" }),
});
/** The figures of the elements about the officer (OFFICER_ELEMENTS). */
const officerElements = z.object(
  Object.fromEntries(OFFICER_ELEMENTS.map((e) => [e, element])) as Record<OfficerElementId, typeof element>,
);
export const ReportResponse = Summary.extend({
  agency: z.object({ slug: z.string(), name: z.string() }),
  period: Period,
  trend: z
    .array(
      z.object({
        month: z.string().meta({ example: "2026-11" }),
        respondents: z.number().int(),
        taps: z.number().int(),
        quick,
        ikm,
      }),
    )
    .meta({ description: "Month by month within the period" }),
  sampleSize: z.object({
    population: z.number().int().nullable(),
    populationSource: z.enum(["stated", "query"]).nullable().meta({
      description:
        "Where the population came from: stated by the agency for this named period (PUT …/populations/{period}), the report's `population=`, or none (384 assumed)",
    }),
    statedBy: z
      .string()
      .nullable()
      .meta({ description: "Who stated it (null when not stated, or the account is gone)" }),
    statedAt: iso.nullable().meta({ description: "When it was stated" }),
    required: z.number().int().meta({ description: "Krejcie & Morgan (1970)" }),
    respondents: z.number().int(),
    shortfall: z.number().int(),
  }),
  byService: z.array(Summary.extend({ service: z.string(), name: z.string() })),
  byCounter: z.array(Summary.extend({ counter: z.string(), name: z.string() })),
  byOfficer: z.array(OfficerIndicator.extend({ officer: z.string(), name: z.string() })),
}).meta({ id: "Report" });
/** A population the agency stated for a named period. */
export const StatedPopulationResponse = z
  .object({
    period: z.string().meta({ example: "2026-S2" }),
    population: z.number().int().nullable().meta({ description: "Null once withdrawn" }),
    statedBy: z.string().nullable(),
    statedAt: iso.nullable(),
  })
  .meta({ id: "StatedPopulation" });
export const OfficerScoreResponse = OfficerIndicator.extend({
  period: Period,
  officer: z.string(),
  name: z.string(),
  nip: z.string(),
  position: z.string(),
  agency: z.object({ slug: z.string(), name: z.string() }),
  dutyHours: z.number().meta({ description: "Hours on duty at counters within the period" }),
  unitIndex: z.number().nullable().meta({ description: "The unit's mean officer value × 25, for comparison" }),
  trend: z.array(OfficerIndicator.extend({ month: z.string().meta({ example: "2026-11" }) })),
  faces: z
    .tuple([z.number().int(), z.number().int(), z.number().int(), z.number().int()])
    .meta({ description: "How many of the officer's counted ratings chose each face, 1 to 4" }),
  elements: officerElements.meta({ description: "The two elements about the officer: theirs" }),
  unitElements: officerElements.meta({ description: "The same, the unit's" }),
  minN: z.number().int(),
  k: z.number(),
  intervalMethod: z.string(),
  selfIssued: z.object({ n: z.number().int(), index: z.number().nullable() }).meta({
    description:
      "Ratings from tickets the officer made for themself (self_issued, not excluded): their number and quick " +
      "index, shown apart; they count for the unit, never for n, fair or band (no one else vouched for the service)",
  }),
}).meta({ id: "OfficerScore" });
/** The visit a commented rating joined: how long its citizen waited and was served. */
const RatedVisit = z
  .object({
    waitMinutes: z.number().int().nullable(),
    serviceMinutes: z.number().int().nullable(),
  })
  .nullable()
  .meta({
    description:
      'The queue visit the rating joined (docs/scoring.md, "Volume and speed"): waiting and service time in minutes, rounded up to the indicators\' buckets; null when it joined none',
  });
export const CommentsResponse = z
  .object({
    period: Period,
    page: z.number().int(),
    more: z.boolean().meta({ description: "Whether a next page exists" }),
    comments: z.array(
      z.object({
        id: z.string().meta({ description: "The rating's id, which POST /me/ratings/{id}/contest names" }),
        comment: z.string().nullable(),
        overall: z.number().int().nullable(),
        service: z.string(),
        createdAt: iso,
        channel: z.enum(CHANNELS),
        contest: ContestState.nullable().meta({ description: "The officer's contest of this rating and its decision" }),
        reply: CommentReply.nullable().meta({ description: "The officer's reply (POST /me/comments/{id}/reply)" }),
        visit: RatedVisit,
      }),
    ),
  })
  .meta({ id: "Comments" });
/** An agency's comments, as its admins and supervisors read them. */
export const AgencyCommentsResponse = z
  .object({
    period: Period,
    page: z.number().int(),
    more: z.boolean(),
    comments: z.array(
      z.object({
        id: z.string(),
        comment: z.string().nullable(),
        overall: z.number().int().nullable(),
        service: z.string(),
        counter: z.string().nullable().meta({ description: "The counter's code, as the `counter` filter takes it" }),
        counterName: z.string().nullable().meta({ description: "The counter's name, as citizens see it" }),
        officer: z.string().nullable(),
        createdAt: iso,
        channel: z.enum(CHANNELS),
        reasons: z.array(z.string()).nullable().meta({ description: "The reason codes the citizen gave (REASONS)" }),
        possibleLevy: z
          .boolean()
          .meta({ description: "The reason biaya, or a comment that speaks of money (core/levy.ts)" }),
        reply: CommentReply.nullable().meta({ description: "The officer's reply to it, if any" }),
        visit: RatedVisit,
      }),
    ),
  })
  .meta({ id: "AgencyComments" });
const tally = z.record(z.string(), z.number().int()).meta({ description: 'Count per answer; "-" for none given' });
/** The respondent profile of a period's SKM respondents, for the printed report. */
export const ProfileResponse = z
  .object({
    period: Period,
    respondents: z.number().int(),
    gender: tally,
    age: tally,
    education: tally,
    occupation: tally,
  })
  .meta({ id: "RespondentProfile" });
/** A flagged rating as admins review it. */
export const FlaggedRating = z.object({
  id: z.string(),
  createdAt: iso,
  channel: z.enum(CHANNELS),
  service: z.string(),
  counter: z.string().nullable(),
  officer: z.string().nullable(),
  overall: z.number().int().nullable(),
  flags: z.array(z.enum(FLAGS)),
  counted: z.boolean().meta({ description: "Whether it counts in the scores" }),
});
/** The flagged ratings of a period, newest first. */
export const FlaggedResponse = z.object({ period: Period, ratings: z.array(FlaggedRating) }).meta({ id: "Flagged" });
/** A rating after it was excluded or included. */
export const ModeratedResponse = z
  .object({ rating: FlaggedRating.pick({ id: true, flags: true, counted: true }) })
  .meta({ id: "Moderated" });
/** The SKM figures of a slice of ratings (core/scoring.ts computes them, db/queries/reports.ts gathers them). */
export type Summary = z.infer<typeof Summary>;
/** An element's n, NRR and element score. */
export type ElementFigures = z.infer<typeof element>;
/** The unit's IKM: the converted value, its grade and performance label. */
export type Ikm = z.infer<typeof Ikm>;
/** The quick index of the one-tap faces. */
export type QuickIndex = z.infer<typeof quick>;
/** One officer's indicator on the 25–100 scale. */
export type OfficerIndicator = z.infer<typeof OfficerIndicator>;
/** The agencies of a region with their figures. */
export type Agencies = z.infer<typeof AgenciesResponse>;
/** The respondent profile summary. */
export type Profile = z.infer<typeof ProfileResponse>;
/** The flagged ratings of a period. */
export type Flagged = z.infer<typeof FlaggedResponse>;
/** The agency's SKM report. */
export type Report = z.infer<typeof ReportResponse>;
/** An officer's own indicator and trend. */
export type OfficerScore = z.infer<typeof OfficerScoreResponse>;
/** An agency's comments. */
export type AgencyComments = z.infer<typeof AgencyCommentsResponse>;
/** Comments about an officer. */
export type Comments = z.infer<typeof CommentsResponse>;
