/**
 * Who serves where, and the tickets that vouch for them, as people meet it: an
 * officer checks in from the dashboard and a colleague cannot take the counter; a
 * supervisor sees them on the duty board and ends the duty with a reason (and
 * hears when someone else ended it first); the admin reads why in the audit log;
 * the admin makes an integration key, sees it once, and a queue system gets a
 * ticket with it for the officer on duty; an officer makes a ticket QR whose link
 * opens the rating page naming them. Each project (1280×800, 390×844) plays it
 * with its own counter and officers, checks every new screen with axe and takes
 * screenshots.
 *
 * Each project has a server of its own (E2E_PORT + 7 and + 8): the two projects swap officers, and
 * other specs, running beside this one, check officers in and add counters on the shared server.
 */
import { type APIRequestContext, test as base, expect, type Page, type TestInfo } from "@playwright/test";
import { E2E, E2E_PORT } from "../../playwright.config.ts";
import { type SpawnedServer, startServer } from "../server.ts";
import { ADMIN, AGENCY, adminApi, expectAccessible, screenshot } from "./helpers.ts";

const ownPort = (project: string) => E2E_PORT + (project === "phone" ? 8 : 7);
const test = base.extend({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's needs from this pattern, and it needs none.
  baseURL: async ({}, use, info) => use(`http://127.0.0.1:${ownPort(info.project.name)}`),
});
let own: SpawnedServer | undefined;
// biome-ignore lint/correctness/noEmptyPattern: Playwright reads a hook's fixtures from this pattern, and it needs none.
test.beforeAll(async ({}, info) => {
  own = await startServer(ownPort(info.project.name), { password: E2E.password, pin: E2E.pin });
});
test.afterAll(async () => own?.stop());

const SUPERVISOR = "supervisor@demo.suara.id";
const RINA = { nip: "199405302020122001", name: "Rina Marpaung, A.Md" };
const HENDRA = { nip: "198709092011011006", name: "Hendra Saputra Siregar" };

/** Each project plays on its own counter, with its own officer on duty (and its own server, above). */
function castOf(info: TestInfo) {
  return info.project.name === "phone"
    ? { counter: { code: "loket-9", name: "Loket Sembilan" }, officer: HENDRA, colleague: RINA, size: "phone" }
    : { counter: { code: "loket-8", name: "Loket Delapan" }, officer: RINA, colleague: HENDRA, size: "tablet" };
}

/** The project's counter, made once per server. */
async function ensureCounter(request: APIRequestContext, counter: { code: string; name: string }) {
  const api = await adminApi(request);
  const { counters } = await api.json(`/agencies/${AGENCY}/counters`);
  if (counters.some((c: { code: string }) => c.code === counter.code)) return;
  const made = await request.post(`/api/v1/agencies/${AGENCY}/counters`, {
    data: { ...counter, services: ["ktp-el", "kartu-keluarga"] },
    headers: api.headers,
  });
  expect(made.ok()).toBe(true);
}

/** A bearer token of an officer, for what a spec does through the API. */
async function officerToken(request: APIRequestContext, nip: string) {
  const login = await request.post("/api/v1/auth/login", { data: { nip, password: E2E.password } });
  expect(login.ok()).toBe(true);
  return { authorization: `Bearer ${(await login.json()).token}` };
}

async function signIn(page: Page, identity: string, path = "/dashboard/") {
  await page.goto(path);
  await page.getByLabel("NIP atau e-mail").fill(identity);
  await page.getByLabel("Kata sandi").fill(E2E.password);
  await page.getByRole("button", { name: "Masuk" }).click();
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page.getByRole("heading", { name: "Masuk ke Suara" })).toBeVisible();
}

