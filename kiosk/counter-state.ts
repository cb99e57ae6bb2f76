/**
 * The tablet's link to its counter, testable without a DOM: what the server last said about the
 * counter and who serves there, whether the server is in reach, what still waits in the outbox,
 * and the staff's actions on it (check-in and check-out, offline too; unpairing; what was set
 * aside). The citizen's screens (state.ts) are built on it; runtime.ts starts its timers.
 */
import { batch, computed, signal } from "@preact/signals";
import type { DeviceSelf } from "../core/responses.ts";
import { CallFailed, type DeviceCall } from "./api.ts";
import type { Pairing } from "./device.ts";
import { type Outbox, type QueueState, setAsideForLostPairing } from "./outbox.ts";

/** What the tablet shows about the counter it is paired with (cached, so it starts without the server). */
export type PairedSetup = Omit<DeviceSelf, "duty">;
/** The duty open at the tablet's counter: who serves there now. */
export type CounterDuty = NonNullable<DeviceSelf["duty"]>;

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

/** The paired tablet's counter, who serves there, and the outbox's delivery. */
export function createCounterState({
  pairing,
  outbox,
  server,
  known: cached = null,
  lastSync: cachedSync = null,
  online: onlineAtStart = true,
  sendNow = () => undefined,
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
  const online = signal(onlineAtStart);
  const lastSync = signal<number | null>(cachedSync);
  const queue = signal<QueueState>({ waiting: 0, open: 0, duties: 0, pendingCheckIn: null, aside: [] });
  /** What the tablet still has to deliver: ratings (finished or not) and duty changes. Nothing may be unpaired before it is 0. */
  const undelivered = computed(() => queue.value.waiting + queue.value.open + queue.value.duties);
  /** False once the tablet is unpaired or revoked: runtime.ts then forgets the pairing and stops. */
  const paired = signal(true);

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
    online,
    lastSync,
    queue,
    paired,
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
