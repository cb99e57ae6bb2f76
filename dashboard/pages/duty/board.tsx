/**
 * The duty board (supervisors, agency admins, regional admins): one tile per
 * counter with the officer on duty there (name, NIP), since when and for how
 * long, and where the duty started; "Akhiri tugas" ends a forgotten duty after
 * asking for the reason. Read again every 15 seconds and on "Perbarui".
 */
import { useContext, useEffect, useRef, useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import type { DutyBoard } from "../../../core/duty-responses.ts";
import { roleMay } from "../../../core/roles.ts";
import { Layout } from "../../components/layout.tsx";
import { Empty, Load } from "../../components/states.tsx";
import { Session } from "../../context.ts";
import { useApi } from "../../use-api.ts";
import { EndDutyDialog, type Ending, type EndOutcome, endingOf } from "./end-dialog.tsx";
import { clock, hhmm, lasted } from "./time.ts";
import { useDutyWords, viaWords } from "./words.ts";

/** How often the board is read again by itself. */
const REFRESH_MS = 15_000;

type Counter = DutyBoard["counters"][number];

/** The duty board page. */
export function DutyBoardPage() {
  const { slug } = useRoute().params;
  const me = useContext(Session).me.value!;
  const { w, locale } = useDutyWords();
  // Officers staff counters; they do not oversee them (the API answers them 403 too).
  const allowed = roleMay(me.user.role, "superviseDuties");
  const loaded = useApi<DutyBoard>(allowed ? `/agencies/${slug}/duties` : null);
  const [readAt, setReadAt] = useState(Date.now());
  const [ending, setEnding] = useState<Ending | null>(null);
  const [said, setSaid] = useState<{ done: string; problem: string }>({ done: "", problem: "" });
  const opener = useRef<HTMLButtonElement | null>(null);
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (loaded.data) setReadAt(Date.now());
  }, [loaded.data]);
  useEffect(() => {
    if (!allowed) return;
    const timer = setInterval(loaded.retry, REFRESH_MS);
    return () => clearInterval(timer);
  }, [allowed]);

  const closed = (result: EndOutcome) => {
    const names = ending && { name: ending.officer, counter: ending.counter };
    setEnding(null);
    // Focus moves once the dialog has gone (nothing outside a modal dialog takes focus): back to the
    // tile's button, or, when the duty and its button are gone, to the words saying what happened.
    requestAnimationFrame(() => (result === "cancelled" ? opener.current : outcome.current)?.focus());
    if (result === "cancelled") return;
    setSaid(result === "ended" ? { done: w("ended", names!), problem: "" } : { done: "", problem: w("endGone") });
    loaded.retry();
  };

  return (
    <Layout agency={slug}>
      <section class="card" aria-labelledby="board-title">
        <h1 id="board-title">{w("boardTitle")}</h1>
        {allowed ? (
          <>
            <p class="muted">{w("boardAbout")}</p>
            <div class="toolbar">
              <p class="muted refreshed">{w("refreshedAt", { time: clock(readAt, locale, readAt) })}</p>
              <button type="button" class="secondary" onClick={loaded.retry}>
                {w("refresh")}
              </button>
            </div>
            <div ref={outcome} tabIndex={-1} class="outcome">
              <p class="form-problem" role="alert">
                {said.problem}
              </p>
              <p class="form-done" role="status">
                {said.done}
              </p>
            </div>
            <Load loaded={loaded}>
              {({ counters }) =>
                counters.length === 0 ? (
                  <Empty>{w("boardEmpty")}</Empty>
                ) : (
                  <ul class="board">
                    {counters.map((c) => (
                      <CounterTile
                        key={c.code}
                        counter={c}
                        now={readAt}
                        onEnd={(button) => {
                          opener.current = button;
                          setSaid({ done: "", problem: "" });
                          setEnding(endingOf(c));
                        }}
                      />
                    ))}
                  </ul>
                )
              }
            </Load>
          </>
        ) : (
          <p role="alert">{w("supervisorsOnly")}</p>
        )}
      </section>
      {ending ? <EndDutyDialog slug={slug} ending={ending} onClose={closed} /> : null}
    </Layout>
  );
}

/** One counter: who serves there and since when, or "Kosong". */
function CounterTile({
  counter: c,
  now,
  onEnd,
}: {
  counter: Counter;
  now: number;
  onEnd: (button: HTMLButtonElement) => void;
}) {
  const { w, locale } = useDutyWords();
  const duty = c.duty;
  return (
    <li class={duty ? "tile" : "tile tile-free"}>
      <h2>{c.name}</h2>
      <p class="muted tile-code">{w("codeCloses", { code: c.code, time: hhmm(c.closesAt, locale) })}</p>
      {duty ? (
        <>
          <dl class="tile-facts">
            <div>
              <dt>{w("officer")}</dt>
              <dd>
                <strong>{duty.officer.name}</strong>
                <br />
                <span class="muted">
                  {w("nip")} {duty.officer.nip}
                </span>
              </dd>
            </div>
            <div>
              <dt>{w("since")}</dt>
              <dd>
                <time dateTime={new Date(duty.startedAt).toISOString()}>
                  {w("sinceValue", {
                    time: clock(duty.startedAt, locale, now),
                    duration: lasted(duty.startedAt, now, locale),
                  })}
                </time>
              </dd>
            </div>
            <div>
              <dt>{w("startedVia")}</dt>
              <dd>{viaWords(locale, duty.startedVia)}</dd>
            </div>
          </dl>
          <button
            type="button"
            class="secondary small tile-end"
            aria-label={w("endOf", { name: duty.officer.name, counter: c.name })}
            onClick={(event) => onEnd(event.currentTarget)}
          >
            {w("end")}
          </button>
        </>
      ) : (
        <p class="tile-free-text">{w("free")}</p>
      )}
    </li>
  );
}
