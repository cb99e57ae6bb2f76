/**
 * An officer's own check-in and check-out from the dashboard: where they serve
 * now, a counter to start a duty at (each named with who serves there), and the
 * end of their own duty. Nobody takes a counter someone else serves
 * (409 counter_busy, worded with that officer's name).
 */
import { useRef, useState } from "preact/hooks";
import type { CounterDuty, Form } from "../../../core/responses.ts";
import { ApiFailure, api } from "../../api.ts";
import { Outcome, onValues, useAction } from "../../components/action.tsx";
import { Choice } from "../../components/fields.tsx";
import { Empty } from "../../components/states.tsx";
import { clock } from "./time.ts";
import { useDutyWords } from "./words.ts";

/** A counter of the agency's form. */
export type FormCounter = Form["counters"][number];

/** Who serves at each counter now, by counter code. */
export type Duties = Record<string, CounterDuty>;

/** The counter the officer serves at now, with their duty, or null. */
export function ownDuty(duties: Duties | undefined, officerId: string | null) {
  const mine = Object.values(duties ?? {}).find((d) => d.duty && d.duty.officerId === officerId);
  return mine?.duty ? { counter: mine.counter, duty: mine.duty } : null;
}

/** Starts the officer's duty at `code`; a busy counter's refusal carries the serving officer's name. */
async function checkIn(code: string) {
  try {
    return await api(`/counters/${code}/duty`, { method: "POST", body: {} });
  } catch (error) {
    if (error instanceof ApiFailure && error.code === "counter_busy") {
      const serving = await api<CounterDuty>(`/counters/${code}/duty`).catch(() => null);
      throw new ApiFailure(error.status, error.code, error.message, { name: serving?.duty?.name });
    }
    throw error;
  }
}

/** The check-in card; `onChange` reads the duties again after a change. */
export function CheckInCard({
  counters,
  duties,
  officerId,
  onChange,
}: {
  counters: FormCounter[];
  duties: Duties;
  officerId: string | null;
  onChange: () => void;
}) {
  const { w, locale } = useDutyWords();
  const act = useAction();
  const mine = ownDuty(duties, officerId);
  const now = useRef<HTMLParagraphElement>(null);
  const [picked, setPicked] = useState(mine?.counter.code ?? counters[0]?.code ?? "");
  const nameOf = (code: string) => counters.find((c) => c.code === code)?.name ?? code;
  const refusals = (failure: ApiFailure) =>
    failure.code === "counter_busy"
      ? w("counterBusy", { name: (failure.details as { name?: string } | undefined)?.name ?? w("someoneElse") })
      : failure.code === "not_found"
        ? w("noDuty")
        : undefined;
  return (
    <section class="card" aria-labelledby="duty-title">
      <h2 id="duty-title">{w("dutyTitle")}</h2>
      <p class="muted">{w("dutyAbout")}</p>
      {counters.length === 0 ? (
        <Empty>{w("noCounters")}</Empty>
      ) : (
        <>
          <p class="duty-now" ref={now} tabIndex={-1}>
            <strong>
              {mine
                ? w("onDuty", { counter: mine.counter.name, time: clock(mine.duty.startedAt, locale) })
                : w("offDuty")}
            </strong>
          </p>
          <Outcome action={act} />
          <form
            class="row"
            noValidate
            onSubmit={onValues(async () => {
              await act.run(() => checkIn(picked), {
                done: w("started", { counter: nameOf(picked) }),
                refusal: refusals,
              });
              // A refusal may come from a duty this card had not seen: read them again either way.
              onChange();
            })}
          >
            <Choice
              form="duty"
              name="counter"
              label={w("counter")}
              value={picked}
              onChange={(e) => setPicked(e.currentTarget.value)}
              options={counters.map((c) => {
                const serving = duties[c.code]?.duty;
                const words = serving
                  ? w("counterWho", { counter: c.name, name: serving.name })
                  : w("counterFree", { counter: c.name });
                return [c.code, words] as const;
              })}
            />
            <div class="field buttons">
              {/* Starting again where one already serves would only restart the duty. */}
              <button type="submit" class="primary" disabled={act.busy || mine?.counter.code === picked}>
                {w("startDuty")}
              </button>
              {mine ? (
                <button
                  type="button"
                  class="secondary"
                  disabled={act.busy}
                  onClick={async () => {
                    await act.run(() => api(`/counters/${mine.counter.code}/duty`, { method: "DELETE" }), {
                      done: w("finished", { counter: mine.counter.name }),
                      refusal: refusals,
                    });
                    onChange();
                    // This button goes with the duty: the reader lands on where they stand now.
                    now.current?.focus();
                  }}
                >
                  {w("endDuty")}
                </button>
              ) : null}
            </div>
          </form>
        </>
      )}
    </section>
  );
}
