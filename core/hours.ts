/**
 * A counter's service hours: when a tap counts as inside them (`outside_hours` otherwise,
 * docs/scoring.md, "What is left out"). Hours may run to midnight and across it: closing at
 * or before opening means the counter is open through midnight (22:00–06:00; 08:00–00:00 runs
 * to midnight), and closing at the opening time means open around the clock.
 */

/** Whether a local time of day (HH:MM) falls within a counter's hours. */
export function withinHours(time: string, opensAt: string, closesAt: string): boolean {
  return closesAt > opensAt ? time >= opensAt && time < closesAt : time >= opensAt || time < closesAt;
}
