/**
 * An officer's reply under one comment about them: "Balas" opens a small form in place (the
 * reply, send and cancel); once sent, the reply stands under the comment, as their supervisors
 * and admins read it on the comments page. Focus moves into the form when it opens, back to the
 * button when it is cancelled, and to the reply once sent (WCAG 2.4.3 focus order).
 */
import type { TargetedEvent } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import type { Locale } from "../../core/questionnaire.ts";
import { MAX_REPLY, type Replied, type CommentReply as Reply } from "../../core/reply-contract.ts";
import { answerRefusal, answerText } from "../answer-words.ts";
import { ApiFailure, api } from "../api.ts";
import { dateTime } from "../format.ts";
import { describe } from "../use-api.ts";
import { useZone } from "../use-zone.ts";
import { describedBy, Labelled } from "./labelled.tsx";

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
  const [current, setCurrent] = useState(reply);
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const shown = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (sent) shown.current?.focus();
    else if (cancelled && !open) {
      opener.current?.focus();
      setCancelled(false);
    }
  }, [sent, cancelled, open]);
  if (current) return <ReplyShown reply={current} locale={locale} focusRef={shown} />;
  if (!open) {
    return (
      <button
        ref={opener}
        type="button"
        class="secondary small no-print reply-open"
        aria-label={answerText(locale, "replyTo")}
        aria-describedby={about}
        onClick={() => setOpen(true)}
      >
        {answerText(locale, "reply")}
      </button>
    );
  }
  return (
    <ReplyForm
      ratingId={ratingId}
      locale={locale}
      onCancel={() => {
        setOpen(false);
        setCancelled(true);
      }}
      onSent={(made) => {
        setCurrent(made);
        setSent(true);
      }}
    />
  );
}

function ReplyForm({
  ratingId,
  locale,
  onCancel,
  onSent,
}: {
  ratingId: string;
  locale: Locale;
  onCancel: () => void;
  onSent: (reply: Reply) => void;
}) {
  const [value, setValue] = useState("");
  const [error, setError] = useState("");
  const [problem, setProblem] = useState("");
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => field.current?.focus(), []);
  const id = `reply-${ratingId}`;
  const hint = answerText(locale, "replyHint", { max: MAX_REPLY });
  const submit = async (event: TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem("");
    if (!value.trim()) {
      setError(answerText(locale, "replyNeeded"));
      field.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const made = await api<Replied>(`/me/comments/${ratingId}/reply`, { method: "POST", body: { text: value } });
      onSent(made.reply);
    } catch (failure) {
      setProblem((failure instanceof ApiFailure && answerRefusal(locale, failure.code)) || describe(failure, locale));
      setBusy(false);
    }
  };
  return (
    <form class="reply-form no-print" aria-label={answerText(locale, "replyTo")} onSubmit={submit} noValidate>
      <Labelled id={id} label={answerText(locale, "replyLabel")} hint={hint} error={error}>
        <textarea
          ref={field}
          id={id}
          rows={3}
          maxLength={MAX_REPLY}
          value={value}
          aria-invalid={error ? "true" : undefined}
          aria-describedby={describedBy(id, hint, error)}
          onInput={(e) => {
            setValue(e.currentTarget.value);
            setError("");
          }}
        />
      </Labelled>
      <p class="form-problem" role="alert">
        {problem}
      </p>
      <div class="buttons">
        <button type="submit" class="primary" disabled={busy}>
          {answerText(locale, busy ? "sending" : "sendReply")}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {answerText(locale, "cancel")}
        </button>
      </div>
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
        <span class="muted">
          {answerText(locale, "repliedAt", { when: dateTime(reply.createdAt, locale, given ?? own) })}
        </span>
      </p>
      <p class="comment-reply-text">{reply.text}</p>
    </div>
  );
}
