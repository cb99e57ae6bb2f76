/**
 * The duty board's question before it ends someone's duty: a modal dialog asking
 * for the reason (3–300 characters, kept in the audit log). The browser's modal
 * dialog keeps focus inside and closes on Escape; the board decides where focus
 * goes afterwards.
 */
import { useEffect, useRef } from "preact/hooks";
import type { DutyBoard } from "../../../core/duty-responses.ts";
import { ApiFailure, api } from "../../api.ts";
import { Outcome, onValues, useAction, when } from "../../components/action.tsx";
import { Buttons, Field } from "../../components/fields.tsx";
import { useDutyWords } from "./words.ts";

/** The open duty being ended, and the counter it is at. */
export interface Ending {
  id: string;
  officer: string;
  counter: string;
}

/** How the dialog closed: the duty ended, it had already ended, or the reader changed their mind. */
export type EndOutcome = "ended" | "gone" | "cancelled";

/** A board's counter with its open duty, as the dialog is opened for it. */
export const endingOf = (counter: DutyBoard["counters"][number]): Ending | null =>
  counter.duty ? { id: counter.duty.id, officer: counter.duty.officer.name, counter: counter.name } : null;

/** The dialog; `onClose` hears how it ended. */
export function EndDutyDialog({
  slug,
  ending,
  onClose,
}: {
  slug: string;
  ending: Ending;
  onClose: (outcome: EndOutcome) => void;
}) {
  const { w } = useDutyWords();
  const dialog = useRef<HTMLDialogElement>(null);
  const act = useAction();
  const names = { name: ending.officer, counter: ending.counter };
  useEffect(() => {
    const box = dialog.current!;
    box.showModal();
    // Escape closes the dialog without a word from us: treat it as "Batal".
    const cancel = (event: Event) => {
      event.preventDefault();
      onClose("cancelled");
    };
    box.addEventListener("cancel", cancel);
    return () => box.removeEventListener("cancel", cancel);
  }, []);
  return (
    <dialog ref={dialog} class="dialog" aria-labelledby="end-title" aria-describedby="end-about">
      <h2 id="end-title">{w("endTitle", names)}</h2>
      <p id="end-about">{w("endAbout", { name: ending.officer })}</p>
      <Outcome action={act} />
      <form
        class="stack"
        noValidate
        onSubmit={onValues(async ({ reason }) => {
          const outcome = await act.run(
            () =>
              api(`/agencies/${slug}/duties/${ending.id}/end`, { method: "POST", body: { reason } }).then(
                () => "ended" as const,
                (error: unknown) => {
                  // Someone else ended it, or it ended by itself, since the board was read.
                  if (error instanceof ApiFailure && error.code === "not_found") return "gone" as const;
                  throw error;
                },
              ),
            {
              check: { reason: when(reason.length < 3, w("reasonShort")) },
            },
          );
          if (outcome) onClose(outcome);
        })}
      >
        <Field
          form="end"
          name="reason"
          label={w("reason")}
          hint={w("reasonHint")}
          error={act.errors.reason}
          maxLength={300}
        />
        <Buttons submit={w("end")} busy={act.busy} cancel={w("cancel")} onCancel={() => onClose("cancelled")} />
      </form>
    </dialog>
  );
}
