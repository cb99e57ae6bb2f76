/**
 * The period picker: this month, last month, this quarter, this semester, last
 * semester, this year, or a from–to range. The choice lives in the URL
 * (`?period=2026-Q4` or `?from=…&to=…`), so a link can be shared and Back works.
 */

import { useContext, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { Session } from "../context.ts";
import { periodChoices, periodWords } from "../format.ts";
import { text } from "../text.ts";

/** The period of the page's URL as an API query string (empty: the API's default, this semester). */
export function usePeriodQuery(): string {
  const { query } = useLocation();
  if (query.from && query.to) return `from=${encodeURIComponent(query.from)}&to=${encodeURIComponent(query.to)}`;
  return `period=${encodeURIComponent(query.period || periodChoices().semester)}`;
}

/** The picker. */
export function PeriodPicker() {
  const locale = useContext(Session).locale.value;
  const { path, query, route } = useLocation();
  const choices = periodChoices();
  const current = query.from && query.to ? "range" : query.period || choices.semester;
  const [ranging, setRanging] = useState(current === "range");
  const [reversed, setReversed] = useState(false);
  const go = (params: Record<string, string>) => route(`${path}?${new URLSearchParams(params)}`);
  const options: [string, string][] = [
    [choices.thisMonth, text(locale, "thisMonth")],
    [choices.lastMonth, text(locale, "lastMonth")],
    [choices.quarter, text(locale, "quarter")],
    [choices.semester, text(locale, "semester")],
    [choices.lastSemester, text(locale, "lastSemester")],
    [choices.year, text(locale, "year")],
  ];
  const known = options.some(([value]) => value === current);
  return (
    <form
      class="period"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.target as HTMLFormElement);
        const [from, to] = [String(data.get("from")), String(data.get("to"))];
        // The API refuses a range that ends before it starts: say so here, before asking.
        setReversed(from > to);
        if (from <= to) go({ from, to });
      }}
    >
      <label for="period">{text(locale, "period")}</label>
      <select
        id="period"
        value={ranging ? "range" : current}
        onChange={(e) => {
          const value = (e.target as HTMLSelectElement).value;
          setRanging(value === "range");
          if (value !== "range") go({ period: value });
        }}
      >
        {options.map(([value, label]) => (
          <option key={value} value={value}>
            {label} · {periodWords(value, locale)}
          </option>
        ))}
        {!known && current !== "range" ? <option value={current}>{periodWords(current, locale)}</option> : null}
        <option value="range">{text(locale, "range")}</option>
      </select>
      {ranging ? (
        <span class="range">
          <label>
            {text(locale, "from")} <input type="date" name="from" required value={query.from ?? ""} />
          </label>
          <label>
            {text(locale, "to")}{" "}
            <input
              type="date"
              name="to"
              required
              value={query.to ?? ""}
              aria-invalid={reversed || undefined}
              aria-describedby={reversed ? "period-reversed" : undefined}
            />
          </label>
          <button type="submit" class="secondary">
            {text(locale, "apply")}
          </button>
          {reversed ? (
            <span id="period-reversed" class="error" role="alert">
              {text(locale, "rangeReversed")}
            </span>
          ) : null}
        </span>
      ) : null}
    </form>
  );
}
