/**
 * The counter tablet as a citizen and staff meet it, landscape and portrait:
 * pairing, an officer's check-in from the staff menu, faces, the full survey,
 * and what the server then holds; then a day offline, a token copied off a
 * tablet and unpairing, and a kiosk opened without HTTPS. Each spec
 * sets its own tablet viewport, so only the tablet project runs this file.
 */
import { expect, type Page, test } from "@playwright/test";
import { ELEMENTS } from "../../core/questionnaire.ts";
import { E2E, E2E_PORT } from "../../playwright.config.ts";
import { type SpawnedServer, startServer } from "../server.ts";
import { AGENCY, adminApi, expectAccessible, openStaffMenu, pairKiosk, screenshot, tapAndDecline } from "./helpers.ts";

/**
 * This spec's own server (E2E_PORT + 5, on its own database): it counts the day's ratings of the
 * agency and of a counter, and the other specs, which run beside it, tap and check in on the shared one.
 */
const OWN_PORT = E2E_PORT + 5;
test.use({ baseURL: `http://127.0.0.1:${OWN_PORT}` });
let own: SpawnedServer | undefined;
test.beforeAll(async () => {
  own = await startServer(OWN_PORT, { password: E2E.password, pin: E2E.pin });
});
test.afterAll(async () => own?.stop());

const VIEWPORTS = [
  { width: 1280, height: 800, counter: "loket-1", nip: "198803122010012004", officer: "Siti Rahmawati, S.Kom" },
  { width: 800, height: 1280, counter: "loket-2", nip: "199207142019031005", officer: "Ahmad Fauzi Lubis" },
];

for (const { width, height, counter, nip, officer } of VIEWPORTS) {
  test.describe(`the kiosk at ${width}×${height}`, () => {
    test.use({ viewport: { width, height } });

    test("an officer checks in, citizens rate, and the survey completes the same rating", async ({ page, request }) => {
      test.setTimeout(120_000);
      const api = await adminApi(request);
      await api.thanksSeconds(counter, 2);
      const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
      const report = () => api.json(`/agencies/${AGENCY}/report?from=${today}&to=${today}`);
      const before = await report();

      await pairKiosk(page, await api.pairingCode(counter));
      await expect(page.getByText("Petugas belum memulai tugas di loket ini")).toBeVisible();
      await screenshot(page, "kiosk-idle-nobody");

      // Staff: hold the agency name, check in with NIP and PIN.
      const menu = await openStaffMenu(page);
      await expectAccessible(page);
      await screenshot(page, "kiosk-staff-menu");
      const duty = menu.getByRole("region", { name: "Mulai bertugas" });
      await duty.getByLabel("NIP").fill(nip);
      await duty.getByLabel("PIN").fill("000000");
      await duty.getByRole("button", { name: "Mulai bertugas" }).click();
      await expect(duty.getByRole("alert")).toHaveText("NIP atau PIN salah.");
      await duty.getByLabel("PIN").fill(E2E.pin);
      await duty.getByRole("button", { name: "Mulai bertugas" }).click();
      await expect(duty.getByRole("status")).toHaveText(`${officer} mulai bertugas.`);
      await page.keyboard.press("Escape");
      await expect(menu).toBeHidden();
      await expect(page.getByText(officer, { exact: true })).toBeVisible();
      await expectAccessible(page);
      await screenshot(page, "kiosk-idle");

      // Citizens come at least 15 s apart, as real service takes (faster taps are flagged rapid_repeat).
      const apart = async (since: number) => page.waitForTimeout(Math.max(0, since + 16_000 - Date.now()));

      // The first: a face only.
      let tappedAt = Date.now();
      await tapAndDecline(page, "Puas");
      await apart(tappedAt);

      // The second: a face, then the 9 questions, the service, a comment and the profile.
      tappedAt = Date.now();
      await page.getByRole("button", { name: "Sangat puas", exact: true }).click();
      await expect(page.getByRole("heading", { name: "Isi survei lengkap?" })).toBeVisible();
      await page.getByRole("button", { name: "Ya, isi survei" }).click();
      for (const [i, element] of ELEMENTS.entries()) {
        await expect(page.getByText(`${i + 1} dari 9`, { exact: true })).toBeVisible();
        await expect(page.getByRole("heading", { name: element.question.id })).toBeVisible();
        if (i === 2) {
          await expectAccessible(page);
          await screenshot(page, "kiosk-question");
        }
        await page.getByRole("button", { name: element.answers[i % 2 ? 2 : 3].id, exact: true }).click();
      }
      if (counter === "loket-1") {
        await expect(page.getByRole("heading", { name: "Layanan apa yang Anda terima hari ini?" })).toBeVisible();
        await page.getByRole("button", { name: "Kartu Keluarga" }).click();
      }
      await page.getByLabel("Saran atau komentar (opsional)").fill("Pelayanan cepat, petugas ramah. WA 0812-3456-7890");
      await page.getByRole("button", { name: "Lanjut" }).click();
      await page.getByRole("button", { name: "Perempuan" }).click();
      await page.getByRole("button", { name: "Selesai" }).click();
      await expect(page.getByRole("heading", { name: "Terima kasih!" })).toBeVisible();
      // Neutral: nothing on the thank-you says which face was pressed.
      await expect(page.getByText(/Sangat puas|Puas|Tidak puas/)).toHaveCount(0);
      await expectAccessible(page);
      await screenshot(page, "kiosk-thanks");
      await expect(page.getByRole("heading", { name: "Bagaimana pelayanan kami hari ini?" })).toBeVisible();
      await apart(tappedAt);

      // The third: a low face with a reason.
      await page.getByRole("button", { name: "Tidak puas", exact: true }).click();
      await expect(page.getByRole("heading", { name: "Apa yang kurang dari pelayanan kami?" })).toBeVisible();
      await expectAccessible(page);
      await screenshot(page, "kiosk-reasons");
      await page.getByRole("button", { name: "Antrean terlalu lama" }).click();
      await page.getByRole("button", { name: "Tidak, terima kasih" }).click();
      await expect(page.getByRole("heading", { name: "Terima kasih!" })).toBeVisible();

      // The server: one more respondent, each element's n up by one, three ratings for the officer.
      await expect.poll(async () => (await report()).taps - before.taps, { timeout: 20_000 }).toBe(2);
      const after = await report();
      expect(after.respondents).toBe(before.respondents + 1);
      for (const element of ELEMENTS) expect(after.elements[element.id].n).toBe(before.elements[element.id].n + 1);
      const officerRow = (r: typeof after) => r.byOfficer.find((o: { name: string }) => o.name === officer) ?? { n: 0 };
      expect(officerRow(after).n).toBe(officerRow(before).n + 3);
      if (counter === "loket-1") {
        const kk = (r: typeof after) =>
          r.byService.find((s: { service: string }) => s.service === "kartu-keluarga")?.respondents ?? 0;
        expect(kk(after)).toBe(kk(before) + 1);
      }
    });
  });
}

