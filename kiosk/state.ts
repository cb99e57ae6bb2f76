/**
 * The kiosk's state and what can happen to it, as signals, testable without a
 * DOM: which screen shows, the rating being made (kept in IndexedDB from the
 * tap on), who serves, the queue, and the staff actions.
 */
import { batch, computed, signal } from "@preact/signals";
import type { RatingInput } from "../core/contract.ts";
import type { Locale } from "../core/questionnaire.ts";
import type { DeviceSelf } from "../core/responses.ts";
import { uuidv7 } from "../core/uuid7.ts";
import { CallFailed, call } from "./api.ts";
import { type Pairing, savePairing } from "./device.ts";
import { forgetDeviceKey } from "./device-key.ts";
import { keepRating, queueDutyChange, queueState } from "./store.ts";
import { SURVEY_IDLE_MS, startSync } from "./sync.ts";

/** The citizen's screens; `ticket` shows a rating ticket's QR for the citizen's own phone. */
export type Screen = "home" | "reasons" | "offer" | "survey" | "thanks" | "ticket";

/** A ticket shown as a QR code: its rating page and when it expires. */
export interface ShownTicket {
  url: string;
  expiresAt: string;
  /** Who it rates: the officer on duty when it was made. */
  officer: string;
}

/** How long a ticket's QR stays on screen before the faces come back. */
export const TICKET_SCREEN_MS = 3 * 60_000;

/** What the tablet shows about its counter (cached, so it starts without the server). */
export type Setup = Omit<DeviceSelf, "duty">;
type Duty = NonNullable<DeviceSelf["duty"]>;

const SETUP_KEY = "suara.setup";

/** Remembers what the server said about the counter, so the tablet can start without it. */
export const rememberSetup = (self: DeviceSelf) => localStorage.setItem(SETUP_KEY, JSON.stringify(self));
const SYNCED_KEY = "suara.lastSync";
/** How often the tablet asks who serves: a check-in made elsewhere shows at the next ask, 15 s at most. */
export const POLL_MS = 15_000;

function cached<T>(key: string): T | null {
  try {
    return JSON.parse(localStorage.getItem(key) ?? "null") as T | null;
  } catch {
    return null;
  }
}