/** No sideways scrolling of the page itself. */
async function expectNoSidewaysScroll(page: Page) {
  const width = page.viewportSize()!.width;
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

test("a supervisor ends a forgotten duty with a reason; the admin reads why in the audit log", async ({
  page,
  request,
}, info) => {
  test.setTimeout(90_000);
  const { counter, officer, colleague, size } = castOf(info);
  await ensureCounter(request, counter);

  // The officer checks in from the dashboard.
  await signIn(page, officer.nip, "/dashboard/me/ticket");
  const duty = page.getByRole("region", { name: "Tugas di loket" });
  await expect(duty.getByText("Anda sedang tidak bertugas di loket mana pun.")).toBeVisible();
  await duty.getByLabel("Loket", { exact: true }).selectOption(counter.code);
  await duty.getByRole("button", { name: "Mulai bertugas" }).click();
  await expect(duty.getByRole("status")).toHaveText(`Anda mulai bertugas di ${counter.name}.`);
  await expect(
    duty.getByText(new RegExp(`^Anda bertugas di ${counter.name} sejak \\d\\d[.:]\\d\\d\\.$`)),
  ).toBeVisible();
  await signOut(page);

  // A colleague cannot take the counter from the dashboard.
  await signIn(page, colleague.nip, "/dashboard/me/ticket");
  const theirs = page.getByRole("region", { name: "Tugas di loket" });
  await expect(theirs.getByRole("option", { name: `${counter.name}: ${officer.name}` })).toBeAttached();
  await theirs.getByLabel("Loket", { exact: true }).selectOption(counter.code);
  await theirs.getByRole("button", { name: "Mulai bertugas" }).click();
  await expect(theirs.getByRole("alert")).toHaveText(
    `${officer.name} sedang bertugas di loket ini. Ia mengakhiri tugasnya di tablet loket, atau supervisor mengakhirinya di halaman Petugas bertugas.`,
  );
  await expect(theirs.getByText("Anda sedang tidak bertugas di loket mana pun.")).toBeVisible();
  await signOut(page);

  // The supervisor finds them on the duty board.
  await signIn(page, SUPERVISOR);
  await page.getByRole("link", { name: "Petugas bertugas" }).click();
  await expect(page.getByRole("heading", { name: "Petugas bertugas", level: 1 })).toBeVisible();
  const tile = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: counter.name }) });
  await expect(tile).toContainText(officer.name);
  await expect(tile).toContainText(`NIP ${officer.nip}`);
  await expect(tile).toContainText("dasbor");
  await expect(tile.getByText(/^\d\d[.:]\d\d \((baru saja|\d+ menit)\)$/)).toBeVisible();
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await tile.scrollIntoViewIfNeeded();
  await screenshot(page, "duty-board");

  // "Akhiri tugas" asks for the reason first; too short a reason is refused beside the field.
  await tile.getByRole("button", { name: `Akhiri tugas ${officer.name} di ${counter.name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Akhiri tugas ${officer.name} di ${counter.name}?` });
  const reason = dialog.getByLabel("Alasan");
  await expect(reason).toBeFocused();
  await reason.fill("ok");
  await dialog.getByRole("button", { name: "Akhiri tugas" }).click();
  await expect(dialog.getByText("Tulis alasannya, minimal 3 huruf.")).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "duty-board-dialog");
  // Escape changes nothing and gives focus back to the tile's button.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(tile.getByRole("button", { name: /^Akhiri tugas/ })).toBeFocused();
  await tile.getByRole("button", { name: /^Akhiri tugas/ }).click();
  await dialog.getByLabel("Alasan").fill(`Lupa mengakhiri tugas (${size})`);
  await dialog.getByRole("button", { name: "Akhiri tugas" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "diakhiri" })).toHaveText(
    `Tugas ${officer.name} di ${counter.name} diakhiri.`,
  );
  await expect(tile).toContainText("Kosong");
  await expect(tile).not.toContainText(officer.name);

  // Someone else ends the next one first: the board says so and shows the counter free.
  const officerApi = await officerToken(request, officer.nip);
  expect((await request.post(`/api/v1/counters/${counter.code}/duty`, { headers: officerApi, data: {} })).ok()).toBe(
    true,
  );
  await page.getByRole("button", { name: "Perbarui" }).click();
  await expect(tile).toContainText(officer.name);
  await expect(tile).toContainText("API");
  await tile.getByRole("button", { name: /^Akhiri tugas/ }).click();
  await dialog.getByLabel("Alasan").fill("Sudah pulang");
  expect((await request.delete(`/api/v1/counters/${counter.code}/duty`, { headers: officerApi })).ok()).toBe(true);
  await dialog.getByRole("button", { name: "Akhiri tugas" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "sudah berakhir" })).toHaveText(
    "Tugas ini sudah berakhir: diakhiri orang lain atau berakhir sendiri. Daftar sudah diperbarui.",
  );
  await expect(tile).toContainText("Kosong");
  // The board in English too.
  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page.getByRole("heading", { name: "On duty", level: 1 })).toBeVisible();
  await expect(tile).toContainText("Free");
  await expect(page.getByText(/^Refreshed at \d\d:\d\d, and by itself every 15 seconds\.$/)).toBeVisible();
  await page.getByRole("button", { name: "Ganti ke Bahasa Indonesia" }).click();
  await signOut(page);

  // The admin reads the end and its reason in the audit log.
  await signIn(page, ADMIN.email, `/dashboard/a/${AGENCY}/manage/audit`);
  await page.getByLabel("Jenis perubahan").selectOption({ label: "Tugas di loket" });
  await expect(page).toHaveURL(/action=duty/);
  const ended = page.getByRole("row").filter({ hasText: `alasan: Lupa mengakhiri tugas (${size})` });
  await expect(ended).toHaveCount(1);
  await expect(ended.getByRole("rowheader")).toHaveText("Tugas diakhiri");
  await expect(ended).toContainText(
    `${counter.name} · ${officer.name} · lewat papan tugas (supervisor) · alasan: Lupa mengakhiri tugas (${size})`,
  );
  await expect(ended).toContainText("Kepala Bidang Pelayanan");
  await expect(
    page
      .getByRole("row")
      .filter({ hasText: `${counter.name} · ${officer.name} · lewat dasbor` })
      .first(),
  ).toContainText("Tugas dimulai");
  await expectAccessible(page);
  await screenshot(page, "audit-duties");
});

