/**
 * The kiosk's state and what can happen to it, as signals and actions, testable
 * without a DOM: which screen shows and the rating being made (kept in the outbox
 * from the tap on), on top of the tablet's link to its counter (counter-state.ts: who
 * serves, the queue, the staff actions). It keeps no timer and listens to no browser
 * event: runtime.ts starts those beside it (the idle and thank-you timeouts, the poll,
 * online/offline, the sync loop, the cache).
 */
import { batch, computed, signal } from "@preact/signals";
import type { RatingInput } from "../core/contract.ts";
import type { Locale } from "../core/questionnaire.ts";
import { uuidv7 } from "../core/uuid7.ts";
import { createCounterState, type KioskDeps } from "./counter-state.ts";
import { SURVEY_IDLE_MS } from "./sync.ts";

export type { CounterDuty, KioskDeps, PairedSetup, SyncResult } from "./counter-state.ts";

/** The citizen's screens; `ticket` shows a rating ticket's QR for the citizen's own phone. */
export type Screen = "home" | "reasons" | "offer" | "survey" | "thanks" | "ticket";

/** A ticket shown as a QR code: its rating page and when it expires. */
export interface ShownTicket {
  url: string;
  expiresAt: string;
  /** Who it rates: the officer on duty when it was made. */
  officer: string;
}

/**
 * How long a new screen (or survey step) ignores taps: a second tap of a double tap, common
 * among elderly citizens, comes 100–300 ms after the first, and lands on whatever the first
 * tap brought up. 450 ms is above that and below the time anyone needs to read a new screen.
 */
export const TAP_GUARD_MS = 450;
/** How long the short steps (reasons, the survey offer) and an English home screen wait untouched before the faces come back in Bahasa Indonesia. */
export const STEP_IDLE_MS = 20_000;

/**
 * How long `screen` may stay untouched before it gives way to the next citizen (0: for ever):
 * the full survey keeps SURVEY_IDLE_MS (typing a comment takes time), the short steps
 * STEP_IDLE_MS, and the faces wait only when left in English.
 */
export function idleLimit(screen: Screen, open: boolean, locale: Locale): number {
  if (open && screen === "survey") return SURVEY_IDLE_MS;
  if (open && (screen === "reasons" || screen === "offer")) return STEP_IDLE_MS;
  if (screen === "home" && locale !== "id") return STEP_IDLE_MS;
  return 0;
}

