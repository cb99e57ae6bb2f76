/**
 * One officer as their supervisors and admins see them for feedback (umpan balik berkelanjutan,
 * PermenPANRB 6/2022): a form to write feedback for a period (supervisors and agency admins, never
 * to themselves) and every feedback given, with whether and when the officer read it. A regional
 * admin reads the list only.
 */
import { useContext, useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { MAX_FEEDBACK } from "../../core/patterns.ts";
import type { Locale } from "../../core/questionnaire.ts";
import type { FeedbackAnswer, FeedbackList } from "../../core/reply-contract.ts";
import { roleMay } from "../../core/roles.ts";
import { answerText } from "../answer-words.ts";
import { api } from "../api.ts";
import { FormEnd, TextArea, useTextForm } from "../components/in-place.tsx";
import { Labelled } from "../components/labelled.tsx";
import { Layout } from "../components/layout.tsx";
import { FeedbackItems } from "../components/my-feedback.tsx";
import { Empty, Load } from "../components/states.tsx";
import { Session } from "../context.ts";
import { periodChoices, periodWords } from "../format.ts";
import { useApi } from "../use-api.ts";

/** The officer feedback page. */
export function OfficerFeedbackPage() {
  const session = useContext(Session);
  const locale = session.locale.value;
  const user = session.me.value!.user;
  const { slug, id } = useRoute().params;
  const loaded = useApi<FeedbackList>(`/agencies/${slug}/officers/${id}/feedback`);
  // What was sent on this page, newest first, before what the list loaded with.
  const [sent, setSent] = useState<FeedbackAnswer["feedback"][]>([]);
  return (
    <Layout agency={slug}>
      <p class="back-link no-print">
        <a href={`/dashboard/a/${slug}/officers`}>{answerText(locale, "backToOfficers")}</a>
      </p>
      <Load loaded={loaded}>
        {(data) => (
          <>
            <section class="card" aria-labelledby="feedback-title">
              <h1 id="feedback-title">{answerText(locale, "officerFeedbackTitle", { name: data.officer.name })}</h1>
              <p class="muted">{answerText(locale, "officerFeedbackIntro")}</p>
              {!roleMay(user.role, "giveFeedback") ? null : user.officerId === id ? (
                <p>{answerText(locale, "ownFeedback")}</p>
              ) : (
                <FeedbackForm slug={slug} id={id} locale={locale} onSent={(f) => setSent((list) => [f, ...list])} />
              )}
            </section>
            <section class="card" aria-labelledby="given-title">
              <h2 id="given-title">{answerText(locale, "givenTitle")}</h2>
              {sent.length + data.feedback.length === 0 ? (
                <Empty>{answerText(locale, "noFeedbackGiven")}</Empty>
              ) : (
                <FeedbackItems items={[...sent, ...data.feedback]} locale={locale} />
              )}
            </section>
          </>
        )}
      </Load>
    </Layout>
  );
}

/** The form: a period (this semester unless chosen), the feedback, send. */
function FeedbackForm({
  slug,
  id,
  locale,
  onSent,
}: {
  slug: string;
  id: string;
  locale: Locale;
  onSent: (feedback: FeedbackAnswer["feedback"]) => void;
}) {
  const choices = periodChoices();
  const periods = [
    ...new Set([choices.semester, choices.lastSemester, choices.quarter, choices.thisMonth, choices.year]),
  ];
  const [period, setPeriod] = useState(choices.semester);
  const [done, setDone] = useState("");
  const form = useTextForm(locale, answerText(locale, "feedbackNeeded"), async (text) => {
    const path = `/agencies/${slug}/officers/${id}/feedback`;
    onSent((await api<FeedbackAnswer>(path, { method: "POST", body: { period, text } })).feedback);
    form.setValue("");
    setDone(answerText(locale, "feedbackSent"));
  });
  const hint = answerText(locale, "feedbackHint", { max: MAX_FEEDBACK });
  return (
    <form class="feedback-form" aria-labelledby="give-feedback-title" onSubmit={form.submit} noValidate>
      <h2 id="give-feedback-title">{answerText(locale, "giveFeedbackTitle")}</h2>
      <Labelled id="feedback-period" label={answerText(locale, "feedbackPeriod")}>
        <select id="feedback-period" value={period} onChange={(e) => setPeriod(e.currentTarget.value)}>
          {periods.map((p) => (
            <option key={p} value={p}>
              {periodWords(p, locale)}
            </option>
          ))}
        </select>
      </Labelled>
      <TextArea
        id="feedback-text"
        label={answerText(locale, "feedbackText")}
        hint={hint}
        error={form.error}
        value={form.value}
        max={MAX_FEEDBACK}
        rows={4}
        fieldRef={form.field}
        onInput={(typed) => {
          form.input(typed);
          setDone("");
        }}
      />
      <p class="form-done" role="status">
        {done}
      </p>
      <FormEnd
        problem={form.problem}
        busy={form.busy}
        send={answerText(locale, form.busy ? "sending" : "sendFeedback")}
      />
    </form>
  );
}
