/**
 * Archiving a counter as its tablet lives it (docs/design.md, "Archiving"): a tablet that was
 * offline when its counter was archived still delivers the taps and duty changes it made before,
 * is refused (in words, 4xx) what it made since, and starts nothing new; a tablet an admin
 * revoked stays refused for everything, whatever its counter.
 */
import { and, asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { counters, devices, duties, ratings } from "../../db/schema.ts";
import { createDeviceSigner } from "../../tests/device-signer.ts";
import { AGENCY_PATH, OFFICER_NIPS, PIN, rating, STORES, type TestApp, testApp } from "../test-app.ts";

let t: TestApp;
let admin: string;

const MINUTE = 60_000;
const at = (ms: number) => new Date(ms).toISOString();
const kiosk = (createdAt: number, fields: Record<string, unknown> = {}) =>
  rating({ channel: "kiosk", createdAt: at(createdAt), ...fields });

/** The status or error code of each result of a 200 answer. */
const outcomes = async (res: Response) => {
  expect(res.status).toBe(200);
  return ((await res.json()).results as { status: string; error?: { code: string } }[]).map(
    (r) => r.error?.code ?? r.status,
  );
};
/** A refusal's status and code. */
const refusal = async (res: Response) => [res.status, (await res.json()).error?.code];

/** Archives a counter of the demo agency by code; returns its archive time. */
async function archive(code: string): Promise<number> {
  const { counters: list } = await (await t.call("GET", `${AGENCY_PATH}/counters`, { token: admin })).json();
  const counter = list.find((c: { code: string }) => c.code === code);
  const res = await t.call("DELETE", `${AGENCY_PATH}/counters/${counter.id}`, { token: admin });
  expect(res.status).toBe(200);
  return (await res.json()).counter.archivedAt as number;
}

/** Pairs a tablet at loket-1 as if it had been paired an hour ago, so it may send times from the last hour. */
async function tabletPairedAnHourAgo() {
  const device = await t.pairDevice("loket-1", admin);
  await t.db.update(devices).set({ pairedAt: Date.now() - 60 * MINUTE });
  return device;
}

const post = (token: string, list: unknown[]) => t.call("POST", "/api/v1/ratings", { token, body: { ratings: list } });
const duty = "/api/v1/counters/loket-1/duty";

describe.each(STORES)("archiving a counter, stored through the %s", (store) => {
  beforeEach(async () => {
    t = await testApp({ store });
    admin = await t.login();
  });

  it("keeps the taps its offline tablet made before the archive and refuses, in words, those made after", async () => {
    const device = await t.staffAllDay("loket-1", OFFICER_NIPS[0], admin);
    // The tablet went offline; a citizen tapped; then the admin archived the counter.
    const before = kiosk(Date.now());
    await new Promise((resolve) => setTimeout(resolve, 5));
    const archivedAt = await archive("loket-1");
    const after = kiosk(archivedAt + 1_000);
    // Back online, the tablet sends both: the one from before is stored for the officer who served.
    expect(await outcomes(await post(device, [before, after]))).toEqual(["accepted", "counter_archived"]);
    const rows = await t.db.select({ id: ratings.id, officerId: ratings.officerId }).from(ratings);
    expect(rows).toEqual([{ id: before.id, officerId: await t.officerId(OFFICER_NIPS[0]) }]);
    // Sent again (the tablet did not hear the answer): the same, once.
    expect(await outcomes(await post(device, [before, after]))).toEqual(["duplicate", "counter_archived"]);
    expect(await t.db.select({ id: ratings.id }).from(ratings)).toHaveLength(1);
    // A tap timed by a clock running ahead is re-timed to now, after the archive: refused too.
    expect(await outcomes(await post(device, [kiosk(Date.now() + 60 * MINUTE)]))).toEqual(["counter_archived"]);
  });

  it("lets its tablet start nothing new, and says in its set-up that the counter is archived", async () => {
    const device = await t.staffAllDay("loket-1", OFFICER_NIPS[0], admin);
    const archivedAt = await archive("loket-1");

    const self = await t.call("GET", "/api/v1/devices/self", { token: device });
    expect(self.status).toBe(200);
    expect(await self.json()).toMatchObject({ counter: "loket-1", archivedAt, duty: null });

    const archived = [409, "counter_archived"];
    expect(await refusal(await t.call("GET", duty, { token: device }))).toEqual(archived);
    expect(
      await refusal(await t.call("POST", duty, { token: device, body: { nip: OFFICER_NIPS[1], pin: PIN } })),
    ).toEqual(archived);
    expect(await refusal(await t.call("DELETE", duty, { token: device, body: { pin: PIN } }))).toEqual(archived);
    expect(
      await refusal(await t.call("POST", "/api/v1/tickets", { token: device, body: { service: "ktp-el" } })),
    ).toEqual(archived);
    // Nor another counter: a tablet acts for its own only.
    expect(
      await refusal(
        await t.call("POST", "/api/v1/counters/loket-2/duty", {
          token: device,
          body: { nip: OFFICER_NIPS[1], pin: PIN },
        }),
      ),
    ).toEqual([403, "forbidden"]);
    // Nor anything a person does.
    expect((await t.call("GET", `${AGENCY_PATH}/counters`, { token: device })).status).toBe(403);
    // It still reports its queue, so admins see it draining.
    const status = await t.call("PUT", "/api/v1/devices/self/status", {
      token: device,
      body: { waiting: 2, aside: 0 },
    });
    expect(status.status).toBe(200);
    const { devices: list } = await (await t.call("GET", `${AGENCY_PATH}/devices`, { token: admin })).json();
    expect(list[0]).toMatchObject({ revokedAt: null, counterArchivedAt: archivedAt, queueWaiting: 2 });
    // No duty was started by any of it.
    const open = await t.db.select().from(duties).where(eq(duties.startedVia, "tablet"));
    expect(open.every((d) => d.endedAt !== null && d.endedAt <= archivedAt)).toBe(true);
  });

  it("delivers the duty changes its tablet made before the archive, and attributes the taps by them", async () => {
    const device = await tabletPairedAnHourAgo();
    const [first, second] = [await t.officerId(OFFICER_NIPS[0]), await t.officerId(OFFICER_NIPS[1])];
    await t.db.update(counters).set({ opensAt: "00:00", closesAt: "00:00" });
    const now = Date.now();
    // Online, the first officer checked in 40 minutes ago; then the tablet went offline.
    const checkIn = await t.call("POST", duty, {
      token: device,
      body: { nip: OFFICER_NIPS[0], pin: PIN, at: at(now - 40 * MINUTE) },
    });
    expect(checkIn.status).toBe(200);
    const archivedAt = await archive("loket-1");
    // Offline, the first officer checked out 20 minutes ago and the second checked in 10 minutes ago.
    const out = await t.call("DELETE", duty, { token: device, body: { pin: PIN, at: at(now - 20 * MINUTE) } });
    expect(out.status).toBe(200);
    const late = await t.call("POST", duty, {
      token: device,
      body: { nip: OFFICER_NIPS[1], pin: PIN, at: at(now - 10 * MINUTE) },
    });
    expect(late.status).toBe(200);
    const rows = await t.db
      .select({ officerId: duties.officerId, startedAt: duties.startedAt, endedAt: duties.endedAt })
      .from(duties)
      .orderBy(asc(duties.startedAt));
    expect(rows).toEqual([
      { officerId: first, startedAt: now - 40 * MINUTE, endedAt: now - 20 * MINUTE },
      { officerId: second, startedAt: now - 10 * MINUTE, endedAt: archivedAt },
    ]);
    // A check-out dated after the archive is refused in words; a wrong PIN as ever.
    expect(
      await refusal(await t.call("DELETE", duty, { token: device, body: { pin: PIN, at: at(archivedAt + 1) } })),
    ).toEqual([409, "counter_archived"]);
    expect(
      await refusal(await t.call("DELETE", duty, { token: device, body: { pin: "135790", at: at(now - 5 * MINUTE) } })),
    ).toEqual([401, "invalid_credentials"]);
    // The taps it kept go to whoever served when each was made.
    const taps = [kiosk(now - 30 * MINUTE), kiosk(now - 15 * MINUTE), kiosk(now - 5 * MINUTE)];
    expect(await outcomes(await post(device, taps))).toEqual(["accepted", "accepted", "accepted"]);
    const stored = await t.db.select({ id: ratings.id, officerId: ratings.officerId }).from(ratings);
    const officerOf = (id: string) => stored.find((r) => r.id === id)?.officerId;
    expect(taps.map((tap) => officerOf(tap.id))).toEqual([first, null, second]);
  });

  it("refuses a tablet an admin revoked, for everything, taps made before included", async () => {
    const device = await t.staffAllDay("loket-1", OFFICER_NIPS[0], admin);
    const before = kiosk(Date.now() - MINUTE);
    const [row] = await t.db.select({ id: devices.id }).from(devices);
    expect((await t.call("DELETE", `${AGENCY_PATH}/devices/${row.id}`, { token: admin })).status).toBe(200);
    const refusedAll = async () => {
      expect(await refusal(await post(device, [before]))).toEqual([401, "unauthorized"]);
      expect(await refusal(await t.call("GET", "/api/v1/devices/self", { token: device }))).toEqual([
        401,
        "unauthorized",
      ]);
      expect(await refusal(await t.call("GET", duty, { token: device }))).toEqual([401, "unauthorized"]);
      expect(
        await refusal(await t.call("DELETE", duty, { token: device, body: { pin: PIN, at: before.createdAt } })),
      ).toEqual([401, "unauthorized"]);
      expect(
        await refusal(
          await t.call("PUT", "/api/v1/devices/self/status", { token: device, body: { waiting: 1, aside: 0 } }),
        ),
      ).toEqual([401, "unauthorized"]);
    };
    await refusedAll();
    // Archiving its counter afterwards gives a revoked tablet nothing back.
    await archive("loket-1");
    await refusedAll();
    expect(await t.db.select().from(ratings)).toEqual([]);
  });

  it("ends the pairing codes not yet used, and the tablets' tokens once nothing they kept could count", async () => {
    const code = await t.pairingCode("loket-1", admin);
    const device = await t.pairDevice("loket-1", admin);
    await archive("loket-1");
    const pair = await t.call("POST", "/api/v1/devices/pair", {
      body: { code, publicKey: createDeviceSigner().publicKey },
    });
    expect(await refusal(pair)).toEqual([400, "invalid_pairing_code"]);
    const { devices: list } = await (await t.call("GET", `${AGENCY_PATH}/devices`, { token: admin })).json();
    expect(list.map((d: { pairedAt: number | null; revokedAt: number | null }) => d.revokedAt !== null)).toEqual(
      list.map((d: { pairedAt: number | null }) => d.pairedAt === null),
    );
    // 31 days after the archive every tap it could still hold is too old: its token is dead.
    await t.db
      .update(counters)
      .set({ archivedAt: Date.now() - 31 * 24 * 60 * MINUTE })
      .where(and(eq(counters.code, "loket-1")));
    expect(await refusal(await t.call("GET", "/api/v1/devices/self", { token: device }))).toEqual([
      401,
      "unauthorized",
    ]);
  });
});