test("an admin makes an integration key, sees it once, and a queue system gets a ticket for the officer on duty", async ({
  page,
  request,
}, info) => {
  const { counter, officer, size } = castOf(info);
  await ensureCounter(request, counter);
  const officerApi = await officerToken(request, officer.nip);
  expect((await request.post(`/api/v1/counters/${counter.code}/duty`, { headers: officerApi, data: {} })).ok()).toBe(
    true,
  );

  await signIn(page, ADMIN.email);
  await page.getByRole("link", { name: "Integrasi" }).click();
  await expect(page.getByRole("heading", { name: "Integrasi sistem antrean", level: 1 })).toBeVisible();
  // The example uses the agency's own codes: its first counter and that counter's main service.
  const example = page.getByRole("region", { name: "Contoh panggilan dari sistem antrean" });
  await expect(example).toContainText("Authorization: Bearer key_…");
  await expect(example).toContainText('{"service":"ktp-el","counter":"loket-1"}');
  await page.getByRole("button", { name: "Buat kunci" }).click();
  await expect(page.getByText("Wajib diisi.")).toBeVisible();
  const name = `Mesin antrean ${size}`;
  await page.getByLabel("Nama kunci").fill(name);
  await page.getByRole("button", { name: "Buat kunci" }).click();
  const shown = page.getByRole("region", { name: `Kunci baru: ${name}` });
  await expect(shown).toContainText("hanya ditampilkan sekali");
  const field = shown.getByLabel(`Kunci ${name}`);
  await expect(field).toBeFocused();
  const secret = await field.inputValue();
  expect(secret).toMatch(/^key_/);
  expect(await field.getAttribute("readonly")).not.toBeNull();
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await screenshot(page, "manage-integrations");

  // The queue system asks for a ticket for the counter that served: it names the officer on duty there.
  const key = { authorization: `Bearer ${secret}` };
  const issued = await request.post("/api/v1/tickets", {
    headers: key,
    data: { service: "ktp-el", counter: counter.code },
  });
  expect(issued.status()).toBe(200);
  const { ticket, url } = await issued.json();
  expect(url).toContain(`/r/${ticket}`);
  const rated = await (await request.get(`/api/v1/tickets/${ticket}`)).json();
  expect(rated.officer.name).toBe(officer.name);

  // Once away from the page the key is never shown again; the list says it was used.
  await page.reload();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("Aktif");
  await expect(row).not.toContainText("belum pernah");
  expect(await page.content()).not.toContain(secret);
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await page.getByRole("region", { name: "Kunci terdaftar" }).scrollIntoViewIfNeeded();
  await screenshot(page, "manage-integrations-list");
  page.once("dialog", (d) => d.accept());
  await row.getByRole("button", { name: `Cabut ${name}` }).click();
  await expect(row).toContainText("Dicabut");
  const refused = await request.post("/api/v1/tickets", {
    headers: key,
    data: { service: "ktp-el", counter: counter.code },
  });
  expect(refused.status()).toBe(401);
  expect((await request.delete(`/api/v1/counters/${counter.code}/duty`, { headers: officerApi })).ok()).toBe(true);
});

