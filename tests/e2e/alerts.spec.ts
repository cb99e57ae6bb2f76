/**
 * Alerts as people meet them (docs/design.md, "Alerts"): a "Diminta biaya" tap at a kiosk shows in
 * the admin's dashboard within 10 s (the header's bell, then the notifications page); the alert
 * settings page works by keyboard, refuses bounds it cannot keep, sets a webhook whose secret is
 * never shown again, and its delivery log shows a real local receiver's answer. At both sizes.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, type Page, test } from "@playwright/test";
import { ADMIN, AGENCY, adminApi, expectAccessible, pairKiosk, screenshot } from "./helpers.ts";

async function signIn(page: Page) {
  await page.goto("/dashboard/");
  await page.getByLabel("NIP atau e-mail").fill(ADMIN.email);
  await page.getByLabel("Kata sandi").fill(ADMIN.password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.getByRole("navigation", { name: "Suara" })).toBeVisible();
}

test('a "Diminta biaya" tap at the kiosk shows in the admin\'s dashboard within 10 s', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(90_000);
  const api = await adminApi(request);
  // Earlier runs (the other size) leave nothing unread; a counter of this run's own.
  await request.post(`/api/v1/agencies/${AGENCY}/notifications/read`, { data: { all: true }, headers: api.headers });
  const code = `alarm-${Date.now().toString(36)}`;
  const name = `Loket Alarm ${code.slice(6)}`;
  const made = await request.post(`/api/v1/agencies/${AGENCY}/counters`, {
    data: { code, name, services: ["ktp-el"], thanksSeconds: 1 },
    headers: api.headers,
  });
  expect(made.ok()).toBe(true);

  await signIn(page);
  const bell = page.getByRole("link", { name: /^Notifikasi/ });
  await expect(bell).toHaveAccessibleName("Notifikasi");

  const kiosk = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await pairKiosk(kiosk, await api.pairingCode(code));
  await kiosk.getByRole("button", { name: "Tidak puas", exact: true }).click();
  await kiosk.getByRole("button", { name: "Diminta biaya" }).click();
  await kiosk.getByRole("button", { name: "Tidak, terima kasih" }).click();
  await expect(kiosk.getByRole("heading", { name: "Terima kasih!" })).toBeVisible();
  const tapped = Date.now();

  // The bell, which asks every few seconds, counts it: within 10 s of the thank-you.
  await expect(bell).toHaveAccessibleName("Notifikasi, 1 belum dibaca", { timeout: 10_000 });
  expect(Date.now() - tapped).toBeLessThan(10_000);
  await kiosk.context().close();
  await expectAccessible(page);
  await screenshot(page, "alerts-bell");

  await bell.click();
  await expect(page.getByRole("heading", { name: "Notifikasi", level: 1 })).toBeVisible();
  const item = page.getByRole("listitem").filter({ hasText: "Kemungkinan pungli" }).first();
  await expect(item).toContainText(`Kemungkinan pungli: warga memilih alasan "Diminta biaya" · di ${name}`);
  await expect(item.getByRole("link", { name: "Baca komentar kemungkinan pungli" })).toHaveAttribute(
    "href",
    `/dashboard/a/${AGENCY}/comments?reason=possible-levy`,
  );
  await expect(page.getByText("1 belum dibaca")).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "alerts-notifications");

  await item.getByRole("button", { name: /^Tandai dibaca: Kemungkinan pungli/ }).click();
  await expect(page.getByText("Semua sudah dibaca.")).toBeVisible();
  await expect(bell).toHaveAccessibleName("Notifikasi");
  await expect(item.getByRole("button")).toHaveCount(0);

  // In English, the same alert in English words.
  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(
    page.getByText(`Possible levy: the citizen chose the reason "I was asked to pay" · at ${name}`),
  ).toBeVisible();
});

test("the alert settings page works by keyboard: rules, a webhook whose secret is never shown, its log", async ({
  page,
  request,
}) => {
  test.setTimeout(60_000);
  // A real receiver the server posts to; it answers 200 and keeps what it got.
  const got: { signature: string; body: string }[] = [];
  const receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      got.push({ signature: String(req.headers["x-suara-signature"]), body });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/suara`;
  try {
    await signIn(page);
    await page.goto(`/dashboard/a/${AGENCY}/manage/alerts`);
    await expect(page.getByRole("heading", { name: "Peringatan", level: 1 })).toBeVisible();
    await expect(page.getByText("Belum ada pengiriman.").or(page.getByRole("table"))).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, "alerts-settings");

    // By keyboard: N out of its bounds is refused beside its field, then a good N and M are saved.
    const count = page.getByLabel("Jumlah wajah rendah (N, 2–20)");
    await count.focus();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("1");
    await page.keyboard.press("Enter");
    await expect(page.getByText("Isi angka bulat dari 2 sampai 20.")).toBeVisible();
    await expect(count).toHaveAttribute("aria-invalid", "true");
    await count.focus();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("4");
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Dalam berapa menit (M, 5–240)")).toBeFocused();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("20");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: "Aturan disimpan." })).toBeVisible();
    await expect(page.getByLabel("Jumlah wajah rendah (N, 2–20)")).toHaveValue("4");

    // The webhook: URL and secret typed, saved with Enter; the secret is gone from the form and the page.
    const secret = `rahasia-${Date.now()}-instansi`;
    await page.getByLabel("Alamat (URL) penerima").focus();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type(url);
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Rahasia bersama")).toBeFocused();
    await page.keyboard.type(secret);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: "Webhook disimpan." })).toBeVisible();
    await expect(page.getByText("Rahasia sudah diatur (tidak ditampilkan).")).toBeVisible();
    await expect(page.getByLabel("Rahasia bersama")).toHaveValue("");
    expect(await page.content()).not.toContain(secret);

    // A possible levy through the poster page's channel (Suara's own origin): the receiver gets it, the log says so.
    const rated = await request.post("/api/v1/ratings", {
      headers: { origin: new URL(page.url()).origin },
      data: {
        ratings: [
          {
            id: crypto.randomUUID(),
            agency: AGENCY,
            service: "ktp-el",
            channel: "widget",
            overall: 1,
            reasons: ["biaya"],
            createdAt: new Date().toISOString(),
          },
        ],
      },
    });
    expect((await rated.json()).results[0].status).toBe("accepted");
    await expect.poll(() => got.length, { timeout: 10_000 }).toBe(1);
    expect(got[0].signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    await page.reload();
    const log = page.getByRole("region", { name: "Log pengiriman" });
    const row = log.getByRole("row", { name: /Kemungkinan pungli/ }).first();
    await expect(row).toContainText("terkirim");
    await expect(row).toContainText("dijawab 200");
    await expectAccessible(page);
    await log.scrollIntoViewIfNeeded();
    await screenshot(page, "alerts-log");

    // Removed by keyboard, confirmed: no webhook any more.
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Hapus webhook" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByText("Belum ada webhook.")).toBeVisible();
    // Back to the defaults' N and M for the other size's run.
    const api = await adminApi(request);
    await request.put(`/api/v1/agencies/${AGENCY}/alert-rules/low_faces`, {
      data: { enabled: true, count: 3, minutes: 30 },
      headers: api.headers,
    });
  } finally {
    await new Promise((resolve) => receiver.close(resolve));
  }
});
