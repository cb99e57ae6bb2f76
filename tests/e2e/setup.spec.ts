/**
 * An agency set up from nothing in the browser: on a server started empty
 * (SUARA_DEMO=0) with a regional admin from `npm run admin:create`, the regional
 * admin adds an agency and its admin; that admin follows the checklist (a
 * service, a counter, two officers by CSV, a tablet, an origin); a second
 * browser opens the tablet's pairing link, an officer checks in there and a
 * tap is stored for them; the checklist ends with every step done. Bad input
 * is refused beside its field and changes nothing; every change is in the
 * audit log; axe checks every screen on the way.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, expect, type Locator, type Page, test } from "@playwright/test";
import { E2E } from "../../playwright.config.ts";
import { freePort } from "../node-process.ts";
import { type SpawnedServer, startServer } from "../server.ts";
import { ADMIN, AGENCY, expectAccessible, openStaffMenu, screenshot, tapAndDecline } from "./helpers.ts";

const REGIONAL = { email: "ortala@sumut.go.id", password: "regional-admin-pw", region: "Sumatera Utara" };
const AGENCY_NAME = "DPMPTSP Kota Tebing Tinggi";
const SLUG = "dpmptsp-kota-tebing-tinggi";
const OFFICERS = [
  { nip: "199005152015031001", name: "Andi Pratama" },
  { nip: "199204202019032002", name: "Maya Sari" },
];

let server: SpawnedServer;

test.describe("from an empty server", () => {
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    const databaseUrl = `file:${join(mkdtempSync(join(tmpdir(), "suara-setup-")), "suara.db")}`;
    // How a production database gets its first person: the documented command.
    execFileSync(
      "npm",
      ["run", "admin:create", "--", "--email", REGIONAL.email, "--name", "Ortala Sumut", "--region", REGIONAL.region],
      { env: { ...process.env, LIBSQL_URL: databaseUrl, SUARA_ADMIN_PASSWORD: REGIONAL.password }, stdio: "ignore" },
    );
    // The tablet is a second browser on this machine: SUARA_PUBLIC_URL names the loopback address on purpose
    // (without it the tablets page draws no QR code of this machine's own address; tests/e2e/office.spec.ts).
    // A free port, so parallel runs (other work trees, other E2E_PORTs) never collide.
    const port = await freePort();
    const env = { SUARA_DEMO: "0", SUARA_PUBLIC_URL: `http://127.0.0.1:${port}` };
    server = await startServer(port, { databaseUrl, password: E2E.password, env });
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  async function desk(browser: Browser) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, baseURL: server.url });
    return context.newPage();
  }

  async function signIn(page: Page, email: string, password: string) {
    await page.goto("/dashboard/");
    await page.getByLabel("NIP atau e-mail").fill(email);
    await page.getByLabel("Kata sandi").fill(password);
    await page.getByRole("button", { name: "Masuk" }).click();
  }

  /** The secret a status line shows once ("…: <secret>"). */
  async function shownSecret(where: Locator, label: RegExp): Promise<string> {
    const line = where.getByRole("status").filter({ hasText: label });
    await expect(line).toBeVisible();
    const match = /:\s*(\S+)\s*Catat/.exec((await line.textContent()) ?? "");
    expect(match, "a secret is shown").not.toBeNull();
    return match![1];
  }

  /** That a status line (announced to screen readers) in `where` says `message`. */
  async function says(where: Locator, message: string) {
    await expect(where.getByRole("status").filter({ hasText: message })).toHaveText(message);
  }

  /** Goes to a management page by its link in the "Kelola" navigation. */
  async function manage(page: Page, link: string) {
    await page.getByRole("navigation", { name: "Kelola" }).getByRole("link", { name: link, exact: true }).click();
  }

  test("@once a new agency goes from nothing to a rated tablet in the browser", async ({ browser }) => {
    test.setTimeout(180_000);

    // The regional admin, from the CLI, adds the agency and its first admin.
    const regional = await desk(browser);
    await signIn(regional, REGIONAL.email, REGIONAL.password);
    await expect(regional.getByText("Belum ada instansi di wilayah ini")).toBeVisible();
    await expectAccessible(regional);
    const add = regional.getByRole("region", { name: "Tambah instansi" });
    // A name longer than a slug may be is suggested cut after a whole word, with an agency's example beside it.
    await add
      .getByLabel("Nama instansi")
      .fill("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Tebing Tinggi Sumatera Utara");
    await expect(add.getByLabel("Kode di alamat (slug)")).toHaveValue(
      "dinas-penanaman-modal-dan-pelayanan-terpadu-satu-pintu-kota",
    );
    await expect(add.getByLabel("Kode di alamat (slug)")).toHaveAccessibleDescription(/mis\. disdukcapil-tebingtinggi/);
    await add.getByLabel("Nama instansi").fill(AGENCY_NAME);
    await expect(add.getByLabel("Kode di alamat (slug)")).toHaveValue(SLUG);
    await expect(add.getByLabel("Wilayah")).toHaveValue(REGIONAL.region);
    await add.getByLabel("Zona waktu").selectOption("Asia/Jakarta");
    await add.getByLabel("Nama", { exact: true }).fill("Rina Admin");
    await add.getByLabel("E-mail").fill("not-an-email");
    await add.getByRole("button", { name: "Tambah instansi" }).click();
    await expect(add.getByLabel("E-mail")).toHaveAccessibleDescription(/alamat e-mail yang benar/);
    await add.getByLabel("E-mail").fill("rina@dpmptsp.go.id");
    await add.getByRole("button", { name: "Tambah instansi" }).click();
    const adminPassword = await shownSecret(add, /Kata sandi Rina Admin/);
    await expect(regional.getByRole("link", { name: AGENCY_NAME })).toBeVisible();
    await expectAccessible(regional);

    // The agency admin signs in and finds the checklist with nothing done.
    const page = await desk(browser);
    await signIn(page, "rina@dpmptsp.go.id", adminPassword);
    // The regional admin saw that password: she chooses her own before anything else.
    await expect(page.getByRole("heading", { name: "Pilih kata sandi Anda sendiri" })).toBeVisible();
    await page.getByLabel("Kata sandi dari admin").fill(adminPassword);
    await page.getByLabel("Kata sandi baru", { exact: true }).fill("rina-punya-sendiri");
    await page.getByLabel("Ulangi kata sandi baru").fill("rina-punya-sendiri");
    await page.getByRole("button", { name: "Simpan kata sandi" }).click();
    const checklist = page.getByRole("region", { name: "Persiapan instansi" });
    await expect(checklist).toContainText("0 dari 5 langkah selesai");
    await expect(checklist.getByRole("listitem").filter({ hasText: "Asal widget" })).toContainText("(opsional)");
    await expectAccessible(page);

    // A service; a clashing slug and a malformed one are refused beside the field. The step's page leads back.
    await checklist.getByRole("link", { name: "Jenis layanan" }).click();
    await expect(page.getByRole("link", { name: "← Kembali ke persiapan instansi" })).toHaveAttribute(
      "href",
      `/dashboard/a/${SLUG}/setup`,
    );
    await expect(page.getByText("Belum ada layanan")).toBeVisible();
    const services = page.getByRole("region", { name: "Tambah layanan" });
    await services.getByLabel("Nama layanan").fill("Perizinan Berusaha");
    await expect(services.getByLabel("Kode di alamat (slug)")).toHaveValue("perizinan-berusaha");
    await services.getByRole("button", { name: "Tambah layanan" }).click();
    await says(services, "Layanan Perizinan Berusaha ditambahkan.");
    const list = page.getByRole("region", { name: "Jenis layanan", exact: true });
    await expect(list.getByRole("row", { name: /Perizinan Berusaha/ })).toBeVisible();
    await services.getByLabel("Nama layanan").fill("Perizinan Lain");
    await services.getByLabel("Kode di alamat (slug)").fill("perizinan-berusaha");
    await services.getByRole("button", { name: "Tambah layanan" }).click();
    await expect(services.getByLabel("Kode di alamat (slug)")).toHaveAccessibleDescription(/Sudah dipakai/);
    await services.getByLabel("Kode di alamat (slug)").fill("Izin Lain!");
    await services.getByRole("button", { name: "Tambah layanan" }).click();
    await expect(services.getByLabel("Kode di alamat (slug)")).toHaveAccessibleDescription(/huruf kecil/);
    await expect(list.getByRole("row")).toHaveCount(2);
    await expectAccessible(page);

    // A counter giving it; a second with the same code is refused.
    await manage(page, "Loket");
    const counters = page.getByRole("region", { name: "Tambah loket" });
    await counters.getByLabel("Kode", { exact: true }).fill("loket-1");
    await counters.getByLabel("Nama loket").fill("Loket 1");
    await counters.getByRole("button", { name: "Tambah loket" }).click();
    await says(counters, "Loket Loket 1 ditambahkan.");
    await counters.getByLabel("Kode", { exact: true }).fill("loket-1");
    await counters.getByLabel("Nama loket").fill("Loket Kembar");
    await counters.getByRole("button", { name: "Tambah loket" }).click();
    await expect(counters.getByLabel("Kode", { exact: true })).toHaveAccessibleDescription(/Sudah dipakai/);
    await expect(page.getByRole("region", { name: "Loket", exact: true }).getByRole("row")).toHaveCount(2);
    await expectAccessible(page);

    // Officers: a bad NIP is refused as typed; a CSV with a bad row is previewed, writes nothing, and
    // would import only the good rows.
    await manage(page, "Data petugas");
    const one = page.getByRole("region", { name: "Tambah petugas" });
    await one.getByLabel("NIP").fill("199013452015031001");
    await one.getByLabel("Nama", { exact: true }).fill("Salah Tanggal");
    await one.getByRole("button", { name: "Tambah petugas" }).click();
    await expect(one.getByLabel("NIP")).toHaveAccessibleDescription(/bukan tanggal lahir/);
    const officers = page.getByRole("region", { name: "Data petugas", exact: true });
    await expect(officers.getByText("Belum ada petugas")).toBeVisible();
    const csv = page.getByRole("region", { name: "Impor dari Excel atau CSV" });
    const rows = OFFICERS.map((o) => `${o.nip},${o.name},Petugas Loket`);
    await csv
      .getByLabel("Atau tempel isi CSV")
      .fill(["nip,nama,jabatan", ...rows, "19900515201503100,Kurang Satu,"].join("\n"));
    await csv.getByRole("button", { name: "Periksa" }).click();
    await says(
      csv,
      "2 dari 3 baris dapat diimpor; 1 baris perlu diperbaiki dan akan dilewati. Belum ada yang disimpan.",
    );
    await expect(csv.getByRole("row", { name: /Kurang Satu/ })).toContainText("NIP terdiri dari 18 angka");
    await expect(csv.getByRole("button", { name: "Impor 2 petugas" })).toBeEnabled();
    await expectAccessible(page);
    await csv.getByLabel("Atau tempel isi CSV").fill(["nip,nama,jabatan", ...rows].join("\n"));
    await csv.getByRole("button", { name: "Periksa" }).click();
    await says(csv, "Semua 2 baris benar. Belum ada yang disimpan.");
    await csv.getByRole("button", { name: "Impor 2 petugas" }).click();
    await says(csv, "2 petugas ditambahkan.");
    for (const o of OFFICERS) await expect(officers.getByRole("row", { name: new RegExp(o.name) })).toBeVisible();
    await officers.getByRole("button", { name: `PIN kios baru untuk ${OFFICERS[0].name}` }).click();
    const pin = await shownSecret(officers, new RegExp(`PIN kios baru ${OFFICERS[0].name}`));
    expect(pin).toMatch(/^\d{6}$/);

    // A sign-in account for the second officer, and a supervisor; an e-mail in use is refused beside its field.
    await officers.getByRole("button", { name: `Buat akun masuk untuk ${OFFICERS[1].name}` }).click();
    await shownSecret(officers, new RegExp(`Kata sandi ${OFFICERS[1].name} \\(masuk dengan ${OFFICERS[1].nip}\\)`));
    await expect(officers.getByRole("row", { name: new RegExp(OFFICERS[1].name) })).toContainText("Ada");
    await manage(page, "Akun");
    const account = page.getByRole("region", { name: "Tambah akun" });
    await account.getByLabel("Nama").fill("Sari Supervisor");
    await account.getByLabel("E-mail").fill("rina@dpmptsp.go.id");
    await account.getByLabel("Peran").selectOption("supervisor");
    await account.getByRole("button", { name: "Tambah akun" }).click();
    await expect(account.getByLabel("E-mail")).toHaveAccessibleDescription(/Sudah dipakai/);
    await account.getByLabel("E-mail").fill("sari@dpmptsp.go.id");
    await account.getByRole("button", { name: "Tambah akun" }).click();
    await says(account, "Akun Sari Supervisor dibuat.");
    const accounts = page.getByRole("region", { name: "Akun dan peran" });
    await shownSecret(accounts, /Kata sandi Sari Supervisor/);
    await expect(accounts.getByLabel("Peran Sari Supervisor")).toHaveValue("supervisor");
    await expect(accounts.getByLabel("Peran Rina Admin")).toBeDisabled();
    await expectAccessible(page);

    // A tablet: the pairing code large, as a QR code, counting down its 15 minutes.
    await manage(page, "Tablet");
    await page.getByLabel("Nama tablet").fill("Tablet Loket 1");
    await page.getByRole("button", { name: "Tambah tablet" }).click();
    const pairing = page.getByRole("region", { name: "Pasang Tablet Loket 1 di loket-1" });
    await expect(pairing.getByRole("timer")).toHaveText(/Berlaku 1[45]:\d\d lagi/);
    await expect(pairing.getByRole("img", { name: /Kode QR pemasangan/ })).toBeVisible();
    const pairingUrl = (await pairing.getByRole("link").getAttribute("href"))!;
    expect(pairingUrl).toMatch(new RegExp(`^${server.url}/kiosk/\\?code=\\d{8}$`));
    await expectAccessible(page);
    await screenshot(page, "setup-pairing");

    // A second browser, the tablet, opens the QR's link and is paired.
    const tablet = await desk(browser);
    await tablet.goto(pairingUrl);
    await expect(tablet.getByRole("heading", { name: "Bagaimana pelayanan kami hari ini?" })).toBeVisible();
    await expect(pairing.getByRole("status")).toHaveText(/Tablet terpasang/, { timeout: 10_000 });

    // An officer checks in on it with the PIN just made, and a citizen taps.
    const menu = await openStaffMenu(tablet, AGENCY_NAME);
    const duty = menu.getByRole("region", { name: "Mulai bertugas" });
    await duty.getByLabel("NIP").fill(OFFICERS[0].nip);
    await duty.getByLabel("PIN").fill(pin);
    await duty.getByRole("button", { name: "Mulai bertugas" }).click();
    await says(duty, `${OFFICERS[0].name} mulai bertugas.`);
    await tablet.keyboard.press("Escape");
    await tapAndDecline(tablet, "Puas");

    // The tablet reported in after sending the tap: seen, and nothing left waiting on it.
    await expect(async () => {
      await page.reload();
      const row = page.getByRole("region", { name: "Tablet terdaftar" }).getByRole("row", { name: /Tablet Loket 1/ });
      await expect(row).toContainText("Terpasang", { timeout: 1_000 });
      await expect(row).toContainText("0 menunggu", { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });

    // The tap was stored: the set-up is complete without a website, the widget step still offered.
    await manage(page, "Persiapan");
    const done = page.getByRole("region", { name: "Persiapan instansi" });
    await expect(done).toContainText("Semua 5 langkah selesai", { timeout: 15_000 });
    await expect(done.getByRole("listitem").filter({ hasText: "Asal widget" })).toContainText("(opsional) · belum");
    await expectAccessible(page);
    await screenshot(page, "setup-done-without-website");

    // The origin: an http one is refused beside the field; an https one is registered.
    await manage(page, "Widget");
    const origin = page.getByLabel("Asal situs");
    await origin.fill("http://evil.example");
    await page.getByRole("button", { name: "Daftarkan" }).click();
    await expect(origin).toHaveAccessibleDescription(/Gunakan https:\/\//);
    await expect(page.getByText("Belum ada asal terdaftar.")).toBeVisible();
    await origin.fill("https://dpmptsp.tebingtinggikota.go.id");
    await page.getByRole("button", { name: "Daftarkan" }).click();
    await expect(
      page.getByRole("listitem").filter({ hasText: "https://dpmptsp.tebingtinggikota.go.id" }),
    ).toBeVisible();
    await expect(
      page.getByText('<suara-rating agency="dpmptsp-kota-tebing-tinggi" service="perizinan-berusaha">'),
    ).toBeVisible();
    await expectAccessible(page);

    // The tap was stored for the officer on duty.
    await expect
      .poll(async () => {
        const res = await page.request.get(`/api/v1/agencies/${SLUG}/report?period=${new Date().getFullYear()}`);
        const report = await res.json();
        return report.byOfficer?.find((o: { name: string }) => o.name === OFFICERS[0].name)?.n ?? 0;
      })
      .toBe(1);

    // Every step is done.
    await manage(page, "Persiapan");
    await expect(page.getByRole("region", { name: "Persiapan instansi" })).toContainText("Semua 5 langkah selesai");
    await expect(
      page.getByRole("region", { name: "Persiapan instansi" }).getByRole("listitem").filter({ hasText: "Asal widget" }),
    ).toContainText("selesai (1)");
    await expectAccessible(page);
    await screenshot(page, "setup-checklist");

    // A poster per counter; its QR page is Suara's own, so it rates with nothing to allow first.
    await manage(page, "Poster QR");
    const poster = page.getByRole("article", { name: "Poster Loket 1" });
    await expect(poster).toContainText("Bagaimana pelayanan kami hari ini?");
    await expect(poster.getByRole("img", { name: /Kode QR penilaian Loket 1/ })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, "setup-poster");
    const posterUrl = (await poster.getByText(/\/r\/\?agency=/).textContent())!;
    const phone = await tablet.context().newPage();
    await phone.goto(posterUrl);
    await phone.getByRole("button", { name: "Sangat puas" }).click();
    await expect(phone.getByText("Terima kasih atas penilaian Anda.")).toBeVisible();

    // Every change is in the audit log, and the refused ones are not.
    await manage(page, "Log audit");
    const audit = page.getByRole("region", { name: "Log audit" });
    for (const change of ["Layanan ditambahkan", "Loket ditambahkan", "Petugas diimpor", "Tablet ditambahkan"]) {
      await expect(audit.getByRole("row", { name: new RegExp(change) })).toHaveCount(1);
    }
    await expect(audit.getByRole("row", { name: /Asal widget diubah/ })).toHaveCount(1);
    // Named, not an id: who was changed and what ("PIN diubah"), never the PIN itself.
    const pinChange = audit.getByRole("row", { name: /Petugas diubah/ });
    await expect(pinChange).toHaveCount(1);
    await expect(pinChange).toContainText(OFFICERS[0].name);
    await expect(pinChange).not.toContainText(pin);
    await expect(audit.getByRole("row", { name: /Akun dibuat/ })).toHaveCount(3);
    await page.getByLabel("Jenis perubahan").selectOption("service");
    await expect(audit.getByRole("row")).toHaveCount(2);
    await expectAccessible(page);
  });
});

test("a supervisor sees no management screen, and the API refuses them", async ({ page }) => {
  await page.goto("/dashboard/");
  await page.getByLabel("NIP atau e-mail").fill("supervisor@demo.suara.id");
  await page.getByLabel("Kata sandi").fill(ADMIN.password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.getByRole("navigation", { name: "Suara" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Kelola" })).toHaveCount(0);
  await page.goto(`/dashboard/a/${AGENCY}/manage/services`);
  await expect(page.getByRole("alert")).toHaveText(/Hanya admin instansi dan admin wilayah/);
  await expect(page.getByRole("button", { name: "Tambah layanan" })).toHaveCount(0);
  const refused = await page.request.post(`/api/v1/agencies/${AGENCY}/services`, {
    data: { slug: "coba", name: "Coba" },
  });
  expect(refused.status()).toBe(403);
});
