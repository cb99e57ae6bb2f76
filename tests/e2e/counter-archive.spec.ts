/**
 * A counter archived while its tablet is offline (issue 18 item 8; docs/design.md, "Archiving"):
 * the dashboard's confirmation says what happens, the tap made before the archive is stored when
 * the tablet reconnects, and the kiosk then shows the counter closed, without faces, in both
 * languages, still paired (so nothing it kept is lost) and telling staff what to do.
 */
import { expect, test } from "@playwright/test";
import { ADMIN, AGENCY, adminApi, expectAccessible, pairKiosk, screenshot, tapAndDecline } from "./helpers.ts";

test("a tap on a tablet offline while its counter is archived is stored, then the kiosk says the counter is closed", async ({
  browser,
  context,
  page,
  request,
}) => {
  // Two sign-ins, a dashboard round trip and a sync after reconnecting.
  test.setTimeout(90_000);
  const api = await adminApi(request);
  // A counter of its own per run (the tablet and phone projects share the server).
  const code = `arsip-${Date.now().toString(36)}`;
  const name = `Loket Arsip ${code.slice(6)}`;
  const made = await request.post(`/api/v1/agencies/${AGENCY}/counters`, {
    data: { code, name, services: ["ktp-el"], thanksSeconds: 1 },
    headers: api.headers,
  });
  expect(made.ok()).toBe(true);
  const since = Date.now();
  await pairKiosk(page, await api.pairingCode(code));
  // setOffline does not cancel a request in flight: go offline only once the tablet has none.
  await page.waitForLoadState("networkidle");
  await context.setOffline(true);
  await tapAndDecline(page, "Puas");
  const status = page.getByRole("complementary", { name: "Status" });
  await expect(status).toContainText("1 penilaian menunggu dikirim");

  // While the tablet is offline, the admin archives its counter; the confirmation says what happens.
  const desk = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await desk.goto("/dashboard/");
  await desk.getByLabel("NIP atau e-mail").fill(ADMIN.email);
  await desk.getByLabel("Kata sandi").fill(ADMIN.password);
  await desk.getByRole("button", { name: "Masuk" }).click();
  await expect(desk.getByRole("navigation", { name: "Suara" })).toBeVisible();
  await desk.goto(`/dashboard/a/${AGENCY}/manage/counters`);
  const asked = new Promise<string>((resolve) =>
    desk.once("dialog", (dialog) => {
      resolve(dialog.message());
      void dialog.accept();
    }),
  );
  await desk.getByRole("button", { name: `Arsipkan ${name}` }).click();
  expect(await asked).toMatch(/tidak menerima penilaian baru.*sebelum diarsipkan.*tetap dikirim dan disimpan/s);
  await expect(desk.getByRole("row", { name: new RegExp(name) })).toContainText("Diarsipkan");
  // The tablet list says what the tablet still does.
  await desk.goto(`/dashboard/a/${AGENCY}/manage/tablets`);
  await expect(desk.getByRole("row", { name: new RegExp(`Tablet ${code}`) })).toContainText(
    "Loket diarsipkan: hanya mengirim sisa antrean",
  );
  await expectAccessible(desk);
  await screenshot(desk, "tablets-counter-archived");
  await desk.context().close();

  // Back online: the tap made before the archive is stored, not refused, and nothing waits.
  await context.setOffline(false);
  await expect.poll(async () => (await api.ratings(code, since)).length, { timeout: 30_000 }).toBe(1);
  await expect(page.getByRole("heading", { name: "Loket ini sudah ditutup" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("button", { name: "Puas", exact: true })).toHaveCount(0);
  await expect(page.getByText(/semua penilaian dari tablet ini sudah terkirim/)).toBeVisible({ timeout: 20_000 });
  await expect(status).not.toContainText("menunggu");
  await expectAccessible(page);
  await screenshot(page, "kiosk-archived");

  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page.getByRole("heading", { name: "This counter is closed" })).toBeVisible();
  await expect(page.getByText(/every rating from this tablet has been sent/)).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "kiosk-archived-en");

  // Still paired after a reload: the staff unpair it (with an NIP and PIN) when they move it.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Loket ini sudah ditutup" })).toBeVisible();
  await page.getByRole("button", { name: "Buka menu petugas" }).click();
  const menu = page.getByRole("dialog", { name: "Menu petugas" });
  await expect(menu.getByRole("region", { name: "Lepas pasangan tablet" })).toBeVisible();
  await expect(menu.getByRole("region", { name: "Mulai bertugas" })).toHaveCount(0);
});
