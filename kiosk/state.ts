/**
 * The kiosk's state and what can happen to it, as signals and actions, testable
 * without a DOM: which screen shows, the rating being made (kept in the outbox
 * from the tap on), who serves, the queue, and the staff actions. It keeps no
 * timer and listens to no browser event: runtime.ts starts those beside it (the
 * idle and thank-you timeouts, the poll, online/offline, the sync loop, the cache).
 */
import { batch, computed, signal } from "@preact/signals";
import type { RatingInput } from "../core/contract.ts";
import type { Locale } from "../core/questionnaire.ts";
import type { DeviceSelf } from "../core/responses.ts";
import { uuidv7 } from "../core/uuid7.ts";
import { CallFailed, type DeviceCall } from "./api.ts";
import type { Pairing } from "./device.ts";
import { type Outbox, type QueueState, setAsideForLostPairing } from "./outbox.ts";
import { SURVEY_IDLE_MS } from "./sync.ts";

/** The citizen's screens; `ticket` shows a rating ticket's QR for the citizen's own phone. */
export type Screen = "home" | "reasons" | "offer" | "survey" | "thanks" | "ticket";

/** A ticket shown as a QR code: its rating page and when it expires. */
export interface ShownTicket {
  url: string;
  expiresAt: string;
  /** Who it rates: the officer on duty when it was made. */
  officer: string;
}

/** What the tablet shows about the counter it is paired with (cached, so it starts without the server). */
export type PairedSetup = Omit<DeviceSelf, "duty">;
/** The duty open at the tablet's counter: who serves there now. */
export type CounterDuty = NonNullable<DeviceSelf["duty"]>;

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

/** What a sync of the outbox reports (sync.ts): whether the server answered, when a full sync ended, how many duty changes it sent. */
export interface SyncResult {
  reachable: boolean;
  syncedAt: number | null;
  duties: number;
}

/** What the kiosk's state works with; runtime.ts gives the tablet's own. */
export interface KioskDeps {
  pairing: Pairing;
  /** Where ratings and offline duty changes wait for the server. */
  outbox: Outbox;
  /** The API, as this tablet. */
  server: DeviceCall;
  /** What the server last said about the counter (cached on the tablet), if anything. */
  known?: DeviceSelf | null;
  /** When the last full sync ended (ms), as cached. */
  lastSync?: number | null;
  /** Whether the network seems up at start. */
  online?: boolean;
  /** Asks the sync loop to send the outbox now. */
  sendNow?: () => void;
  /** The clock taps are timed with (ms). */
  now?: () => number;
}

