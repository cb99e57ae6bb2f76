/** Reading a period from a query string, in the agency's timezone. */
import { currentSemester, type Period, parsePeriod, rangePeriod, type Timezone } from "../core/period.ts";
import { ApiError } from "./errors.ts";

/**
 * `period=2026-11|2026-Q4|2026-S2|2026`, or `from=` and `to=` (YYYY-MM-DD, both
 * inclusive); the current semester when neither is given.
 */
export function periodFromQuery(query: { period?: string; from?: string; to?: string }, timezone: Timezone): Period {
  if (query.period !== undefined && (query.from !== undefined || query.to !== undefined)) {
    throw new ApiError(400, "invalid_period", "Give either period= or from= and to=, not both.");
  }
  if (query.from !== undefined || query.to !== undefined) {
    const period = rangePeriod(query.from ?? "", query.to ?? "");
    if (!period) throw new ApiError(400, "invalid_period", "from= and to= must be dates (YYYY-MM-DD) with from ≤ to.");
    return period;
  }
  const text = query.period ?? currentSemester(Date.now(), timezone);
  const period = parsePeriod(text);
  if (!period) {
    throw new ApiError(
      400,
      "invalid_period",
      `"${text}" is not a period; use 2026-11 (month), 2026-Q4, 2026-S2 (semester) or 2026.`,
    );
  }
  return period;
}
