/**
 * The population the minimum sample is for (docs/scoring.md, "Sample size"): the agency's
 * stated number of service users for a named period, kept by the server with who stated it
 * and when, so every reader on every computer and the printed report use one number. Its admins
 * state or withdraw it; supervisors and regional admins read it. A from/to range keeps none:
 * there the number is asked per view and rides in the address (`population=`).
 */
import { useContext, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import type { Locale } from "../../core/questionnaire.ts";
import { roleMay } from "../../core/roles.ts";
import type { Report } from "../../core/score-responses.ts";
import { POPULATION_MAX } from "../../core/scoring.ts";
import { api } from "../api.ts";
import { Outcome, onValues, RowButton, useAction } from "../components/action.tsx";
import { Field } from "../components/fields.tsx";
import { Session } from "../context.ts";
import { count, dateTime, periodWords } from "../format.ts";
import { sayPopulation } from "../population-words.ts";
import { text } from "../text.ts";
import { useZone } from "../use-zone.ts";

/** The field's id, where "state it" links lead. */
const FIELD = "sample-population";

/**
 * The report's `population=` of this view: only a from/to range's, asked per view (a named period's
 * number is the server's). "" when there is none.
 */
export function usePopulationParam(): string {
  const { query } = useLocation();
  return query.from && query.to && /^\d{1,9}$/.test(query.population ?? "") ? `&population=${query.population}` : "";
}

/** How a reader can have the population stated: by the field here, by the agency's admins, or (printed) not at all. */
type Ask = "field" | "admins" | "none";

/** Whether the signed-in reader may state the population of this report's period (else they read it). */
function useAsk(r: Report): Ask {
  const role = useContext(Session).me.value!.user.role;
  // A range's number is the view's own: anyone reading may give it.
  return isRange(r) || roleMay(role, "statePopulation") ? "field" : "admins";
}

const isRange = (r: Report) => r.period.label.includes("..");

/**
 * Which population the minimum sample is for: the stated number of service users (with who stated
 * it and when), or plainly that 384 assumes a large or unknown one and how it gets stated.
 */
export function PopulationNote({ r, locale, printed = false }: { r: Report; locale: Locale; printed?: boolean }) {
  const zone = useZone(r.agency.slug);
  const ask = useAsk(r);
  const { population, required, statedBy, statedAt } = r.sampleSize;
  if (population !== null)
    return (
      <p class="muted">
        {sayPopulation(locale, "populationStated", { population: count(population, locale) })}
        {statedAt ? (
          <>
            {" "}
            {sayPopulation(locale, statedBy ? "populationStatedBy" : "populationStatedByGone", {
              name: statedBy ?? "",
              at: dateTime(statedAt, locale, zone),
            })}
          </>
        ) : null}
      </p>
    );
  if (printed)
    return <p class="muted">{sayPopulation(locale, "populationAssumedReport", { n: count(required, locale) })}</p>;
  return (
    <p class="muted">
      {sayPopulation(locale, ask === "field" ? "populationAssumed" : "populationAssumedReader", {
        n: count(required, locale),
      })}
      {ask === "field" ? (
        <>
          {" "}
          <a href={`#${FIELD}`}>{sayPopulation(locale, "statePopulation")}</a>
        </>
      ) : null}
    </p>
  );
}

/** The sample-adequacy card: the population (stated, asked or read), the minimum and how far the sample is. */
export function SampleCard({ r, locale, onStated }: { r: Report; locale: Locale; onStated: () => void }) {
  const short = r.sampleSize.shortfall;
  return (
    <section class="card" aria-labelledby="sample-title">
      <h2 id="sample-title">{text(locale, "sampleTitle")}</h2>
      {isRange(r) ? (
        <RangePopulation r={r} locale={locale} />
      ) : useAsk(r) === "field" ? (
        <StatePopulation r={r} locale={locale} onStated={onStated} />
      ) : null}
      <p>
        {text(locale, "sampleRequired", {
          n: count(r.sampleSize.required, locale),
          got: count(r.sampleSize.respondents, locale),
          short: short === 0 ? text(locale, "sampleMet") : text(locale, "sampleShort", { n: count(short, locale) }),
        })}
      </p>
      <PopulationNote r={r} locale={locale} />
      <progress
        max={r.sampleSize.required}
        value={Math.min(r.sampleSize.respondents, r.sampleSize.required)}
        aria-label={text(locale, "sampleTitle")}
      />
    </section>
  );
}

/** The problem with a typed population, or "" (the API's own bounds: a whole number from 1 to 100,000,000). */
const populationProblem = (value: string, locale: Locale) =>
  /^\d{1,9}$/.test(value) && Number(value) >= 1 && Number(value) <= POPULATION_MAX
    ? ""
    : sayPopulation(locale, "populationInvalid", { max: count(POPULATION_MAX, locale) });

/** The admins' field: saves the period's number on the server for every reader, or withdraws it. */
function StatePopulation({ r, locale, onStated }: { r: Report; locale: Locale; onStated: () => void }) {
  const act = useAction();
  const period = r.period.label;
  const words = periodWords(period, locale);
  const path = `/agencies/${r.agency.slug}/populations/${encodeURIComponent(period)}`;
  const stated = r.sampleSize.populationSource === "stated" ? r.sampleSize.population : null;
  return (
    <div class="no-print">
      <Outcome action={act} />
      <form
        class="row"
        noValidate
        onSubmit={onValues(async (v) => {
          const population = v.population.replace(/[.\s]/g, "");
          const done = await act.run(() => api(path, { method: "PUT", body: { population: Number(population) } }), {
            check: { population: populationProblem(population, locale) },
            done: sayPopulation(locale, "populationSaved", { period: words }),
          });
          if (done) onStated();
        })}
      >
        <Field
          key={`${period}:${stated}`}
          form="sample"
          name="population"
          label={text(locale, "population")}
          hint={sayPopulation(locale, "populationKept")}
          inputMode="numeric"
          defaultValue={stated === null ? "" : String(stated)}
          error={act.errors.population}
        />
        <div class="field buttons">
          <button type="submit" class="primary" disabled={act.busy}>
            {sayPopulation(locale, "populationSave")}
          </button>
          {stated === null ? null : (
            <RowButton
              act={act}
              text={sayPopulation(locale, "populationWithdraw")}
              label={sayPopulation(locale, "populationWithdrawOf", { period: words })}
              ask={sayPopulation(locale, "populationWithdrawConfirm", { period: words })}
              done={sayPopulation(locale, "populationWithdrawn", { period: words })}
              call={() => api(path, { method: "DELETE" })}
              onDone={onStated}
            />
          )}
        </div>
      </form>
    </div>
  );
}

/** A range's field: the number is this view's only (it rides in the address, never stored). */
function RangePopulation({ r, locale }: { r: Report; locale: Locale }) {
  const { path, query, route } = useLocation();
  const [problem, setProblem] = useState("");
  return (
    <form
      class="row no-print"
      noValidate
      onSubmit={onValues((v) => {
        const population = v.population.replace(/[.\s]/g, "");
        const found = population === "" ? "" : populationProblem(population, locale);
        setProblem(found);
        if (found) return;
        const next = new URLSearchParams(query);
        if (population) next.set("population", population);
        else next.delete("population");
        route(`${path}?${next}`);
      })}
    >
      <Field
        key={r.period.label}
        form="sample"
        name="population"
        label={text(locale, "population")}
        hint={sayPopulation(locale, "populationRangeHint")}
        inputMode="numeric"
        defaultValue={query.population ?? ""}
        error={problem || undefined}
      />
      <div class="field buttons">
        <button type="submit" class="secondary">
          {text(locale, "apply")}
        </button>
      </div>
    </form>
  );
}