/** The state of a paired kiosk. */
export function createKioskState({
  pairing,
  outbox,
  server,
  known: cached = null,
  lastSync: cachedSync = null,
  online: onlineAtStart = true,
  sendNow = () => undefined,
  now = Date.now,
}: KioskDeps) {
  /** What the server last said about the counter and who serves (runtime.ts caches it). */
  const known = signal<DeviceSelf | null>(cached);
  const setup = computed<PairedSetup>(() => {
    if (!known.value) {
      const { agency, agencyName, counter, counterName } = pairing;
      return {
        device: { id: "", name: "" },
        agency,
        agencyName,
        counter,
        counterName,
        services: [],
        thanksSeconds: 5,
        archivedAt: null,
      };
    }
    const { duty: _, ...rest } = known.value;
    return rest;
  });
  const duty = signal<CounterDuty | null>(cached?.duty ?? null);
  /**
   * The counter was archived (the server said so): no faces to tap, but the tablet stays paired
   * and keeps sending what it made before (docs/design.md, "Archiving"). A set-up cached by an
   * older kiosk has no archivedAt: not archived.
   */
  const archived = computed(() => (known.value?.archivedAt ?? null) !== null);
  /** An officer checked in while offline: shown by NIP until the server confirms. */
  const pendingOfficer = signal<string | null>(null);
  const locale = signal<Locale>("id");
  const screen = signal<Screen>("home");
  const rating = signal<RatingInput | null>(null);
  /** How often the screen was touched: each touch restarts its idle timeout (runtime.ts). */
  const touches = signal(0);
  const online = signal(onlineAtStart);
  const lastSync = signal<number | null>(cachedSync);
  const queue = signal<QueueState>({ waiting: 0, open: 0, duties: 0, pendingCheckIn: null, aside: [] });
  /** What the tablet still has to deliver: ratings (finished or not) and duty changes. Nothing may be unpaired before it is 0. */
  const undelivered = computed(() => queue.value.waiting + queue.value.open + queue.value.duties);
  const staffOpen = signal(false);
  const ticket = signal<ShownTicket | null>(null);
  /** False once the tablet is unpaired or revoked: runtime.ts then forgets the pairing and stops. */
  const paired = signal(true);
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

  async function refreshQueue() {
    queue.value = await outbox.queueState();
    // A check-in still queued (e.g. after a reload while offline) shows as pending.
    if (queue.value.pendingCheckIn && !duty.value) pendingOfficer.value = queue.value.pendingCheckIn;
  }

  /** A sync ended (sync.ts): how the server answered, and whom it says serves once queued check-ins reached it. */
  function synced({ reachable, syncedAt, duties }: SyncResult) {
    online.value = reachable;
    if (syncedAt) lastSync.value = syncedAt;
    // Queued check-ins are on the server now: show whom it says serves.
    if (duties > 0) {
      pendingOfficer.value = null;
      void refresh();
    }
    void refreshQueue();
  }

  /** Asks the server for the counter's set-up and who serves; keeps the cached one when it cannot. */
  async function refresh() {
    try {
      const self = await server<DeviceSelf>("/devices/self");
      // The server is back after being out of reach: send what waited without waiting for the backoff.
      if (!online.value) sendNow();
      batch(() => {
        known.value = self;
        duty.value = self.duty;
        online.value = true;
      });
    } catch (error) {
      if (error instanceof CallFailed && error.pairingLost) await lose();
      else online.value = false;
    }
  }

  /**
   * The server no longer takes this tablet (revoked by an admin, or it must pair again): what
   * still waits can never be sent by it, nor by a later pairing (that would rate another
   * counter), so it is set aside in words for staff first; then the tablet forgets its pairing.
   */
  async function lose() {
    await setAsideForLostPairing(outbox);
    await refreshQueue();
    paired.value = false;
  }

  /** The browser says the network is back (or gone). */
  function networkChanged(up: boolean) {
    online.value = up;
    if (up) void refresh();
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

  /** Staff check an officer in: at once when online, queued (and shown as pending) when not. */
  async function checkIn(nip: string, pin: string): Promise<{ ok: true; offline: boolean; name?: string }> {
    const at = new Date().toISOString();
    try {
      const started = await server<{ duty: { officer: { name: string } } }>(`/counters/${pairing.counter}/duty`, {
        method: "POST",
        body: { nip, pin },
      });
      pendingOfficer.value = null;
      await refresh();
      return { ok: true, offline: false, name: started.duty.officer.name };
    } catch (error) {
      if (error instanceof CallFailed && !error.transient) throw error;
      await outbox.queueDutyChange({ kind: "checkIn", nip, pin, at });
      batch(() => {
        pendingOfficer.value = nip;
        duty.value = null;
      });
      void refreshQueue();
      return { ok: true, offline: true };
    }
  }

  /**
   * The officer on duty ends it with their PIN (anyone can tap a tablet): at once when online,
   * queued when not (the server checks the PIN when it arrives; a wrong one is set aside for staff).
   */
  async function checkOut(pin: string): Promise<{ offline: boolean }> {
    const at = new Date().toISOString();
    let offline = false;
    try {
      await server(`/counters/${pairing.counter}/duty`, { method: "DELETE", body: { pin } });
    } catch (error) {
      if (error instanceof CallFailed && !error.transient) throw error;
      await outbox.queueDutyChange({ kind: "checkOut", pin, at });
      offline = true;
    }
    batch(() => {
      duty.value = null;
      pendingOfficer.value = null;
    });
    if (offline) void refreshQueue();
    return { offline };
  }

  /** Unpairs with an officer's NIP and PIN: the server revokes the token, then the tablet forgets it. */
  async function unpair(nip: string, pin: string) {
    await server("/devices/self/unpair", { method: "POST", body: { nip, pin } });
    paired.value = false;
  }

  /** Puts what the server refused back in the queue for one more try (staff asked for it), and sends it. */
  async function retryAside() {
    await outbox.retryAside();
    sendNow();
    await refreshQueue();
  }

  return {
    pairing,
    known,
    setup,
    archived,
    undelivered,
    duty,
    pendingOfficer,
    locale,
    screen,
    rating,
    touches,
    online,
    lastSync,
    queue,
    staffOpen,
    ticket,
    paired,
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
    checkIn,
    checkOut,
    unpair,
    retryAside,
    refresh,
    refreshQueue,
    synced,
    networkChanged,
    /** The tablet was revoked (the sync loop heard it): what waits is set aside, then it forgets its pairing. */
    revoked: () => void lose(),
    syncNow: sendNow,
  };
}

/** The kiosk's state, as the screens receive it. */
export type KioskState = ReturnType<typeof createKioskState>;