/** The state of a paired kiosk; `onUnpaired` runs when the tablet is unpaired or revoked. */
export function createKioskState(pairing: Pairing, onUnpaired: () => void) {
  const cachedSetup = cached<DeviceSelf>(SETUP_KEY);
  const setup = signal<Setup>(
    cachedSetup ?? {
      device: { id: "", name: "" },
      agency: pairing.agency,
      agencyName: pairing.agencyName,
      counter: pairing.counter,
      counterName: pairing.counterName,
      services: [],
      thanksSeconds: 5,
    },
  );
  const duty = signal<Duty | null>(cachedSetup?.duty ?? null);
  /** An officer checked in while offline: shown by NIP until the server confirms. */
  const pendingOfficer = signal<string | null>(null);
  const locale = signal<Locale>("id");
  const screen = signal<Screen>("home");
  const rating = signal<RatingInput | null>(null);
  const online = signal(navigator.onLine);
  const lastSync = signal<number | null>(cached<number>(SYNCED_KEY));
  const queue = signal<Awaited<ReturnType<typeof queueState>>>({
    waiting: 0,
    open: 0,
    duties: 0,
    pendingCheckIn: null,
    aside: [],
  });
  const staffOpen = signal(false);
  const ticket = signal<ShownTicket | null>(null);

  let thanksTimer: ReturnType<typeof setTimeout> | undefined;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;

  const refreshQueue = async () => {
    queue.value = await queueState();
    // A check-in still queued (e.g. after a reload while offline) shows as pending.
    if (queue.value.pendingCheckIn && !duty.value) pendingOfficer.value = queue.value.pendingCheckIn;
  };

  const sync = startSync(
    { token: pairing.token, counter: pairing.counter },
    {
      onResult: ({ reachable, syncedAt, duties }) => {
        online.value = reachable;
        if (syncedAt) {
          lastSync.value = syncedAt;
          localStorage.setItem(SYNCED_KEY, String(syncedAt));
        }
        // Queued check-ins are on the server now: show whom it says serves.
        if (duties > 0) {
          pendingOfficer.value = null;
          void refresh();
        }
        void refreshQueue();
      },
      onRevoked: () => unpaired(),
    },
  );

  function unpaired() {
    sync.stop();
    clearInterval(poller);
    savePairing(null);
    localStorage.removeItem(SETUP_KEY);
    // The key belonged to this pairing; the next one makes its own.
    void forgetDeviceKey();
    onUnpaired();
  }

  /** Asks the server for the counter's set-up and who serves; keeps the cached one when it cannot. */
  async function refresh() {
    try {
      const self = await call<DeviceSelf>("/devices/self", { token: pairing.token });
      rememberSetup(self);
      const { duty: current, ...rest } = self;
      // The server is back after being out of reach: send what waited without waiting for the backoff.
      if (!online.value) sync.kick();
      batch(() => {
        setup.value = rest;
        duty.value = current;
        online.value = true;
      });
    } catch (error) {
      if (error instanceof CallFailed && error.pairingLost) return unpaired();
      online.value = false;
    }
  }
  const poller = setInterval(refresh, POLL_MS);
  const goOnline = () => {
    online.value = true;
    void refresh();
  };
  const goOffline = () => {
    online.value = false;
  };
  window.addEventListener("online", goOnline);
  window.addEventListener("offline", goOffline);
  void refresh();
  void refreshQueue();

  /** Back to the faces for the next citizen, in Bahasa Indonesia. */
  function toHome() {
    clearTimeout(thanksTimer);
    clearTimeout(idleTimer);
    batch(() => {
      rating.value = null;
      ticket.value = null;
      locale.value = "id";
      screen.value = "home";
    });
  }

  /**
   * Staff make a rating ticket for a citizen who prefers their phone: the server binds it to
   * this counter's officer on duty (the tablet vouches) and the service; the QR then shows on
   * the citizen's screen until "Selesai" or TICKET_SCREEN_MS. Needs the network.
   */
  async function showTicket(service: string) {
    const serving = duty.value;
    const made = await call<{ url: string; expiresAt: string }>("/tickets", {
      token: pairing.token,
      method: "POST",
      body: { service },
    });
    batch(() => {
      ticket.value = { url: made.url, expiresAt: made.expiresAt, officer: serving?.name ?? "" };
      staffOpen.value = false;
      screen.value = "ticket";
    });
    clearTimeout(thanksTimer);
    thanksTimer = setTimeout(toHome, TICKET_SCREEN_MS);
  }

  /** Restarts the 60 s watchdog of an open rating: untouched, it is finished as it stands. */
  function touch() {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => void finish(false), SURVEY_IDLE_MS);
  }

  /** Saves the open rating with more of the citizen's answers (still open). */
  async function update(fields: Partial<RatingInput>) {
    if (!rating.value) return;
    rating.value = { ...rating.value, ...fields };
    touch();
    await keepRating(rating.value, false);
  }

  /** A face tapped: the rating exists from now on, whatever happens next. */
  async function tapFace(face: 1 | 2 | 3 | 4) {
    const service = setup.value.services[0]?.slug;
    if (!service) return;
    const made: RatingInput = {
      id: uuidv7(),
      agency: setup.value.agency,
      service,
      channel: "kiosk",
      overall: face,
      locale: locale.value,
      createdAt: new Date().toISOString(),
    };
    await keepRating(made, false);
    rating.value = made;
    screen.value = face <= 2 ? "reasons" : "offer";
    touch();
    void refreshQueue();
  }

  /**
   * The rating is complete: sent from the queue. With `thank` (the citizen said they
   * were done) the neutral thank-you shows first; a timeout goes straight back.
   */
  async function finish(thank = true) {
    const done = rating.value;
    clearTimeout(idleTimer);
    if (done) await keepRating(done, true);
    sync.kick();
    void refreshQueue();
    if (!thank) return toHome();
    rating.value = null;
    screen.value = "thanks";
    clearTimeout(thanksTimer);
    thanksTimer = setTimeout(toHome, setup.value.thanksSeconds * 1000);
  }

  /** Staff check an officer in: at once when online, queued (and shown as pending) when not. */
  async function checkIn(nip: string, pin: string): Promise<{ ok: true; offline: boolean; name?: string }> {
    const at = new Date().toISOString();
    try {
      const started = await call<{ duty: { officer: { name: string } } }>(`/counters/${pairing.counter}/duty`, {
        token: pairing.token,
        method: "POST",
        body: { nip, pin },
      });
      pendingOfficer.value = null;
      await refresh();
      return { ok: true, offline: false, name: started.duty.officer.name };
    } catch (error) {
      if (error instanceof CallFailed && !error.transient) throw error;
      await queueDutyChange({ kind: "checkIn", nip, pin, at });
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
    try {
      await call(`/counters/${pairing.counter}/duty`, { token: pairing.token, method: "DELETE", body: { pin } });
      batch(() => {
        duty.value = null;
        pendingOfficer.value = null;
      });
      return { offline: false };
    } catch (error) {
      if (error instanceof CallFailed && !error.transient) throw error;
      await queueDutyChange({ kind: "checkOut", pin, at });
      batch(() => {
        duty.value = null;
        pendingOfficer.value = null;
      });
      void refreshQueue();
      return { offline: true };
    }
  }

  /** Unpairs with an officer's NIP and PIN: the server revokes the token, then the tablet forgets it. */
  async function unpair(nip: string, pin: string) {
    await call("/devices/self/unpair", { token: pairing.token, method: "POST", body: { nip, pin } });
    unpaired();
  }

  return {
    pairing,
    setup,
    duty,
    pendingOfficer,
    locale,
    screen,
    rating,
    online,
    lastSync,
    queue,
    staffOpen,
    ticket,
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
    refresh,
    refreshQueue,
    syncNow: () => sync.kick(),
    /** Stops timers and listeners (tests, unpairing). */
    dispose: () => {
      sync.stop();
      clearInterval(poller);
      clearTimeout(thanksTimer);
      clearTimeout(idleTimer);
      window.removeEventListener("online", goOnline);
      window.removeEventListener("offline", goOffline);
    },
  };
}

/** The kiosk's state, as the screens receive it. */
export type KioskState = ReturnType<typeof createKioskState>;