/** The state of a paired kiosk. */
export function createKioskState(deps: KioskDeps) {
  const { outbox, server, sendNow = () => undefined, now = Date.now } = deps;
  const counter = createCounterState(deps);
  const { setup, archived, duty, refreshQueue } = counter;
  const locale = signal<Locale>("id");
  const screen = signal<Screen>("home");
  const rating = signal<RatingInput | null>(null);
  /** How often the screen was touched: each touch restarts its idle timeout (runtime.ts). */
  const touches = signal(0);
  const staffOpen = signal(false);
  const ticket = signal<ShownTicket | null>(null);
  /** When the screen (or survey step) on show appeared; the faces at start take taps at once. */
  let shownAt = Number.NEGATIVE_INFINITY;
  /** When the press being handled began (its pointerdown), as runtime.ts reports it; null: now. */
  let pressBegan: number | null = null;
  /** False for TAP_GUARD_MS after a screen appears: the screens show their buttons disabled meanwhile. */
  const settled = signal(true);
  /** When the screen on show gives way to the next citizen if untouched (ms), as runtime.ts timed it; null: never. */
  const idleUntil = signal<number | null>(null);

  /** Shows `next` (or a new survey step, without one): taps that began before now + TAP_GUARD_MS are refused. */
  function show(next?: Screen) {
    shownAt = now();
    batch(() => {
      settled.value = false;
      if (next) screen.value = next;
    });
  }

  /** Whether the press being handled may act: it began TAP_GUARD_MS or more after the screen appeared. */
  function takesTap(): boolean {
    const began = pressBegan ?? now();
    pressBegan = null;
    return began - shownAt >= TAP_GUARD_MS;
  }

  /** Back to the faces for the next citizen, in Bahasa Indonesia. */
  function toHome() {
    batch(() => {
      rating.value = null;
      ticket.value = null;
      locale.value = "id";
      show("home");
    });
  }

  /**
   * Staff make a rating ticket for a citizen who prefers their phone: the server binds it to
   * this counter's officer on duty (the tablet vouches) and the service; the QR then shows on
   * the citizen's screen until "Selesai" or TICKET_SCREEN_MS (runtime.ts). Needs the network.
   */
  async function showTicket(service: string) {
    const serving = duty.value;
    const made = await server<{ url: string; expiresAt: string }>("/tickets", { method: "POST", body: { service } });
    batch(() => {
      ticket.value = { url: made.url, expiresAt: made.expiresAt, officer: serving?.name ?? "" };
      staffOpen.value = false;
      show("ticket");
    });
  }

  /** Restarts the screen's idle watchdog (idleLimit): untouched, an open rating is finished as it stands. */
  function touch() {
    touches.value += 1;
  }

  /** Saves the open rating with more of the citizen's answers (still open). */
  async function update(fields: Partial<RatingInput>) {
    if (!rating.value) return;
    rating.value = { ...rating.value, ...fields };
    touch();
    await outbox.keepRating(rating.value, false);
  }

  /**
   * A face tapped: the rating exists from now on, whatever happens next. A second tap of a
   * double tap is refused (false): the screen counts as changing from the first one on.
   */
  async function tapFace(face: 1 | 2 | 3 | 4): Promise<boolean> {
    const service = setup.value.services[0]?.slug;
    if (!service || archived.value || screen.value !== "home" || !takesTap()) return false;
    shownAt = now();
    const made: RatingInput = {
      id: uuidv7(),
      agency: setup.value.agency,
      service,
      channel: "kiosk",
      overall: face,
      locale: locale.value,
      createdAt: new Date().toISOString(),
    };
    await outbox.keepRating(made, false);
    rating.value = made;
    show(face <= 2 ? "reasons" : "offer");
    touch();
    void refreshQueue();
    return true;
  }

  /** After a low face: one reason chosen (or none: skipped), then the survey's offer. False: the tap came too early. */
  async function chooseReason(code: string | null): Promise<boolean> {
    if (screen.value !== "reasons" || !takesTap()) return false;
    shownAt = now();
    if (code) await update({ reasons: [code] });
    show("offer");
    return true;
  }

  /** The citizen answers the survey's offer: the survey, or the rating sent as it is. False: the tap came too early. */
  async function answerOffer(yes: boolean): Promise<boolean> {
    if (screen.value !== "offer" || !takesTap()) return false;
    touch();
    if (yes) show("survey");
    else await finish();
    return true;
  }

  /**
   * The rating is complete: sent from the queue. With `thank` (the citizen said they
   * were done) the neutral thank-you shows first (for the counter's thanksSeconds,
   * runtime.ts); a timeout goes straight back.
   */
  async function finish(thank = true) {
    const done = rating.value;
    if (done) await outbox.keepRating(done, true);
    sendNow();
    void refreshQueue();
    if (!thank) return toHome();
    rating.value = null;
    show("thanks");
  }

  return {
    ...counter,
    locale,
    screen,
    rating,
    touches,
    staffOpen,
    ticket,
    settled,
    idleUntil,
    show,
    takesTap,
    /** Runtime.ts reports when the press now being handled began (its pointerdown); null once it is handled. */
    pressed: (at: number | null) => {
      pressBegan = at;
    },
    /** TAP_GUARD_MS after `show`, runtime.ts says the screen takes taps again (its buttons are enabled). */
    settle: () => {
      settled.value = true;
    },
    chooseReason,
    answerOffer,
    showTicket,
    /** The services given at the counter; the survey asks which only when there are several. */
    asksService: computed(() => setup.value.services.length > 1),
    tapFace,
    update,
    touch,
    finish,
    toHome,
  };
}

/** The kiosk's state, as the screens receive it. */
export type KioskState = ReturnType<typeof createKioskState>;
