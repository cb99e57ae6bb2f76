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
import { CallFailed } from "../api.ts";
import { clock } from "../components/status.tsx";
import type { KioskState } from "../state.ts";
import { retryAside } from "../store.ts";
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
      <Duty state={state} />
      <Ticket state={state} />
      <Queue state={state} />
      <Unpair state={state} />
      <p class="version">{text(locale, "version", { version: __APP_VERSION__ })}</p>
    </dialog>
  );
}

/** A form's outcome: a message to show and whether it is an error. */
type Outcome = { message: string; error: boolean } | null;

const failure = (locale: KioskState["locale"]["value"], error: unknown): Outcome => ({
  message: errorText(locale, error instanceof CallFailed ? error.code : "unknown"),
  error: true,
});

function Message({ outcome }: { outcome: Outcome }) {
  return (
    <p role={outcome?.error ? "alert" : "status"} class={outcome?.error ? "error" : "ok"}>
      {outcome?.message ?? ""}
    </p>
  );
}

/** NIP and PIN fields, checked as the API checks them. */
function Credentials({ prefix, locale }: { prefix: string; locale: KioskState["locale"]["value"] }) {
  return (
    <div class="fields">
      <label for={`${prefix}-nip`}>{text(locale, "nip")}</label>
      <input
        id={`${prefix}-nip`}
        name="nip"
        inputMode="numeric"
        pattern="\d{18}"
        maxLength={18}
        autoComplete="off"
        required
      />
      <label for={`${prefix}-pin`}>{text(locale, "pin")}</label>
      <input
        id={`${prefix}-pin`}
        name="pin"
        type="password"
        inputMode="numeric"
        pattern="\d{6}"
        maxLength={6}
        autoComplete="off"
        required
      />
    </div>
  );
}

const fieldsOf = (form: HTMLFormElement) => {
  const data = new FormData(form);
  return { nip: String(data.get("nip") ?? "").trim(), pin: String(data.get("pin") ?? "").trim() };
};

function Duty({ state }: { state: KioskState }) {
  const locale = state.locale.value;
  const duty = state.duty.value;
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const checkIn = async (event: Event) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const { nip, pin } = fieldsOf(form);
    setBusy(true);
    try {
      const result = await state.checkIn(nip, pin);
      form.reset();
      setOutcome({
        message: result.offline
          ? text(locale, "checkedInOffline")
          : text(locale, "checkedIn", { name: result.name ?? nip }),
        error: false,
      });
    } catch (error) {
      setOutcome(failure(locale, error));
    } finally {
      setBusy(false);
    }
  };
  const [askPin, setAskPin] = useState(false);
  const checkOut = async (event: Event) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const { pin } = fieldsOf(form);
    setBusy(true);
    try {
      await state.checkOut(pin);
      setAskPin(false);
      setOutcome({ message: text(locale, "checkedOut"), error: false });
    } catch (error) {
      form.reset();
      setOutcome(failure(locale, error));
    } finally {
      setBusy(false);
    }
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
              <input
                id="checkout-pin"
                name="pin"
                type="password"
                inputMode="numeric"
                pattern="\d{6}"
                maxLength={6}
                autoComplete="off"
                required
                ref={(input) => input?.focus()}
              />
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
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const show = async (event: Event) => {
    event.preventDefault();
    const service = String(new FormData(event.target as HTMLFormElement).get("service") ?? services[0]?.slug);
    setBusy(true);
    try {
      await state.showTicket(service);
    } catch (error) {
      setOutcome(failure(locale, error));
      setBusy(false);
    }
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
          <button
            type="button"
            class="secondary"
            onClick={async () => {
              await retryAside();
              state.syncNow();
              await state.refreshQueue();
            }}
          >
            {text(locale, "retryAside")}
          </button>
        </>
      )}
    </section>
  );
}

function Unpair({ state }: { state: KioskState }) {
  const locale = state.locale.value;
  const { waiting, open } = state.queue.value;
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const unpair = async (event: Event) => {
    event.preventDefault();
    // Unpairing revokes the token: anything still queued could never be sent.
    if (waiting + open > 0) {
      setOutcome({ message: text(locale, "unpairBlocked", { n: waiting + open }), error: true });
      state.syncNow();
      return;
    }
    const { nip, pin } = fieldsOf(event.target as HTMLFormElement);
    setBusy(true);
    try {
      await state.unpair(nip, pin);
    } catch (error) {
      setOutcome(failure(locale, error));
      setBusy(false);
    }
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
