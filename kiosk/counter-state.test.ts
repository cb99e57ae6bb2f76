/**
 * The tablet's link to its counter (counter-state.ts) without a DOM, as the staff menu and the
 * sync loop drive it: duties made offline, what the server refuses, unpairing, an archived
 * counter and a revoked tablet, against the real API (test-kiosk.ts).
 */
import { describe, expect, it, vi } from "vitest";
import { duties, ratings } from "../db/schema.ts";
import { AGENCY, OFFICER_NIPS, PIN, testApp } from "../worker/test-app.ts";
import { TAP_GUARD_MS } from "./state.ts";
import { kioskAt } from "./test-kiosk.ts";

describe("the kiosk's staff actions", () => {
  it("queues a check-in made offline, shows it as pending, and shows the officer once the sync delivered it", async () => {
    const t = await testApp();
    const kiosk = await kioskAt(t, await t.pairDevice("loket-3"), "loket-3");
    const { state, net } = kiosk;
    await state.refresh();
    expect(state.duty.value).toBeNull();

    net.down = true;
    await state.refresh();
    expect(state.online.value).toBe(false);
    expect(await state.checkIn(OFFICER_NIPS[1], PIN)).toEqual({ ok: true, offline: true });
    expect(state.pendingOfficer.value).toBe(OFFICER_NIPS[1]);
    await state.refreshQueue();
    expect(state.queue.value).toMatchObject({ duties: 1, pendingCheckIn: OFFICER_NIPS[1] });

    net.down = false;
    await kiosk.sync();
    expect(state.queue.value).toMatchObject({ duties: 0, pendingCheckIn: null });
    const officerId = await t.officerId(OFFICER_NIPS[1]);
    await vi.waitFor(() => expect(state.duty.value?.officerId).toBe(officerId));
    expect(state.pendingOfficer.value).toBeNull();
    expect(state.online.value).toBe(true);

    // Checked out online: nobody serves, nothing queued.
    expect(await state.checkOut(PIN)).toEqual({ offline: false });
    expect(state.duty.value).toBeNull();
    await state.refresh();
    expect(state.duty.value).toBeNull();
  });

  it("sets aside what the server refuses, and puts it back in the queue when staff ask", async () => {
    const t = await testApp();
    const kiosk = await kioskAt(t, await t.staffAllDay("loket-1", OFFICER_NIPS[0]), "loket-1");
    const { state, outbox } = kiosk;
    await state.refresh();
    await state.tapFace(4);
    const refused = { ...state.rating.value!, service: "no-such-service" };
    await outbox.keepRating(refused, true);
    state.toHome();

    await kiosk.sync();
    expect(state.queue.value).toMatchObject({ waiting: 0, open: 0 });
    expect(state.queue.value.aside.map((item) => [item.what, item.rating?.id])).toEqual([["rating", refused.id]]);

    const asked = kiosk.sendRequests();
    await state.retryAside();
    expect(kiosk.sendRequests()).toBe(asked + 1);
    expect(state.queue.value).toMatchObject({ waiting: 1, aside: [] });
  });

  it("queues a check-out made offline; a wrong PIN in it is set aside for staff when it arrives", async () => {
    const t = await testApp();
    const kiosk = await kioskAt(t, await t.staffAllDay("loket-1", OFFICER_NIPS[0]), "loket-1");
    const { state, net } = kiosk;
    await state.refresh();
    net.down = true;
    expect(await state.checkOut("000000")).toEqual({ offline: true });
    expect(state.duty.value).toBeNull();
    await state.refreshQueue();
    expect(state.queue.value).toMatchObject({ duties: 1, pendingCheckIn: null });

    net.down = false;
    await kiosk.sync();
    expect(state.queue.value.duties).toBe(0);
    expect(state.queue.value.aside.map((item) => [item.what, item.change?.kind, item.change?.pin])).toEqual([
      ["duty", "checkOut", undefined],
    ]);
    // The server still has the officer on duty: the next ask shows them again.
    await state.refresh();
    expect(state.duty.value?.officerId).toBe(await t.officerId(OFFICER_NIPS[0]));
  });

  it("refuses a wrong PIN at once instead of queueing it", async () => {
    const t = await testApp();
    const { state } = await kioskAt(t, await t.pairDevice("loket-3"), "loket-3");
    await expect(state.checkIn(OFFICER_NIPS[1], "000000")).rejects.toMatchObject({ status: 401 });
    await state.refreshQueue();
    expect(state.queue.value.duties).toBe(0);
    expect(state.pendingOfficer.value).toBeNull();
  });

  it("is unpaired by an officer's NIP and PIN, and a tablet still holding the token hears it is no longer paired", async () => {
    const t = await testApp();
    const token = await t.pairDevice("loket-3");
    const { state } = await kioskAt(t, token, "loket-3");
    await state.unpair(OFFICER_NIPS[0], PIN);
    expect(state.paired.value).toBe(false);

    const other = await kioskAt(t, token, "loket-3");
    expect(other.state.paired.value).toBe(true);
    await other.state.refresh();
    expect(other.state.paired.value).toBe(false);
  });
});

