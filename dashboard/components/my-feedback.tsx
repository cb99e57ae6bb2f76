/**
 * The feedback an officer's supervisors and admins gave them for the page's period (umpan balik
 * berkelanjutan, PermenPANRB 6/2022), newest first: on their own page each waiting one has a
 * "Saya sudah membaca" button, which records when; on the evidence page (`printable`) the list is
 * read-only and says which was read and when, for the signed A4 page (nothing there when there is none).
 */
import { useEffect, useRef, useState } from "preact/hooks";
import type { Locale } from "../../core/questionnaire.ts";
import type { FeedbackAnswer, FeedbackList, Feedback as Item } from "../../core/reply-contract.ts";
import { answerRefusal, answerText } from "../answer-words.ts";
import { ApiFailure, api } from "../api.ts";
import { dateTime, periodWords } from "../format.ts";
import { describe, useApi } from "../use-api.ts";
import { useZone } from "../use-zone.ts";
import { Empty, Load } from "./states.tsx";

/** The officer's feedback of `period` (an API query string, as usePeriodQuery gives). */
export function MyFeedback({
  period,
  locale,
  printable = false,
}: {
  period: string;
  locale: Locale;
  printable?: boolean;
}) {
  const loaded = useApi<FeedbackList>(`/me/feedback?${period}`);
  // On paper a period without feedback prints nothing: the sheet has no line to spare.
  if (printable && loaded.data?.feedback.length === 0) return null;
  const title = answerText(locale, printable ? "evidenceFeedback" : "myFeedbackTitle");
  return (
    <section class={printable ? "feedback-paper" : "card"} aria-labelledby="my-feedback-title">
      <h2 id="my-feedback-title">{title}</h2>
      {printable ? null : <p class="muted">{answerText(locale, "myFeedbackIntro")}</p>}
      <Load loaded={loaded}>
        {(data) =>
          data.feedback.length === 0 ? (
            <Empty>{answerText(locale, "noFeedback")}</Empty>
          ) : (
            <FeedbackItems items={data.feedback} locale={locale} acknowledging={!printable} />
          )
        }
      </Load>
    </section>
  );
}

/** A list of feedback with its acknowledgment; `acknowledging`: the officer may mark each waiting one read. */
export function FeedbackItems({
  items,
  locale,
  acknowledging = false,
}: {
  items: Item[];
  locale: Locale;
  acknowledging?: boolean;
}) {
  return (
    <ul class="feedback-list">
      {items.map((item) => (
        <FeedbackEntry key={item.id} item={item} locale={locale} acknowledging={acknowledging} />
      ))}
    </ul>
  );
}

function FeedbackEntry({ item, locale, acknowledging }: { item: Item; locale: Locale; acknowledging: boolean }) {
  const zone = useZone();
  const [current, setCurrent] = useState(item);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState("");
  const readLine = useRef<HTMLParagraphElement>(null);
  const justRead = item.acknowledgedAt === null && current.acknowledgedAt !== null;
  // The button is gone once pressed: focus moves to the line that took its place (WCAG 2.4.3).
  useEffect(() => {
    if (justRead) readLine.current?.focus();
  }, [justRead]);
  const textId = `feedback-${item.id}`;
  const acknowledge = async () => {
    setBusy(true);
    setProblem("");
    try {
      setCurrent((await api<FeedbackAnswer>(`/me/feedback/${item.id}/acknowledge`, { method: "POST" })).feedback);
    } catch (failure) {
      setProblem((failure instanceof ApiFailure && answerRefusal(locale, failure.code)) || describe(failure, locale));
    }
    setBusy(false);
  };
  const read = current.acknowledgedAt;
  return (
    <li>
      <p class="feedback-text" id={textId}>
        {current.text}
      </p>
      <p class="muted">
        {answerText(locale, "feedbackMeta", {
          period: periodWords(current.period, locale),
          by: current.by ?? answerText(locale, "someone"),
          when: dateTime(current.createdAt, locale, zone),
        })}
      </p>
      {read ? (
        <p class="feedback-read" ref={readLine} tabIndex={justRead ? -1 : undefined}>
          ✓ {answerText(locale, "acknowledgedAt", { when: dateTime(read, locale, zone) })}
        </p>
      ) : acknowledging ? (
        <>
          <button
            type="button"
            class="secondary small no-print"
            aria-describedby={textId}
            disabled={busy}
            onClick={acknowledge}
          >
            {answerText(locale, busy ? "acknowledging" : "acknowledge")}
          </button>
          <p class="form-problem" role="alert">
            {problem}
          </p>
        </>
      ) : (
        <p class="feedback-waiting">{answerText(locale, "notAcknowledged")}</p>
      )}
    </li>
  );
}