test.describe("the kiosk offline", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("keeps 50 taps through an offline reload and delivers each exactly once", async ({ page, context, request }) => {
    test.setTimeout(240_000);
    const api = await adminApi(request);
    await api.thanksSeconds("loket-3", 1);
    await pairKiosk(page, await api.pairingCode("loket-3"));
    // The service worker has the app before the network goes.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await page.reload();
    await expect(page.getByRole("heading", { name: "Bagaimana pelayanan kami hari ini?" })).toBeVisible();
    const since = Date.now();

    await context.setOffline(true);
    // An officer starts duty while the tablet is offline: queued with its time, like the ratings.
    const menu = await openStaffMenu(page);
    const duty = menu.getByRole("region", { name: "Mulai bertugas" });
    await duty.getByLabel("NIP").fill("198512202009022003");
    await duty.getByLabel("PIN").fill(E2E.pin);
    await duty.getByRole("button", { name: "Mulai bertugas" }).click();
    await expect(duty.getByRole("status")).toHaveText("Tersimpan; akan dikonfirmasi saat tablet terhubung.");
    await page.keyboard.press("Escape");
    await expect(page.getByText("menunggu konfirmasi server")).toBeVisible();
    for (let i = 0; i < 25; i++) await tapAndDecline(page, i % 5 === 0 ? "Kurang puas" : "Puas");
    // A reload with no network: the app comes back from its cache, with its queue.
    await page.reload();
    await expect(page.getByRole("heading", { name: "Bagaimana pelayanan kami hari ini?" })).toBeVisible();
    await expect(page.getByText("Tidak terhubung")).toBeVisible();
    await expect(page.getByText("25 penilaian menunggu dikirim")).toBeVisible();
    await expect(page.getByText("menunggu konfirmasi server")).toBeVisible();
    for (let i = 0; i < 25; i++) await tapAndDecline(page, "Sangat puas");
    await expect(page.getByText("50 penilaian menunggu dikirim")).toBeVisible();
    await screenshot(page, "kiosk-offline");
    expect(await api.ratings("loket-3", since)).toEqual([]);

    await context.setOffline(false);
    await expect(page.getByText("penilaian menunggu dikirim")).toHaveCount(0, { timeout: 30_000 });
    const stored = await api.ratings("loket-3", since);
    expect(stored).toHaveLength(50);
    expect(new Set(stored.map((r) => r.id)).size).toBe(50);
    // Each went to the officer whose (offline) check-in covered its tap.
    expect(new Set(stored.map((r) => r.officer))).toEqual(new Set(["Dewi Lestari Nasution"]));
    await expect(page.getByText("Dewi Lestari Nasution")).toBeVisible();
  });
});