test("an officer makes a ticket QR whose link opens the rating page naming them", async ({ page }, info) => {
  const { officer, counter } = castOf(info);
  await signIn(page, officer.nip);
  await page.getByRole("link", { name: "Tiket QR" }).click();
  await expect(page.getByRole("heading", { name: "Tiket QR untuk warga" })).toBeVisible();
  await expect(page.getByText(/tidak untuk indikator Anda/)).toBeVisible();
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await screenshot(page, "officer-ticket-form");

  const card = page.getByRole("region", { name: "Tiket QR untuk warga" });
  await card.getByLabel("Layanan").selectOption({ label: "Kartu Keluarga" });
  await card.getByLabel("Loket (opsional)").selectOption(counter.code);
  await card.getByRole("button", { name: "Buat tiket" }).click();
  await expect(card.getByRole("heading", { name: "Tiket siap dipindai" })).toBeFocused();
  await expect(card.getByText(`Kartu Keluarga · ${counter.name}`)).toBeVisible();
  const qr = card.getByRole("img", { name: /^Kode QR penilaian untuk warga: / });
  await expect(qr).toBeVisible();
  expect((await qr.boundingBox())!.width).toBeGreaterThanOrEqual(240);
  const link = card.getByRole("link", { name: /\/r\/t_/ });
  const href = (await link.getAttribute("href"))!;
  expect(await qr.getAttribute("aria-label")).toBe(`Kode QR penilaian untuk warga: ${href}`);
  await expect(card.getByText(/^Sekali pakai, berlaku sampai /)).toBeVisible();
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await screenshot(page, "officer-ticket-qr");

  // The citizen's phone opens the link: the rating page names the officer who served.
  const phone = await page.context().newPage();
  await phone.goto(new URL(href).pathname);
  await expect(phone.getByText(`Dilayani oleh ${officer.name}`)).toBeVisible();
  await phone.close();

  // "Tiket baru" for the next citizen; too many tickets in a short time are refused with the wait.
  await card.getByRole("button", { name: "Tiket baru" }).click();
  await expect(card.getByLabel("Layanan")).toBeFocused();
  await page.route("**/api/v1/tickets", (route) =>
    route.fulfill({
      status: 429,
      headers: { "retry-after": "200" },
      contentType: "application/json",
      body: JSON.stringify({ error: { code: "ticket_pace", message: "More tickets than a counter can serve" } }),
    }),
  );
  await card.getByRole("button", { name: "Buat tiket" }).click();
  await expect(card.getByRole("alert")).toHaveText(
    "Terlalu banyak tiket dalam waktu singkat (paling banyak 10 tiap 5 menit dan 60 tiap jam). Coba lagi dalam 3 menit 20 detik.",
  );
});
