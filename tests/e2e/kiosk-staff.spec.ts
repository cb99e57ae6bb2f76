/**
 * The tablet's staff menu as a counter meets it (issue 15): it closes itself when
 * left untouched, ending a duty needs the on-duty officer's PIN, and a ticket QR
 * for a citizen's phone rates the officer on duty. Tablet-sized; tagged @once so
 * the phone project does not repeat it (the citizen's phone is opened here).
 */
import { expect, type Page, test } from "@playwright/test";
import { E2E } from "../../playwright.config.ts";
import { AGENCY_NAME, adminApi, expectAccessible, openStaffMenu, pairKiosk, screenshot } from "./helpers.ts";

/** Checks an officer in from the staff menu and leaves the menu open. */
async function checkIn(page: Page, nip: string, officer: string) {
  const menu = await openStaffMenu(page);
  const duty = menu.getByRole("region", { name: "Mulai bertugas" });
  await duty.getByLabel("NIP").fill(nip);
  await duty.getByLabel("PIN").fill(E2E.pin);
  await duty.getByRole("button", { name: "Mulai bertugas" }).click();
  await expect(duty.getByRole("status")).toHaveText(`${officer} mulai bertugas.`);
  return menu;
}

test.describe("the kiosk's staff menu @once", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("closes itself after 30 s untouched, and a touch keeps it open", async ({ page, request }) => {
    await page.clock.install();
    const api = await adminApi(request);
    await pairKiosk(page, await api.pairingCode("loket-4"));
    const menu = await openStaffMenu(page);
    await expect(menu.getByText("Menu ini tertutup sendiri setelah 30 detik tanpa sentuhan.")).toBeVisible();
    await menu.getByRole("region", { name: "Mulai bertugas" }).getByLabel("NIP").fill("1987");
    await page.clock.fastForward(25_000);
    await expect(menu).toBeVisible();
    // Typing is a touch: the 30 s start again.
    await menu.getByRole("region", { name: "Mulai bertugas" }).getByLabel("NIP").pressSequentially("09");
    await page.clock.fastForward(25_000);
    await expect(menu).toBeVisible();
    await page.clock.fastForward(6_000);
    await expect(menu).toBeHidden();
    await expect(page.getByRole("heading", { name: "Bagaimana pelayanan kami hari ini?" })).toBeVisible();
    // Opened again, nothing typed before is left in it.
    const again = await openStaffMenu(page);
    await expect(again.getByRole("region", { name: "Mulai bertugas" }).getByLabel("NIP")).toHaveValue("");
  });

  test("asks the on-duty officer's PIN to end the duty", async ({ page, request }) => {
    const api = await adminApi(request);
    await pairKiosk(page, await api.pairingCode("loket-3"));
    const menu = await checkIn(page, "198512202009022003", "Dewi Lestari Nasution");
    const duty = menu.getByRole("region", { name: "Mulai bertugas" });
    await duty.getByRole("button", { name: "Selesai bertugas" }).click();
    const pin = duty.getByLabel("PIN Dewi Lestari Nasution");
    await expect(pin).toBeFocused();
    await expectAccessible(page);
    await screenshot(page, "kiosk-check-out-pin");
    await pin.fill("000000");
    await duty.getByRole("button", { name: "Akhiri tugas" }).click();
    await expect(duty.getByRole("alert")).toHaveText("NIP atau PIN salah.");
    await expect(duty.getByText("Sedang bertugas: Dewi Lestari Nasution")).toBeVisible();
    await pin.fill(E2E.pin);
    await duty.getByRole("button", { name: "Akhiri tugas" }).click();
    await expect(duty.getByRole("status")).toHaveText("Tugas selesai.");
    await page.keyboard.press("Escape");
    await expect(page.getByText("Petugas belum memulai tugas di loket ini")).toBeVisible();
  });

  test("shows a ticket QR that a citizen rates on their phone, for the officer on duty", async ({
    page,
    browser,
    request,
  }) => {
    const api = await adminApi(request);
    const since = Date.now() - 1_000;
    await pairKiosk(page, await api.pairingCode("loket-4"));
    const menu = await checkIn(page, "198709092011011006", "Hendra Saputra Siregar");
    await menu.getByRole("button", { name: "Tampilkan tiket QR" }).click();
    await expect(menu).toBeHidden();
    await expect(page.getByRole("heading", { name: "Nilai pelayanan dari ponsel Anda" })).toBeVisible();
    await expect(page.getByRole("img", { name: "Kode QR halaman penilaian" })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, "kiosk-ticket-qr");
    const url = (await page.getByRole("link").getAttribute("href"))!;
    expect(url).toMatch(/\/r\/t_/);

    // The citizen's phone opens the QR's link.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const citizen = await phone.newPage();
    await citizen.goto(url);
    await expect(
      citizen.getByText(`${AGENCY_NAME} · KTP Elektronik · Dilayani oleh Hendra Saputra Siregar`),
    ).toBeVisible();
    await screenshot(citizen, "ticket-page-phone");
    await citizen.getByRole("button", { name: "Puas", exact: true }).click();
    await expect(citizen.getByRole("status")).toHaveText("Terima kasih atas penilaian Anda.");
    await phone.close();

    await page.getByRole("button", { name: "Selesai" }).click();
    await expect(page.getByRole("heading", { name: "Bagaimana pelayanan kami hari ini?" })).toBeVisible();
    const stored = await api.ratings("loket-4", since);
    expect(stored.map((r) => r.officer)).toContain("Hendra Saputra Siregar");
    // Other specs share this server and this officer: the duty ends here, as a supervisor would end it.
    const ended = await request.delete("/api/v1/counters/loket-4/duty", {
      headers: api.headers,
      data: { reason: "Akhir skenario uji" },
    });
    expect(ended.ok()).toBe(true);
  });
});
