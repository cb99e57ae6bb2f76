/**
 * Suara's own rating pages as a citizen meets them, and archiving as a counter lives it:
 * a NEW agency (made through the API, no origin registered) prints its posters and the
 * poster page names the agency, the counter and the service, lets the citizen pick among
 * the counter's services and rates on the first scan; the QR page names the agency, the
 * service and the officer and, once used, thanks and stops; a tap made on an offline
 * tablet for a service archived meanwhile is stored when the tablet reconnects.
 */
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { E2E } from "../../playwright.config.ts";
import { expectAccessible, pairKiosk, screenshot, tapAndDecline } from "./helpers.ts";

const REGIONAL = { email: "regional@demo.suara.id", password: E2E.password };
const OFFICER_NIP = "198803122010012004";

/** A new agency in the demo region with two services and a counter giving both; the regional admin's headers. */
async function newAgency(request: APIRequestContext, slug: string) {
  const login = await request.post("/api/v1/auth/login", { data: REGIONAL });
  expect(login.ok()).toBe(true);
  const headers = { authorization: `Bearer ${(await login.json()).token}` };
  const post = async (path: string, data: unknown) => {
    const res = await request.post(`/api/v1${path}`, { data, headers });
    expect(res.ok(), `POST ${path}: ${await res.text()}`).toBe(true);
    return res.json();
  };
  const name = `Dinas Perizinan ${slug}`;
  await post("/agencies", { slug, name, timezone: "Asia/Jakarta" });
  await post(`/agencies/${slug}/services`, { slug: "izin-usaha", name: "Izin Usaha" });
  await post(`/agencies/${slug}/services`, { slug: "izin-bangunan", name: "Persetujuan Bangunan Gedung" });
  await post(`/agencies/${slug}/counters`, {
    code: "loket-1",
    name: "Loket Perizinan",
    services: ["izin-usaha", "izin-bangunan"],
    opensAt: "00:00",
    closesAt: "23:59",
  });
  await post(`/agencies/${slug}/counters`, {
    code: "loket-2",
    name: "Loket Bangunan",
    services: ["izin-bangunan"],
    opensAt: "00:00",
    closesAt: "23:59",
  });
  const report = async () => {
    const year = new Date().getFullYear();
    const res = await request.get(`/api/v1/agencies/${slug}/report?period=${year}`, { headers });
    return (await res.json()) as { byService: { service: string; quick: { n: number } }[] };
  };
  const quick = async (service: string) => (await report()).byService.find((s) => s.service === service)?.quick.n ?? 0;
  return { name, headers, post, quick };
}

/** Signs the regional admin in on the dashboard. */
async function signIn(page: Page) {
  await page.goto("/dashboard/");
  await page.getByLabel("NIP atau e-mail").fill(REGIONAL.email);
  await page.getByLabel("Kata sandi").fill(REGIONAL.password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.getByRole("navigation", { name: "Suara" })).toBeVisible();
}

/** The rating page's path and query as a counter's printed poster gives it. */
async function posterUrl(page: Page, slug: string, counter: string) {
  await page.goto(`/dashboard/a/${slug}/manage/posters`);
  const poster = page.getByRole("article", { name: `Poster ${counter}` });
  await expect(poster).toBeVisible();
  const url = new URL((await poster.getByText(/\/r\/\?agency=/).textContent())!);
  return `${url.pathname}${url.search}`;
}

