/**
 * The staff menu, opened by holding the agency name for 2 s (never a visible
 * button on the citizen's screen): check-in with NIP and PIN, check-out with the
 * on-duty officer's PIN, a ticket QR for a citizen's phone, what waits in the
 * queue and what the server refused, unpairing, the version. A modal <dialog>:
 * focus moves in, Escape closes it, the screen behind is inert; left untouched
 * for STAFF_IDLE_MS it closes itself, so no NIP or open form stays on a tablet
 * that anyone can walk up to.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { isSecure, SecureNotice } from "../components/secure-notice.tsx";
import { Credentials, fieldsOf, Message, PinInput, useAction } from "../components/staff-form.tsx";
import { clock } from "../components/status.tsx";
import type { KioskState } from "../state.ts";
import { errorText, text } from "../text.ts";

declare const __APP_VERSION__: string;

/** How long the staff menu stays open without a touch or a key. */
export const STAFF_IDLE_MS = 30_000;

/** The staff menu dialog. */
export function StaffMenu({ state, onClose }: { state: KioskState; onClose: () => void }) {
  const locale = state.locale.value;
  const dialog = useRef<HTMLDialogElement>(null);
  // The latest onClose, without reopening the dialog each time its parent renders a new one.
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    void state.refreshQueue();
    const idle = () => close.current();
    let timer = setTimeout(idle, STAFF_IDLE_MS);
    const touched = () => {
      clearTimeout(timer);
      timer = setTimeout(idle, STAFF_IDLE_MS);
    };
    for (const type of ["pointerdown", "keydown", "input"]) element?.addEventListener(type, touched);
    return () => {
      clearTimeout(timer);
      for (const type of ["pointerdown", "keydown", "input"]) element?.removeEventListener(type, touched);
      element?.close();
    };
  }, [state]);
  return (
    <dialog ref={dialog} class="staff" aria-labelledby="staff-title" onClose={onClose}>
      <header class="staff-header">
        <h2 id="staff-title">{text(locale, "staffTitle")}</h2>
        <button type="button" class="secondary" onClick={onClose}>
          {text(locale, "close")}
        </button>
      </header>
      <p class="hint">{text(locale, "staffAutoClose")}</p>
      {isSecure() ? null : <SecureNotice message="insecureContext" role="status" />}
      {/* An archived counter takes no duty and no ticket: only its queue and unpairing are left. */}
      {state.archived.value ? null : <Duty state={state} />}
      {state.archived.value ? null : <Ticket state={state} />}
      <Queue state={state} />
      <Unpair state={state} />
      <p class="version">{text(locale, "version", { version: __APP_VERSION__ })}</p>
    </dialog>
  );
}

function Duty({ state }: { state: KioskState }) {
  const locale = state.locale.value;
  const duty = state.duty.value;
  const { outcome, busy, run } = useAction(locale);
  const checkIn = async (event: Event) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const { nip, pin } = fieldsOf(form);
    await run(async () => {
      const result = await state.checkIn(nip, pin);
      form.reset();
      return result.offline
        ? text(locale, "checkedInOffline")
        : text(locale, "checkedIn", { name: result.name ?? nip });
    });
  };
  const [askPin, setAskPin] = useState(false);
  const checkOut = async (event: Event) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const ended = await run(async () => {
      await state.checkOut(fieldsOf(form).pin);
      return text(locale, "checkedOut");
    });
    if (ended) setAskPin(false);
    else form.reset();
  };
  return (
    <section aria-labelledby="duty-title" class="staff-section">
      <h3 id="duty-title">{text(locale, "checkInTitle")}</h3>
      {duty ? (
        <div class="on-duty">
          <p>{text(locale, "nowServing", { name: duty.name })}</p>
          {askPin ? (
            <form class="check-out" onSubmit={checkOut}>
              <label for="checkout-pin">{text(locale, "checkOutPin", { name: duty.name })}</label>
              <PinInput id="checkout-pin" focus />
              <button type="submit" class="primary" disabled={busy}>
                {text(locale, "checkOutConfirm")}
              </button>
              <button type="button" class="secondary" onClick={() => setAskPin(false)}>
                {text(locale, "cancel")}
              </button>
            </form>
          ) : (
            <button type="button" class="secondary" disabled={busy} onClick={() => setAskPin(true)}>
              {text(locale, "checkOut")}
            </button>
          )}
        </div>
      ) : null}
      <form onSubmit={checkIn}>
        <Credentials prefix="duty" locale={locale} />
        <button type="submit" class="primary" disabled={busy}>
          {text(locale, "checkIn")}
        </button>
      </form>
      <Message outcome={outcome} />
    </section>
  );
}