test.describe("a rating the server refuses", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("is set aside for staff with its reason, never retried forever nor deleted", async ({
    page,
    context,
    request,
  }) => {
    const api = await adminApi(request);
    // A counter whose only service the agency archives while the tablet is offline, before a citizen
    // taps there: a tap made after the archive is refused (one made before it would be stored).
    const made = await request.post(`/api/v1/agencies/${AGENCY}/services`, {
      data: { slug: "legalisir", name: "Legalisir Dokumen" },
      headers: api.headers,
    });
    const { service } = await made.json();
    await request.post(`/api/v1/agencies/${AGENCY}/counters`, {
      data: { code: "loket-7", name: "Loket 7", services: ["legalisir"], thanksSeconds: 1 },
      headers: api.headers,
    });
    await pairKiosk(page, await api.pairingCode("loket-7"));
    // A request still in flight when the network goes would bring the archive's news back and the
    // tap would rate another service: go offline only once the tablet has nothing in flight.
    await page.waitForLoadState("networkidle");
    await context.setOffline(true);
    await request.delete(`/api/v1/agencies/${AGENCY}/services/${service.id}`, { headers: api.headers });
    await tapAndDecline(page, "Puas");
    const status = page.getByRole("complementary", { name: "Status" });
    await expect(status).toContainText("1 penilaian menunggu dikirim");
    await context.setOffline(false);
    // Sent and refused: it waits no longer (the staff menu then lists it set aside).
    await expect(status).not.toContainText("menunggu", { timeout: 20_000 });
    const menu = await openStaffMenu(page);
    const queue = menu.getByRole("region", { name: "Antrean kirim" });
    await expect(queue.getByText("Layanan ini sudah tidak tersedia di instansi.")).toBeVisible({ timeout: 20_000 });
    await expect(queue.getByText("0 penilaian menunggu dikirim")).toBeVisible();
  });
});

test.describe("the kiosk with its server stopped", () => {
  test.use({ viewport: { width: 1280, height: 800 } });
  let server: SpawnedServer | undefined;
  test.afterEach(async () => server?.kill());

  test("keeps 50 taps while the server is down, through a reload, and delivers each once when it returns", async ({
    page,
    request,
  }) => {
    test.setTimeout(240_000);
    // A server of this spec's own, on its own database, so it can be stopped and started again.
    const port = E2E_PORT + 6;
    server = await startServer(port, { password: E2E.password, pin: E2E.pin });
    const api = await adminApi(request, server.url);
    await api.thanksSeconds("loket-1", 1);
    await pairKiosk(page, await api.pairingCode("loket-1"), server.url);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    const since = Date.now();

    await server.kill();
    for (let i = 0; i < 25; i++) await tapAndDecline(page, "Puas");
    await page.reload();
    await expect(page.getByRole("heading", { name: "Bagaimana pelayanan kami hari ini?" })).toBeVisible();
    for (let i = 0; i < 25; i++) await tapAndDecline(page, "Sangat puas");
    await expect(page.getByText("50 penilaian menunggu dikirim")).toBeVisible();

    server = await startServer(port, { password: E2E.password, pin: E2E.pin, databaseUrl: server.databaseUrl });
    await expect(page.getByText("penilaian menunggu dikirim")).toHaveCount(0, { timeout: 45_000 });
    const stored = await (await adminApi(request, server.url)).ratings("loket-1", since);
    expect(stored).toHaveLength(50);
    expect(new Set(stored.map((r) => r.id)).size).toBe(50);
  });
});