describe("the kiosk of a counter archived while it was offline", () => {
  it("stays paired, delivers the tap and check-out made before, then shows the counter archived and takes no tap", async () => {
    const t = await testApp();
    const admin = await t.login();
    const kiosk = await kioskAt(t, await t.staffAllDay("loket-1", OFFICER_NIPS[0], admin), "loket-1");
    const { state, net } = kiosk;
    await state.refresh();
    expect(state.archived.value).toBe(false);

    // Offline: a citizen taps, then the officer ends their duty at the tablet.
    net.down = true;
    expect(await state.tapFace(4)).toBe(true);
    await state.finish(false);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await state.checkOut(PIN)).toEqual({ offline: true });
    await state.refreshQueue();
    expect(state.undelivered.value).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 5));
    // Meanwhile the admin archives the counter.
    const { counters } = await (await t.call("GET", `/api/v1/agencies/${AGENCY}/counters`, { token: admin })).json();
    const loket1 = counters.find((c: { code: string }) => c.code === "loket-1");
    await t.call("DELETE", `/api/v1/agencies/${AGENCY}/counters/${loket1.id}`, { token: admin });

    // Back online: the poll says the counter is archived; the tablet keeps its pairing and its queue.
    net.down = false;
    await state.refresh();
    expect(state.paired.value).toBe(true);
    expect(state.archived.value).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, TAP_GUARD_MS));
    expect(await state.tapFace(3)).toBe(false);
    await kiosk.sync();
    expect(state.queue.value).toMatchObject({ waiting: 0, open: 0, duties: 0, aside: [] });
    expect(state.undelivered.value).toBe(0);
    expect(state.paired.value).toBe(true);
    const stored = await t.db.select({ overall: ratings.overall, officerId: ratings.officerId }).from(ratings);
    expect(stored).toEqual([{ overall: 4, officerId: await t.officerId(OFFICER_NIPS[0]) }]);
    const [ended] = await t.db.select({ endedVia: duties.endedVia }).from(duties);
    expect(ended.endedVia).toBe("tablet");
  });
});

describe("the kiosk of a tablet an admin revoked", () => {
  it("sets what waits aside in words before it forgets its pairing, and never sends it as another tablet", async () => {
    const t = await testApp();
    const admin = await t.login();
    const kiosk = await kioskAt(t, await t.staffAllDay("loket-1", OFFICER_NIPS[0], admin), "loket-1");
    const { state, net, outbox } = kiosk;
    await state.refresh();
    net.down = true;
    expect(await state.tapFace(4)).toBe(true);
    await state.finish(false);
    await new Promise((resolve) => setTimeout(resolve, TAP_GUARD_MS));
    expect(await state.tapFace(1)).toBe(true);
    const { devices } = await (await t.call("GET", `/api/v1/agencies/${AGENCY}/devices`, { token: admin })).json();
    await t.call("DELETE", `/api/v1/agencies/${AGENCY}/devices/${devices[0].id}`, { token: admin });

    net.down = false;
    await state.refresh();
    expect(state.paired.value).toBe(false);
    const kept = await outbox.queueState();
    expect(kept).toMatchObject({ waiting: 0, open: 0, duties: 0 });
    expect(kept.aside.map((item) => item.code)).toEqual(["pairing_lost", "pairing_lost"]);
    // Paired again (to any counter), "Coba kirim lagi" leaves them aside: they would rate that counter.
    await outbox.retryAside();
    expect(await outbox.queueState()).toMatchObject({ waiting: 0, aside: kept.aside });
    expect(await t.db.select().from(ratings)).toEqual([]);
  });
});