/** A rating ticket for the officer on duty, shown as a QR on the citizen's screen. */
function Ticket({ state }: { state: KioskState }) {
  const locale = state.locale.value;
  const duty = state.duty.value;
  const services = state.setup.value.services;
  const { outcome, busy, run } = useAction(locale);
  const show = async (event: Event) => {
    event.preventDefault();
    const service = String(new FormData(event.target as HTMLFormElement).get("service") ?? services[0]?.slug);
    await run(async () => {
      await state.showTicket(service);
      return null;
    });
  };
  return (
    <section aria-labelledby="ticket-title" class="staff-section">
      <h3 id="ticket-title">{text(locale, "ticketTitle")}</h3>
      {duty ? (
        <form onSubmit={show}>
          <p>{text(locale, "ticketDetail", { name: duty.name })}</p>
          {services.length > 1 ? (
            <div class="fields">
              <label for="ticket-service">{text(locale, "ticketService")}</label>
              <select id="ticket-service" name="service">
                {services.map((s) => (
                  <option key={s.slug} value={s.slug}>
                    {s.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <button type="submit" class="primary" disabled={busy}>
            {text(locale, "ticketShow")}
          </button>
        </form>
      ) : (
        <p>{text(locale, "ticketNeedsDuty")}</p>
      )}
      <Message outcome={outcome} />
    </section>
  );
}

function Queue({ state }: { state: KioskState }) {
  const locale = state.locale.value;
  const { waiting, open, aside } = state.queue.value;
  const synced = state.lastSync.value;
  return (
    <section aria-labelledby="queue-title" class="staff-section">
      <h3 id="queue-title">{text(locale, "queueTitle")}</h3>
      <p>
        {text(locale, state.online.value ? "statusOnline" : "statusOffline")} ·{" "}
        {text(locale, "waiting", { n: waiting + open })} ·{" "}
        {synced ? text(locale, "lastSync", { time: clock(synced, locale) }) : text(locale, "neverSynced")}
      </p>
      <h4>{text(locale, "asideTitle")}</h4>
      {aside.length === 0 ? (
        <p>{text(locale, "asideNone")}</p>
      ) : (
        <>
          <ul class="aside">
            {aside.map((item) => (
              <li key={item.id}>
                {clock(item.at, locale)} · {errorText(locale, item.code)}
              </li>
            ))}
          </ul>
          <button type="button" class="secondary" onClick={() => state.retryAside()}>
            {text(locale, "retryAside")}
          </button>
        </>
      )}
    </section>
  );
}

function Unpair({ state }: { state: KioskState }) {
  const locale = state.locale.value;
  const left = state.undelivered.value;
  const { outcome, setOutcome, busy, run } = useAction(locale);
  const unpair = async (event: Event) => {
    event.preventDefault();
    // Unpairing revokes the token: anything still queued (ratings, duty changes) could never be sent.
    if (left > 0) {
      setOutcome({ message: text(locale, "unpairBlocked", { n: left }), error: true });
      state.syncNow();
      return;
    }
    const { nip, pin } = fieldsOf(event.target as HTMLFormElement);
    await run(async () => {
      await state.unpair(nip, pin);
      return null;
    });
  };
  return (
    <section aria-labelledby="unpair-title" class="staff-section">
      <h3 id="unpair-title">{text(locale, "unpairTitle")}</h3>
      <p>{text(locale, "unpairDetail")}</p>
      <form onSubmit={unpair}>
        <Credentials prefix="unpair" locale={locale} />
        <button type="submit" class="danger" disabled={busy}>
          {text(locale, "unpair")}
        </button>
      </form>
      <Message outcome={outcome} />
    </section>
  );
}
