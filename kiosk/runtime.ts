/**
 * What runs beside the kiosk's state on the tablet (state.ts holds state and
 * actions only, and is tested without a DOM): the tablet's outbox and network,
 * the cache that lets it start without the server, the sync loop, the poll, the
 * browser's online/offline events, the screens' timeouts, the touches that keep
 * a rating open, and the screen wake lock.
 */
import { effect } from "@preact/signals";
import type { DeviceSelf } from "../core/responses.ts";
import { deviceCall } from "./api.ts";
import { type Pairing, savePairing } from "./device.ts";
import { forgetDeviceKey } from "./device-key.ts";
import { createKioskState, idleLimit, type KioskState, TAP_GUARD_MS } from "./state.ts";
import { tabletOutbox } from "./store.ts";
import { startSync } from "./sync.ts";

/** How long a ticket's QR stays on screen before the faces come back. */
export const TICKET_SCREEN_MS = 3 * 60_000;
/** How often the tablet asks who serves: a check-in made elsewhere shows at the next ask, 15 s at most. */
export const POLL_MS = 15_000;

const SETUP_KEY = "suara.setup";
const SYNCED_KEY = "suara.lastSync";

/** Remembers what the server said about the counter, so the tablet can start without it. */
export const rememberSetup = (self: DeviceSelf) => localStorage.setItem(SETUP_KEY, JSON.stringify(self));

function cached<T>(key: string): T | null {
  try {
    return JSON.parse(localStorage.getItem(key) ?? "null") as T | null;
  } catch {
    return null;
  }
}

/**
 * Times the citizen's screens: a screen left untouched for its idleLimit (state.ts)
 * gives way to the next citizen, an open rating finished as it stands; the
 * thank-you goes back to the faces after the counter's thanksSeconds, a ticket's
 * QR after TICKET_SCREEN_MS; a new screen takes taps TAP_GUARD_MS after it
 * appeared. Returns stop.
 */
export function timeScreens(state: KioskState): () => void {
  const idle = effect(() => {
    const open = state.rating.value !== null;
    const ms = idleLimit(state.screen.value, open, state.locale.value);
    // Each touch (and each answer) starts the wait again.
    void state.touches.value;
    if (!ms) {
      state.idleUntil.value = null;
      return;
    }
    state.idleUntil.value = Date.now() + ms;
    const timer = setTimeout(() => (open ? void state.finish(false) : state.toHome()), ms);
    return () => clearTimeout(timer);
  });
  const settle = effect(() => {
    if (state.settled.value) return;
    const timer = setTimeout(state.settle, TAP_GUARD_MS);
    return () => clearTimeout(timer);
  });
  const back = effect(() => {
    const screen = state.screen.value;
    // peek: a poll that brings the set-up again must not restart the thank-you.
    const ms =
      screen === "thanks" ? state.setup.peek().thanksSeconds * 1000 : screen === "ticket" ? TICKET_SCREEN_MS : 0;
    if (!ms) return;
    const timer = setTimeout(state.toHome, ms);
    return () => clearTimeout(timer);
  });
  return () => {
    idle();
    settle();
    back();
  };
}

/**
 * Starts the paired kiosk on this tablet: its state on IndexedDB and the network,
 * and all that runs beside it until `stop`. Once the tablet is unpaired or revoked
 * it forgets the pairing, its cache and its key, stops, and calls `onUnpaired`.
 */
export function startKiosk(pairing: Pairing, onUnpaired: () => void): { state: KioskState; stop: () => void } {
  const outbox = tabletOutbox;
  const server = deviceCall(pairing.token);
  const state = createKioskState({
    pairing,
    outbox,
    server,
    known: cached<DeviceSelf>(SETUP_KEY),
    lastSync: cached<number>(SYNCED_KEY),
    online: navigator.onLine,
    sendNow: () => sync.kick(),
  });
  const sync = startSync(
    { outbox, server, counter: pairing.counter },
    { onResult: state.synced, onRevoked: state.revoked },
  );
  const poller = setInterval(state.refresh, POLL_MS);
  const online = () => {
    sync.kick();
    state.networkChanged(true);
  };
  const offline = () => state.networkChanged(false);
  // Any touch or key keeps the screen's idle timeout away; Alt+Shift+S opens the staff menu
  // from a keyboard (the hold on the agency name is the touch path).
  let pressedAt = 0;
  const touched = (event: Event) => {
    if (event.type === "pointerdown") pressedAt = Date.now();
    state.touch();
    const key = event as KeyboardEvent;
    if (key.type === "keydown" && key.altKey && key.shiftKey && key.code === "KeyS") state.staffOpen.value = true;
  };
  // A click tells the state when its press began: a pointer's click at its pointerdown (a press that
  // began on the previous screen is refused), a key's or a screen reader's (detail 0) now.
  const clickBegins = (event: MouseEvent) => state.pressed(event.detail > 0 && pressedAt ? pressedAt : null);
  const clickEnds = () => state.pressed(null);
  // Each listener with its removal, so stopping removes exactly what was added.
  const listen = <E extends Event>(target: EventTarget, type: string, handler: (event: E) => void, capture = false) => {
    target.addEventListener(type, handler as EventListener, capture);
    return () => target.removeEventListener(type, handler as EventListener, capture);
  };
  const unlisten = [
    listen(window, "online", online),
    listen(window, "offline", offline),
    listen(document, "pointerdown", touched, true),
    listen(document, "keydown", touched),
    listen(document, "click", clickBegins, true),
    listen(window, "click", clickEnds),
  ];
  const stopAwake = keepAwake();
  const disposers = [
    timeScreens(state),
    effect(() => {
      document.documentElement.lang = state.locale.value;
    }),
    effect(() => {
      if (state.known.value) rememberSetup(state.known.value);
    }),
    effect(() => {
      if (state.lastSync.value) localStorage.setItem(SYNCED_KEY, String(state.lastSync.value));
    }),
    effect(() => {
      if (state.paired.value) return;
      stop();
      savePairing(null);
      localStorage.removeItem(SETUP_KEY);
      // The key belonged to this pairing; the next one makes its own.
      void forgetDeviceKey();
      onUnpaired();
    }),
  ];
  function stop() {
    sync.stop();
    clearInterval(poller);
    for (const remove of unlisten) remove();
    stopAwake();
    for (const dispose of disposers) dispose();
  }
  void state.refresh();
  void state.refreshQueue();
  return { state, stop };
}

/** Keeps the tablet's screen on (Screen Wake Lock), asking again whenever the page is shown; returns stop. */
function keepAwake(): () => void {
  let lock: { release: () => Promise<void> } | undefined;
  const request = () => {
    if (document.visibilityState !== "visible") return;
    const wakeLock = (navigator as { wakeLock?: { request: (type: "screen") => Promise<typeof lock> } }).wakeLock;
    void wakeLock
      ?.request("screen")
      .then((l) => {
        lock = l;
      })
      .catch(() => undefined);
  };
  request();
  document.addEventListener("visibilitychange", request);
  return () => {
    document.removeEventListener("visibilitychange", request);
    void lock?.release();
  };
}
