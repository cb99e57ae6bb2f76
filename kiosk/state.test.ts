/**
 * The kiosk's state without a DOM: its actions driven as the screens drive them,
 * against the real API (worker/test-app.ts, a real libSQL database) over a
 * network that can be cut, with the outbox kept in memory (memory-outbox.ts),
 * and the screens' timeouts (runtime.ts) on a fake clock.
 */
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { DeviceSelf } from "../core/responses.ts";
import { ratings } from "../db/schema.ts";
import { AGENCY, OFFICER_NIPS, testApp } from "../worker/test-app.ts";
import { deviceCall } from "./api.ts";
import { memoryOutbox } from "./memory-outbox.ts";
import { timeScreens } from "./runtime.ts";
import { createKioskState, STEP_IDLE_MS, TAP_GUARD_MS } from "./state.ts";
import { SURVEY_IDLE_MS } from "./sync.ts";
import { kioskAt } from "./test-kiosk.ts";

describe("the kiosk's state", () => {
  it("keeps a rating from the tap on, walks it through the survey to the thank-you, and the sync delivers it", async () => {
    const t = await testApp();
    const kiosk = await kioskAt(t, await t.staffAllDay("loket-1", OFFICER_NIPS[0]), "loket-1");
    const { state } = kiosk;
    await state.refresh();
    expect(state.setup.value.services.length).toBeGreaterThan(0);
    expect(state.duty.value?.officerId).toBe(await t.officerId(OFFICER_NIPS[0]));
    expect(state.online.value).toBe(true);

    await state.tapFace(2);
    expect(state.screen.value).toBe("reasons");
    const id = state.rating.value!.id;
    await state.refreshQueue();
    expect(state.queue.value).toMatchObject({ open: 1, waiting: 0 });

    state.screen.value = "survey";
    await state.update({ comment: "Antrean lama sekali" });
    await state.finish();
    expect(state.screen.value).toBe("thanks");
    expect(state.rating.value).toBeNull();
    expect(kiosk.sendRequests()).toBe(1);
    await state.refreshQueue();
    expect(state.queue.value).toMatchObject({ open: 0, waiting: 1 });

    await kiosk.sync();
    expect(state.queue.value).toMatchObject({ open: 0, waiting: 0, aside: [] });
    expect(state.lastSync.value).not.toBeNull();
    const [stored] = await t.db.select().from(ratings).where(eq(ratings.id, id));
    expect(stored).toMatchObject({ overall: 2, comment: "Antrean lama sekali", channel: "kiosk" });
    expect(stored.officerId).toBe(await t.officerId(OFFICER_NIPS[0]));
  });

  it("a happy face offers the survey instead of asking why", async () => {
    const t = await testApp();
    const { state } = await kioskAt(t, await t.staffAllDay("loket-1", OFFICER_NIPS[0]), "loket-1");
    await state.refresh();
    await state.tapFace(4);
    expect(state.screen.value).toBe("offer");
    state.locale.value = "en";
    state.toHome();
    expect([state.screen.value, state.locale.value, state.rating.value]).toEqual(["home", "id", null]);
  });
});

