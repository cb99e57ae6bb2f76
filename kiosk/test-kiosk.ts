/**
 * A kiosk for tests without a DOM: its state (state.ts) against the real API of a test app
 * (worker/test-app.ts, a real libSQL database), over a network that can be cut, with the
 * outbox kept in memory (memory-outbox.ts).
 */
import { AGENCY, type testApp } from "../worker/test-app.ts";
import { deviceCall } from "./api.ts";
import { memoryOutbox } from "./memory-outbox.ts";
import { createKioskState } from "./state.ts";
import { syncOnce } from "./sync.ts";

type TestApp = Awaited<ReturnType<typeof testApp>>;

/** The network between the tablet and the test app's API; while `down`, nothing gets through (as fetch fails offline). */
function network(t: TestApp) {
  const net = {
    down: false,
    send: (async (url, init = {}) => {
      if (net.down) throw new TypeError("Failed to fetch");
      const bearer = (init.headers as Record<string, string>).authorization?.replace("Bearer ", "");
      return t.call(init.method ?? "GET", String(url), { token: bearer, body: init.body ?? undefined });
    }) as typeof fetch,
  };
  return net;
}

/** A kiosk paired at `counter` of the demo agency, its state on a memory outbox, and the sync that sends it. */
export async function kioskAt(t: TestApp, token: string, counter: string) {
  const net = network(t);
  const outbox = memoryOutbox();
  const server = deviceCall(token, net.send);
  let sendRequests = 0;
  const pairing = { token, agency: AGENCY, agencyName: "", counter, counterName: "" };
  const sendNow = () => {
    sendRequests += 1;
  };
  const state = createKioskState({ pairing, outbox, server, sendNow });
  /** One sync, as the sync loop runs it, reported to the state. */
  const sync = async () => {
    const { duties } = await syncOnce({ outbox, server, counter });
    state.synced({ reachable: true, syncedAt: Date.now(), duties });
    await state.refreshQueue();
  };
  return { state, net, outbox, sync, sendRequests: () => sendRequests };
}