test("a new agency's poster names it, lets the citizen pick the service and rates on the first scan", async ({
  page,
  browser,
  request,
}, info) => {
  const slug = `perizinan-${info.project.name}-${Date.now().toString(36)}`;
  test.slow();
  const agency = await newAgency(request, slug);
  await signIn(page);
  // Nothing to allow before printing: the poster page is Suara's own.
  await page.goto(`/dashboard/a/${slug}/manage/posters`);
  await expect(page.getByRole("button", { name: /Izinkan/ })).toHaveCount(0);
  await expectAccessible(page);
  const poster = page.getByRole("article", { name: "Poster Loket Perizinan" });
  await expect(poster).toContainText("Layanan: Izin Usaha, Persetujuan Bangunan Gedung");
  await poster.scrollIntoViewIfNeeded();
  await screenshot(page, "posters-new-agency");
  const url = await posterUrl(page, slug, "Loket Perizinan");
  expect(url).toContain("counter=loket-1");

  const phone = await browser.newContext({ viewport: page.viewportSize()!, locale: "id-ID" });
  const citizen = await phone.newPage();
  await citizen.goto(url);
  await expect(citizen.getByText(agency.name, { exact: true })).toBeVisible();
  await expect(citizen.getByText("Loket: Loket Perizinan")).toBeVisible();
  const which = citizen.getByRole("group", { name: "Layanan yang Anda terima" });
  await expect(which.getByRole("radio")).toHaveCount(2);
  await expect(which.getByRole("radio", { name: "Izin Usaha" })).toBeChecked();
  await which.getByRole("radio", { name: "Persetujuan Bangunan Gedung" }).check();
  await expectAccessible(citizen);
  await screenshot(citizen, "poster-page-pick");
  await citizen.getByRole("button", { name: "Sangat puas" }).click();
  await expect(citizen.getByText("Terima kasih atas penilaian Anda.")).toBeVisible();
  // The choice is over once the tap was sent.
  await expect(which.getByRole("radio", { name: "Izin Usaha" })).toBeDisabled();
  await expect.poll(() => agency.quick("izin-bangunan")).toBe(1);
  expect(await agency.quick("izin-usaha")).toBe(0);

  // A counter giving one service names it; no choice to make.
  await citizen.goto(await posterUrl(page, slug, "Loket Bangunan"));
  await expect(citizen.getByText("Layanan: Persetujuan Bangunan Gedung")).toBeVisible();
  await expect(citizen.getByRole("group", { name: "Layanan yang Anda terima" })).toHaveCount(0);
  await expectAccessible(citizen);
  await screenshot(citizen, "poster-page-one-service");
  await phone.close();
});

test("the QR page names the agency, service and officer, and once used thanks and stops", async ({ page, request }) => {
  const login = await request.post("/api/v1/auth/login", { data: { nip: OFFICER_NIP, password: E2E.password } });
  const issued = await request.post("/api/v1/tickets", {
    data: { service: "akta-kelahiran" },
    headers: { authorization: `Bearer ${(await login.json()).token}` },
  });
  const { url } = await issued.json();
  await page.goto(new URL(url).pathname);
  await expect(
    page.getByText(/^Dinas Kependudukan .* · Akta Kelahiran · Dilayani oleh Siti Rahmawati, S.Kom$/),
  ).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "qr-page");
  await page.getByRole("button", { name: "Puas", exact: true }).click();
  await page.getByRole("button", { name: "Selesai" }).click();
  await expect(page.getByText("Terima kasih atas penilaian Anda.")).toBeVisible();
  // No "Nilai lagi" that could only lead to "Tiket ini sudah dipakai".
  await expect(page.getByRole("button", { name: "Nilai lagi" })).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, "qr-page-done");
});

test("@once a tap on an offline tablet for a service archived meanwhile is stored when it reconnects", async ({
  page,
  context,
  browser,
  request,
}) => {
  test.slow();
  const slug = `arsip-${Date.now().toString(36)}`;
  const agency = await newAgency(request, slug);
  const made = await agency.post(`/agencies/${slug}/devices`, { counter: "loket-2", name: "Tablet Loket Bangunan" });
  await pairKiosk(page, made.pairingCode);
  await context.setOffline(true);
  await tapAndDecline(page, "Sangat puas");

  // While the tablet is offline, the admin archives the service it rated; the dialog says what that does.
  const desk = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await signIn(desk);
  await desk.goto(`/dashboard/a/${slug}/manage/services`);
  const asked = new Promise<string>((resolve) =>
    desk.once("dialog", (dialog) => {
      resolve(dialog.message());
      void dialog.accept();
    }),
  );
  await desk.getByRole("button", { name: "Arsipkan Persetujuan Bangunan Gedung" }).click();
  expect(await asked).toMatch(
    /penilaian baru untuknya ditolak.*sebelum saat ini tetap diterima.*tablet yang sedang offline/s,
  );
  const row = desk.getByRole("row", { name: /Persetujuan Bangunan Gedung/ });
  await expect(row).toContainText("Diarsipkan");
  await expectAccessible(desk);
  await screenshot(desk, "services-archived");
  await desk.context().close();

  // Back online: the tap made before the archive is stored, not refused.
  await context.setOffline(false);
  await expect.poll(() => agency.quick("izin-bangunan"), { timeout: 20_000 }).toBe(1);
});
