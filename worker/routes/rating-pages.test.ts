/**
 * Suara's own rating pages (the poster page /r/?agency=…, the QR page /r/<ticket>) and
 * archiving, as the API sees them: the poster page rates an agency that registered no
 * origin, with no more trust than a widget; an archived service refuses taps made after
 * its archive time and keeps those an offline tablet made before it.
 */
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { ratings, services } from "../../db/schema.ts";
import { AGENCY, AGENCY_PATH, ORIGIN, OTHER_AGENCY, rating, STORES, type TestApp, testApp } from "../test-app.ts";

let t: TestApp;

/** The status or error code of each result of a 200 answer. */
const outcomes = async (res: Response) => {
  expect(res.status).toBe(200);
  return ((await res.json()).results as { status: string; error?: { code: string } }[]).map(
    (r) => r.error?.code ?? r.status,
  );
};
const post = (body: unknown, headers: Record<string, string>, token?: string) =>
  t.call("POST", "/api/v1/ratings", { body, headers, token });
/** app.request's URLs are http://localhost/…: this is the server's own origin, as its poster page sends it. */
const OWN = "http://localhost";
const stored = async () => (await t.db.select({ id: ratings.id }).from(ratings)).length;

describe.each(STORES)("Suara's own rating pages, stored through the %s", (store) => {
  beforeEach(async () => {
    t = await testApp({ store });
  });

  it("rate an agency that registered no origin, on the first tap", async () => {
    // Jayapura has registered no origin at all.
    const form = await (
      await t.call("GET", `/api/v1/agencies/${OTHER_AGENCY}/form`, { headers: { origin: OWN } })
    ).json();
    expect(form.originAllowed).toBe(true);
    const res = await post({ ratings: [rating({ agency: OTHER_AGENCY })] }, { origin: OWN });
    expect(await outcomes(res)).toEqual(["accepted"]);
    expect(await stored()).toBe(1);
  });

  it("are Suara's public address too (SUARA_PUBLIC_URL), not only the request's host", async () => {
    t = await testApp({ store, settings: { publicUrl: "https://suara.example.go.id" } });
    const res = await post({ ratings: [rating({ agency: OTHER_AGENCY })] }, { origin: "https://suara.example.go.id" });
    expect(await outcomes(res)).toEqual(["accepted"]);
    // Another site still needs registering, and says so before the tap.
    const other = await post({ ratings: [rating({ agency: OTHER_AGENCY })] }, { origin: "https://suara.example.com" });
    expect(await outcomes(other)).toEqual(["origin_not_allowed"]);
    const form = await (
      await t.call("GET", `/api/v1/agencies/${OTHER_AGENCY}/form`, { headers: { origin: "https://suara.example.com" } })
    ).json();
    expect(form.originAllowed).toBe(false);
  });

  it("give a script forging Suara's Origin no more than a widget: the per-IP hourly quota holds", async () => {
    const flood = { origin: OWN, "x-test-ip": "203.0.113.9" };
    const answers = [];
    for (let i = 0; i < 10; i++) {
      answers.push(await post({ ratings: Array.from({ length: 5 }, () => rating({ agency: OTHER_AGENCY })) }, flood));
    }
    expect(answers.filter((r) => r.status === 200)).toHaveLength(6);
    expect(answers.filter((r) => r.status === 429)).toHaveLength(4);
    expect(await stored()).toBe(30);
    // Nor does it make a kiosk rating or name an officer: those still need a device or a ticket.
    const kiosk = await post({ ratings: [rating({ agency: OTHER_AGENCY, channel: "kiosk" })] }, { origin: OWN });
    expect(await outcomes(kiosk)).toEqual(["device_required"]);
    const qr = await post({ ratings: [rating({ agency: OTHER_AGENCY, channel: "qr" })] }, { origin: OWN });
    expect(await outcomes(qr)).toEqual(["ticket_required"]);
  });
});

describe.each(STORES)("archiving a service, stored through the %s", (store) => {
  beforeEach(async () => {
    t = await testApp({ store });
  });

  const archive = async (slug: string) => {
    const [service] = await t.db.select({ id: services.id }).from(services).where(eq(services.slug, slug));
    const res = await t.call("DELETE", `${AGENCY_PATH}/services/${service.id}`, { token: await t.login() });
    expect(res.status).toBe(200);
    return (await res.json()).service.archivedAt as number;
  };

  it("keeps an offline tablet's taps made before the archive and refuses those made after it", async () => {
    const device = await t.pairDevice("loket-1");
    // The tablet went offline; a citizen tapped; then the admin archived the service.
    const before = rating({
      channel: "kiosk",
      service: "kartu-keluarga",
      createdAt: new Date(Date.now() - 60_000).toISOString(),
    });
    const archivedAt = await archive("kartu-keluarga");
    const after = rating({
      channel: "kiosk",
      service: "kartu-keluarga",
      createdAt: new Date(archivedAt + 1_000).toISOString(),
    });
    // Back online, the tablet sends both.
    const res = await post({ ratings: [before, after] }, {}, device);
    expect(await outcomes(res)).toEqual(["accepted", "unknown_service"]);
    const rows = await t.db.select({ id: ratings.id }).from(ratings);
    expect(rows.map((r) => r.id)).toEqual([before.id]);
    // Sent again (the tablet did not hear the answer): the same, once.
    expect(await outcomes(await post({ ratings: [before] }, {}, device))).toEqual(["duplicate"]);
  });

  it("stops the widget and the poster page from the archive time on", async () => {
    await archive("kartu-keluarga");
    const res = await post({ ratings: [rating({ service: "kartu-keluarga" })] }, { origin: ORIGIN });
    expect(await outcomes(res)).toEqual(["unknown_service"]);
    const form = await (await t.call("GET", `/api/v1/agencies/${AGENCY}/form`)).json();
    expect(form.services.map((s: { slug: string }) => s.slug)).not.toContain("kartu-keluarga");
  });
});