/** A kiosk started from its cached set-up, with no server in reach. */
function offlineKiosk(thanksSeconds: number) {
  const outbox = memoryOutbox();
  const known: DeviceSelf = {
    device: { id: "dev_1", name: "Tablet loket-1" },
    agency: AGENCY,
    agencyName: "Disdukcapil",
    counter: "loket-1",
    counterName: "Loket 1",
    services: [{ slug: "ktp-el", name: "KTP Elektronik" }],
    thanksSeconds,
    archivedAt: null,
    duty: null,
  };
  const pairing = { token: "t", agency: AGENCY, agencyName: "", counter: "loket-1", counterName: "" };
  const offline = (() => Promise.reject(new TypeError("Failed to fetch"))) as typeof fetch;
  const state = createKioskState({ pairing, outbox, server: deviceCall("t", offline), known, online: false });
  return { state, outbox, stop: timeScreens(state) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("the kiosk's screens in time", () => {
  it("stamps the tap with the tablet's clock and finishes a survey left untouched for 60 s as it stands", async () => {
    vi.useFakeTimers({ now: new Date("2026-03-02T01:00:00Z") });
    const { state, outbox, stop } = offlineKiosk(5);
    await state.tapFace(3);
    expect(state.rating.value?.createdAt).toBe("2026-03-02T01:00:00.000Z");
    expect(state.setup.value.agencyName).toBe("Disdukcapil");
    await vi.advanceTimersByTimeAsync(TAP_GUARD_MS);
    expect(await state.answerOffer(true)).toBe(true);
    expect(state.screen.value).toBe("survey");

    await vi.advanceTimersByTimeAsync(SURVEY_IDLE_MS - 1_000);
    state.touch();
    await vi.advanceTimersByTimeAsync(SURVEY_IDLE_MS - 1_000);
    expect(state.screen.value).toBe("survey");
    await vi.advanceTimersByTimeAsync(1_000);
    expect(state.screen.value).toBe("home");
    expect(await outbox.queueState()).toMatchObject({ waiting: 1, open: 0 });
    stop();
  });

  it("gives a reason screen or an offer left untouched 20 s back to the faces, the rating kept as it stands", async () => {
    vi.useFakeTimers();
    const { state, outbox, stop } = offlineKiosk(5);
    await state.tapFace(1);
    expect(state.idleUntil.value).toBe(Date.now() + STEP_IDLE_MS);
    await vi.advanceTimersByTimeAsync(STEP_IDLE_MS - 1);
    expect(state.screen.value).toBe("reasons");
    await vi.advanceTimersByTimeAsync(1);
    expect(state.screen.value).toBe("home");
    expect(state.idleUntil.value).toBeNull();

    await vi.advanceTimersByTimeAsync(TAP_GUARD_MS);
    await state.tapFace(4);
    await vi.advanceTimersByTimeAsync(STEP_IDLE_MS);
    expect(state.screen.value).toBe("home");
    const queued = await outbox.queueState();
    expect(queued).toMatchObject({ waiting: 2, open: 0 });
    stop();
  });

  it("gives the faces back in Bahasa Indonesia when a citizen left them in English, 20 s after the last touch", async () => {
    vi.useFakeTimers();
    const { state, stop } = offlineKiosk(5);
    state.locale.value = "en";
    await vi.advanceTimersByTimeAsync(STEP_IDLE_MS - 1_000);
    state.touch();
    await vi.advanceTimersByTimeAsync(STEP_IDLE_MS - 1_000);
    expect(state.locale.value).toBe("en");
    await vi.advanceTimersByTimeAsync(1_000);
    expect([state.screen.value, state.locale.value]).toEqual(["home", "id"]);
    // In Bahasa Indonesia the faces wait for ever.
    expect(state.idleUntil.value).toBeNull();
    stop();
  });
});

describe("a double tap", () => {
  it("on a low face records that face and no reason: the second tap lands on a screen too new to take it", async () => {
    vi.useFakeTimers();
    const { state, stop } = offlineKiosk(5);
    expect(await state.tapFace(1)).toBe(true);
    expect([state.screen.value, state.settled.value]).toEqual(["reasons", false]);
    await vi.advanceTimersByTimeAsync(120);
    expect(await state.chooseReason("lainnya")).toBe(false);
    expect(state.rating.value?.reasons).toBeUndefined();
    expect(state.screen.value).toBe("reasons");

    // The citizen's own choice, once the screen has settled, is taken.
    await vi.advanceTimersByTimeAsync(TAP_GUARD_MS - 120);
    expect(state.settled.value).toBe(true);
    expect(await state.chooseReason("antrian")).toBe(true);
    expect([state.screen.value, state.rating.value?.reasons]).toEqual(["offer", ["antrian"]]);
    stop();
  });

  it("on a happy face leaves the offer open instead of declining it", async () => {
    vi.useFakeTimers();
    const { state, outbox, stop } = offlineKiosk(5);
    await state.tapFace(3);
    await vi.advanceTimersByTimeAsync(150);
    expect(await state.answerOffer(false)).toBe(false);
    // Still on the offer, the rating still open: nothing declined, nothing sent.
    const { open, waiting } = await outbox.queueState();
    expect([state.screen.value, open, waiting]).toEqual(["offer", 1, 0]);
    stop();
  });

  it("on one face makes one rating, even while the first tap is still being saved", async () => {
    vi.useFakeTimers();
    const { state, outbox, stop } = offlineKiosk(5);
    const [first, second] = await Promise.all([state.tapFace(2), state.tapFace(2)]);
    expect([first, second]).toEqual([true, false]);
    expect(await outbox.queueState()).toMatchObject({ open: 1 });
    stop();
  });

  it("refuses a press that began before its screen appeared, however long it was held", async () => {
    vi.useFakeTimers();
    const { state, stop } = offlineKiosk(5);
    const downAt = Date.now();
    await vi.advanceTimersByTimeAsync(10);
    await state.tapFace(1);
    // Held for a second: its pointerdown was on the faces.
    await vi.advanceTimersByTimeAsync(1_000);
    state.pressed(downAt);
    expect(await state.chooseReason("lainnya")).toBe(false);
    // A later press (or a key, which has no pointerdown) is the citizen's.
    state.pressed(Date.now());
    expect(await state.chooseReason(null)).toBe(true);
    expect(state.screen.value).toBe("offer");
    stop();
  });
});

describe("the thank-you", () => {
  it("shows the thank-you for the counter's thanksSeconds, then the faces again", async () => {
    vi.useFakeTimers();
    const { state, stop } = offlineKiosk(7);
    await state.tapFace(1);
    state.locale.value = "en";
    await state.finish();
    expect(state.screen.value).toBe("thanks");
    await vi.advanceTimersByTimeAsync(6_999);
    expect(state.screen.value).toBe("thanks");
    await vi.advanceTimersByTimeAsync(1);
    expect([state.screen.value, state.locale.value]).toEqual(["home", "id"]);
    // The idle watchdog ended with the rating: nothing more happens.
    await vi.advanceTimersByTimeAsync(SURVEY_IDLE_MS);
    expect(state.screen.value).toBe("home");
    stop();
  });
});