/** The device token as a paired kiosk keeps it, as someone with the tablet in hand could copy it. */
const copiedToken = (page: Page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem("suara.pairing") ?? "{}").token as string);

/** The kiosk's key pair in IndexedDB: whether it is there and whether its private half could be exported. */
const storedKey = (page: Page) =>
  page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open("suara-kiosk");
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const pair = await new Promise<CryptoKeyPair | undefined>((resolve, reject) => {
      const get = db.transaction("keys").objectStore("keys").get("device");
      get.onsuccess = () => resolve(get.result);
      get.onerror = () => reject(get.error);
    });
    db.close();
    return pair ? { extractable: pair.privateKey.extractable, algorithm: pair.privateKey.algorithm } : null;
  });

// One tablet for both (the server allows 10 pairings per address per 15 minutes, and the specs share one).
test.describe("a paired tablet's token", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("posts nothing copied off the tablet, and unpairing revokes it and forgets the key", async ({
    page,
    request,
  }) => {
    const api = await adminApi(request);
    await api.thanksSeconds("loket-4", 1);
    await pairKiosk(page, await api.pairingCode("loket-4"));
    expect(await storedKey(page)).toEqual({ extractable: false, algorithm: { name: "ECDSA", namedCurve: "P-256" } });
    const token = await copiedToken(page);
    expect(token).toMatch(/^dev_/);

    // A rating posted with the copied token alone is refused and never stored.
    const since = Date.now();
    const id = crypto.randomUUID();
    const copied = await request.post("/api/v1/ratings", {
      headers: { authorization: `Bearer ${token}` },
      data: {
        ratings: [
          { id, agency: AGENCY, service: "ktp-el", channel: "kiosk", overall: 1, createdAt: new Date().toISOString() },
        ],
      },
    });
    expect(copied.status()).toBe(401);
    expect((await copied.json()).error.code).toBe("signature_required");
    // The tablet's own taps are signed and stored.
    await tapAndDecline(page, "Puas");
    await expect.poll(async () => (await api.ratings("loket-4", since)).length, { timeout: 20_000 }).toBe(1);
    expect((await api.ratings("loket-4", since)).map((r) => r.id)).not.toContain(id);

    // The token alone: refused for want of a signature while paired, as unknown once revoked.
    const self = async () => {
      const res = await request.get("/api/v1/devices/self", { headers: { authorization: `Bearer ${token}` } });
      return [res.status(), (await res.json()).error?.code];
    };
    expect(await self()).toEqual([401, "signature_required"]);
    const menu = await openStaffMenu(page);
    const unpair = menu.getByRole("region", { name: "Lepas pasangan tablet" });
    await unpair.getByLabel("NIP").fill("198803122010012004");
    await unpair.getByLabel("PIN").fill(E2E.pin);
    await unpair.getByRole("button", { name: "Lepas pasangan" }).click();
    await expect(page.getByRole("heading", { name: "Pasangkan tablet ini" })).toBeVisible();
    expect(await self()).toEqual([401, "unauthorized"]);
    await expect.poll(() => storedKey(page)).toBeNull();
  });
});

test.describe("a kiosk opened over plain http on a network address", () => {
  test("says it must be opened over HTTPS and does not try to pair", async ({ page, request, baseURL }) => {
    const api = await adminApi(request);
    const code = await api.pairingCode("loket-3");
    const pairings: string[] = [];
    page.on("request", (r) => r.url().includes("/api/v1/devices/pair") && pairings.push(r.url()));
    // suara.test is mapped to this machine in playwright.config.ts: plain http there is not a secure context.
    const insecure = baseURL!.replace("127.0.0.1", "suara.test");
    await page.goto(`${insecure}/kiosk/?code=${code}`);
    await expect(page.getByRole("heading", { name: "Pasangkan tablet ini" })).toBeVisible();
    await expect(page.getByRole("alert")).toContainText("kiosk harus dibuka lewat HTTPS");
    await expect(page.getByRole("alert")).toContainText(insecure);
    await expect(page.getByLabel("Kode pemasangan")).toHaveCount(0);
    await expectAccessible(page);
    expect(pairings).toEqual([]);
  });
});
