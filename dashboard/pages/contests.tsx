/**
 * Officers' contests (keberatan) of an agency, for its supervisors and admins:
 * the open ones first, each with the rating it is about and Keep/Exclude, which
 * ask for the reason the officer will read; the decided ones below.
 */
import type { TargetedEvent } from "preact";
import { useContext, useEffect, useRef, useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { sayChannel } from "../../core/channels.ts";
import type { AgencyContest, Contests } from "../../core/contest-contract.ts";
import { MAX_CONTEST_NOTE } from "../../core/contest-reasons.ts";
import { FACES, type Locale } from "../../core/questionnaire.ts";
import { ApiFailure, api } from "../api.ts";
import { ContestOutcome } from "../components/contest-reply.tsx";
import { describedBy, Labelled } from "../components/labelled.tsx";
import { Layout } from "../components/layout.tsx";
import { useMore } from "../components/more.tsx";
import { Empty, Load } from "../components/states.tsx";
import { contestRefusal, contestText, reasonText } from "../contest-text.ts";
import { Session } from "../context.ts";
import { dateTime } from "../format.ts";
import { describe, useApi } from "../use-api.ts";
import { useZone } from "../use-zone.ts";

/** The contests page. */
export function ContestsPage() {
  const locale = useContext(Session).locale.value;
  const { slug } = useRoute().params;
  const open = useApi<Contests>(`/agencies/${slug}/contests?status=open`);
  const decided = useApi<Contests>(`/agencies/${slug}/contests?status=decided`);
  const [message, setMessage] = useState("");
  const said = useRef<HTMLParagraphElement>(null);
  /** After a decision (or finding one made by someone else): both lists again, and focus on what happened. */
  const refresh = (words: string) => {
    setMessage(words);
    open.retry();
    decided.retry();
    // The decided item leaves the list; focus goes to the line that says what happened (WCAG 2.4.3).
    said.current?.focus();
  };
  return (
    <Layout agency={slug} openContests={open.data?.open ?? null}>
      <section class="card" aria-labelledby="contests-title">
        <h1 id="contests-title">{contestText(locale, "pageTitle")}</h1>
        <p class="muted">{contestText(locale, "pageIntro")}</p>
        <p ref={said} tabIndex={-1} role="status" class="form-done">
          {message}
        </p>
      </section>
      <section class="card" aria-labelledby="open-title">
        <h2 id="open-title">
          {contestText(locale, "openTitle")}
          {open.data ? ` (${open.data.open})` : ""}
        </h2>
        <Load loaded={open}>
          {(data) =>
            data.contests.length === 0 ? (
              <Empty>{contestText(locale, "noOpen")}</Empty>
            ) : (
              <ul class="contest-list">
                {data.contests.map((c) => (
                  <li key={c.id}>
                    <ContestFacts c={c} locale={locale} />
                    <Decide slug={slug} c={c} locale={locale} onDone={refresh} />
                  </li>
                ))}
              </ul>
            )
          }
        </Load>
      </section>
      <section class="card" aria-labelledby="decided-title">
        <h2 id="decided-title">{contestText(locale, "decidedTitle")}</h2>
        <Load loaded={decided}>{(data) => <DecidedList slug={slug} first={data} locale={locale} />}</Load>
      </section>
    </Layout>
  );
}

/** What a contest is about: who, which rating (when, face, service, counter, comment), why, and the officer's note. */
function ContestFacts({ c, locale }: { c: AgencyContest; locale: Locale }) {
  const where = c.rating.counter ?? sayChannel(locale, c.rating.channel);
  const zone = useZone(useRoute().params.slug);
  return (
    <>
      <h3 id={`contest-${c.id}`}>
        {c.officer.name} · {dateTime(c.rating.createdAt, locale, zone)}
      </h3>
      <dl class="contest-facts">
        <dt>{contestText(locale, "rating")}</dt>
        <dd>
          {c.rating.overall ? FACES[c.rating.overall - 1][locale] : "–"} · {c.rating.service} · {where}
        </dd>
        <dt>{contestText(locale, "comment")}</dt>
        <dd class="comment-text">{c.rating.comment ?? contestText(locale, "noComment")}</dd>
        <dt>{contestText(locale, "reasonLegend")}</dt>
        <dd>{reasonText(locale, c.reason)}</dd>
        <dt>{contestText(locale, "officerNote")}</dt>
        <dd class="comment-text">{c.note || contestText(locale, "noNote")}</dd>
      </dl>
      <p class="muted">{contestText(locale, "contestedAt", { when: dateTime(c.createdAt, locale, zone) })}</p>
    </>
  );
}

/** Keep and Exclude; either opens a short form for the reason, which the officer will read. */
function Decide({
  slug,
  c,
  locale,
  onDone,
}: {
  slug: string;
  c: AgencyContest;
  locale: Locale;
  onDone: (message: string) => void;
}) {
  const [choice, setChoice] = useState<"keep" | "exclude" | null>(null);
  const [note, setNote] = useState("");
  const [error, setError] = useState("");
  const [problem, setProblem] = useState("");
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const buttons = { keep: useRef<HTMLButtonElement>(null), exclude: useRef<HTMLButtonElement>(null) };
  /** The button whose form was cancelled: focus goes back to it once it is shown again. */
  const [returnTo, setReturnTo] = useState<"keep" | "exclude" | null>(null);
  useEffect(() => {
    if (choice) field.current?.focus();
    else if (returnTo) {
      buttons[returnTo].current?.focus();
      setReturnTo(null);
    }
  }, [choice, returnTo]);
  const base = `decide-${c.id}`;
  const hint = contestText(locale, "decideWhyHint", { max: MAX_CONTEST_NOTE });

  if (!choice) {
    const button = (to: "keep" | "exclude") => (
      <button
        ref={buttons[to]}
        type="button"
        class="secondary"
        aria-describedby={`contest-${c.id}`}
        onClick={() => setChoice(to)}
      >
        {contestText(locale, to)}
      </button>
    );
    return (
      <div class="buttons">
        {button("keep")}
        {button("exclude")}
      </div>
    );
  }

  const cancel = () => {
    setReturnTo(choice);
    setChoice(null);
    setError("");
    setProblem("");
  };
  const submit = async (event: TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!note.trim()) {
      setError(contestText(locale, "whyNeeded"));
      field.current?.focus();
      return;
    }
    setError("");
    setBusy(true);
    try {
      const { contest } = await api<{ contest: { decision: "kept" | "excluded" } }>(
        `/agencies/${slug}/contests/${c.id}/decide`,
        { method: "POST", body: { decision: choice, note: note.trim() } },
      );
      onDone(contestText(locale, "decided", { name: c.officer.name, decision: contestText(locale, contest.decision) }));
    } catch (e) {
      setBusy(false);
      if (e instanceof ApiFailure && e.code === "already_decided")
        return onDone(contestText(locale, "already_decided"));
      setProblem((e instanceof ApiFailure && contestRefusal(locale, e.code)) || describe(e, locale));
    }
  };
  return (
    <form class="contest-form" aria-labelledby={`${base}-title`} onSubmit={submit} noValidate>
      <h4 id={`${base}-title`}>{contestText(locale, choice === "keep" ? "decideKeepTitle" : "decideExcludeTitle")}</h4>
      <Labelled id={`${base}-note`} label={contestText(locale, "decideWhy")} hint={hint} error={error}>
        <textarea
          ref={field}
          id={`${base}-note`}
          rows={3}
          maxLength={MAX_CONTEST_NOTE}
          required
          value={note}
          aria-invalid={error ? "true" : undefined}
          aria-describedby={describedBy(`${base}-note`, hint, error)}
          onInput={(e) => {
            setNote(e.currentTarget.value);
            setError("");
          }}
        />
      </Labelled>
      <p class="form-problem" role="alert">
        {problem}
      </p>
      <div class="buttons">
        <button type="submit" class="primary" disabled={busy}>
          {contestText(locale, choice === "keep" ? "confirmKeep" : "confirmExclude")}
        </button>
        <button type="button" class="secondary" onClick={cancel}>
          {contestText(locale, "cancel")}
        </button>
      </div>
    </form>
  );
}

/** The decided contests, newest first, with their decision; more a page at a time. */
function DecidedList({ slug, first, locale }: { slug: string; first: Contests; locale: Locale }) {
  const zone = useZone(slug);
  const list = useMore(
    first,
    (page) => page.contests,
    (n) => api<Contests>(`/agencies/${slug}/contests?status=decided&page=${n}`),
  );
  if (list.all.length === 0) return <Empty>{contestText(locale, "noDecided")}</Empty>;
  return (
    <>
      <ul class="contest-list">
        {list.all.map((c) => (
          <li key={c.id}>
            <ContestFacts c={c} locale={locale} />
            <ContestOutcome contest={c} locale={locale} />
            <p class="muted">
              {contestText(locale, "decidedAt", {
                when: c.decidedAt ? dateTime(c.decidedAt, locale, zone) : "–",
                who: c.decidedBy ?? "–",
              })}
            </p>
          </li>
        ))}
      </ul>
      {list.more ? (
        <button type="button" class="secondary" onClick={list.next}>
          {contestText(locale, "more")}
        </button>
      ) : null}
    </>
  );
}
