/**
 * An officer's reply under one comment about them: "Balas" opens a small form in place (the
 * reply, send and cancel); once sent, the reply stands under the comment, as their supervisors
 * and admins read it on the comments page. Focus moves into the form when it opens, back to the
 * button when it is cancelled, and to the reply once sent (WCAG 2.4.3 focus order).
 */
import { useEffect } from "preact/hooks";
import { MAX_REPLY } from "../../core/patterns.ts";
import type { Locale } from "../../core/questionnaire.ts";
import type { Replied, CommentReply as Reply } from "../../core/reply-contract.ts";
import { answerRefusal, answerText } from "../answer-words.ts";
import { api } from "../api.ts";
import { dateTime } from "../format.ts";
import { useZone } from "../use-zone.ts";
import { FormEnd, type InPlaceFormProps, TextArea, useInPlace, useTextForm } from "./in-place.tsx";

/** The reply control of one comment; `describedBy` is the id of the comment it answers. */
export function CommentReplyControl({
  ratingId,
  reply,
  describedBy: about,
  locale,
}: {
  ratingId: string;
  reply: Reply | null;
  describedBy: string;
  locale: Locale;
}) {
  const { current, open, opener, outcome, show, cancel, done } = useInPlace<Reply, HTMLDivElement>(reply);
  if (current) return <ReplyShown reply={current} locale={locale} focusRef={outcome} />;
  if (!open) {
    return (
      <button
        ref={opener}
        type="button"
        class="secondary small no-print reply-open"
        aria-label={answerText(locale, "replyTo")}
        aria-describedby={about}
        onClick={show}
      >
        {answerText(locale, "reply")}
      </button>
    );
  }
  return <ReplyForm ratingId={ratingId} locale={locale} onCancel={cancel} onSent={done} />;
}

function ReplyForm({ ratingId, locale, onCancel, onSent }: InPlaceFormProps<Reply>) {
  const form = useTextForm(
    locale,
    answerText(locale, "replyNeeded"),
    async (text) => {
      onSent((await api<Replied>(`/me/comments/${ratingId}/reply`, { method: "POST", body: { text } })).reply);
    },
    (code) => answerRefusal(locale, code),
  );
  useEffect(() => form.field.current?.focus(), [form.field]);
  const id = `reply-${ratingId}`;
  const hint = answerText(locale, "replyHint", { max: MAX_REPLY });
  return (
    <form class="reply-form no-print" aria-label={answerText(locale, "replyTo")} onSubmit={form.submit} noValidate>
      <TextArea
        id={id}
        label={answerText(locale, "replyLabel")}
        hint={hint}
        error={form.error}
        value={form.value}
        max={MAX_REPLY}
        fieldRef={form.field}
        onInput={form.input}
      />
      <FormEnd
        problem={form.problem}
        busy={form.busy}
        send={answerText(locale, form.busy ? "sending" : "sendReply")}
        cancel={{ label: answerText(locale, "cancel"), onClick: onCancel }}
      />
    </form>
  );
}

/** A sent reply under its comment, with when: on the officer's pages, the comments page and the evidence page. */
export function ReplyShown({
  reply,
  locale,
  zone: given,
  focusRef,
}: {
  reply: Reply;
  locale: Locale;
  /** The agency's timezone where the page knows its agency (the comments page); else the caller's. */
  zone?: Parameters<typeof dateTime>[2];
  focusRef?: { current: HTMLDivElement | null };
}) {
  const own = useZone();
  return (
    <div class="comment-reply" ref={focusRef} tabIndex={focusRef ? -1 : undefined}>
      <p class="comment-reply-head">
        <strong>{answerText(locale, "replyOf")}</strong>{" "}
        <span class="comment-reply-when">
          {answerText(locale, "repliedAt", { when: dateTime(reply.createdAt, locale, given ?? own) })}
        </span>
      </p>
      <p class="comment-reply-text">{reply.text}</p>
    </div>
  );
}
