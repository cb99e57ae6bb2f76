/**
 * The kiosk as citizens at a real counter use it, at the project's two sizes
 * (a 1280×800 tablet, a 390×844 phone) and a portrait tablet: the pairing code
 * typed as the dashboard shows it, double taps that never answer for the
 * citizen, each citizen starting fresh (Bahasa Indonesia, the faces back after
 * 20 s), the faces above the fold, and an impossible age refused in words.
 * What the tablet sends is read off the wire, as the server receives it.
 */
import { expect, type Page, test } from "@playwright/test";
import { adminApi, expectAccessible, screenshot } from "./helpers.ts";
import { refuseAgeThenCorrect } from "./profile-age.ts";

const FACES_HEADING = "Bagaimana pelayanan kami hari ini?";

interface Sent {
  id: string;
  overall?: number;
  reasons?: string[];
  locale?: string;
  respondent?: { age?: number; gender?: string };
}

/** Every rating the tablet sends, by id (the last sending of each). */
function ratingsSent(page: Page): Map<string, Sent> {
  const sent = new Map<string, Sent>();
  page.on("request", (request) => {
    if (request.method() !== "POST" || !request.url().endsWith("/api/v1/ratings")) return;
    const body = request.postDataJSON() as { ratings?: Sent[] } | Sent[];
    for (const rating of Array.isArray(body) ? body : (body.ratings ?? [])) sent.set(rating.id, rating);
  });
  return sent;
}

/** Pairs a new tablet at `counter` by typing its code with the space the dashboard shows; thank-you kept short. */
async function pairByTyping(page: Page, request: Parameters<typeof adminApi>[0], counter = "loket-3") {
  const api = await adminApi(request);
  await api.thanksSeconds(counter, 1);
  const code = await api.pairingCode(counter);
  await page.goto("/kiosk/");
  await page.getByLabel("Kode pemasangan").fill(`${code.slice(0, 4)} ${code.slice(4)}`);
  await page.getByRole("button", { name: "Pasangkan" }).click();
  await expect(page.getByRole("heading", { name: FACES_HEADING })).toBeVisible();
}

/** Two taps 120 ms apart at the middle of `name`'s button, as a hurried finger does. */
async function doubleTap(page: Page, name: string) {
  const button = page.getByRole("button", { name, exact: true });
  // A screen takes taps once it has settled (state.ts, TAP_GUARD_MS); a citizen's first tap comes
  // after that, so wait for it (a busy machine can render the faces late) before the double tap.
  await expect(button).toBeEnabled();
  const box = (await button.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.click(x, y);
  await page.waitForTimeout(120);
  await page.mouse.click(x, y);
}

test("the pairing code is read as the dashboard shows it, and a wrong one is said in words", async ({
  page,
  request,
}) => {
  await page.goto("/kiosk/");
  const field = page.getByLabel("Kode pemasangan");
  const pair = page.getByRole("button", { name: "Pasangkan" });
  await field.fill("5349 OOO5");
  await pair.click();
  await expect(page.getByRole("alert")).toHaveText(/hanya berisi angka/);
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await field.fill("5349 000");
  await pair.click();
  await expect(page.getByRole("alert")).toHaveText(/kurang dari 8 angka/);
  await screenshot(page, "kiosk-pair-short");
  await expectAccessible(page);

  const api = await adminApi(request);
  const code = await api.pairingCode("loket-3");
  // Pasted from the dashboard, spaces around included.
  await field.fill(` ${code.slice(0, 4)} ${code.slice(4)} `);
  await pair.click();
  await expect(page.getByRole("heading", { name: FACES_HEADING })).toBeVisible();
});

test("double taps record exactly the face tapped, no reason and no declined survey", async ({ page, request }) => {
  const sent = ratingsSent(page);
  await pairByTyping(page, request);

  // "Tidak puas" twice: the second tap lands where "Lainnya" appears, and is not taken.
  await doubleTap(page, "Tidak puas");
  await expect(page.getByRole("heading", { name: "Apa yang kurang dari pelayanan kami?" })).toBeVisible();
  await page.waitForTimeout(600);
  await expect(page.getByRole("heading", { name: "Apa yang kurang dari pelayanan kami?" })).toBeVisible();
  await page.getByRole("button", { name: "Lewati" }).click();

  // "Tidak, terima kasih" would be under the second tap on the offer: a double tap there must not decline it.
  await expect(page.getByRole("heading", { name: "Isi survei lengkap?" })).toBeVisible();
  await page.getByRole("button", { name: "Tidak, terima kasih" }).click();
  await expect(page.getByRole("heading", { name: FACES_HEADING })).toBeVisible({ timeout: 10_000 });

  // "Puas" twice: the offer stays up, the survey neither declined nor opened.
  await doubleTap(page, "Puas");
  await expect(page.getByRole("heading", { name: "Isi survei lengkap?" })).toBeVisible();
  await page.waitForTimeout(600);
  await expect(page.getByRole("heading", { name: "Isi survei lengkap?" })).toBeVisible();
  await screenshot(page, "kiosk-offer-after-double-tap");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Tidak, terima kasih" }).click();
  await expect(page.getByRole("heading", { name: FACES_HEADING })).toBeVisible({ timeout: 10_000 });

  await expect.poll(() => sent.size, { timeout: 15_000 }).toBe(2);
  const ratings = [...sent.values()];
  expect(ratings.map((r) => [r.overall, r.reasons])).toEqual([
    [1, undefined],
    [3, undefined],
  ]);
});

test("each citizen starts fresh: Bahasa Indonesia again, and the faces back after 20 s untouched", async ({
  page,
  request,
}) => {
  await page.clock.install();
  const sent = ratingsSent(page);
  await pairByTyping(page, request);

  // A citizen rates in English: the next one finds the faces in Bahasa Indonesia.
  await page.getByRole("button", { name: "Switch to English" }).click();
  await page.getByRole("button", { name: "Satisfied", exact: true }).click();
  await page.getByRole("button", { name: "No, thank you" }).click();
  await expect(page.getByRole("heading", { name: "Thank you!" })).toBeVisible();
  await page.clock.fastForward(2_000);
  await expect(page.getByRole("heading", { name: FACES_HEADING })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "id");

  // A citizen switches to English and walks away without rating.
  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page.getByRole("heading", { name: "How was our service today?" })).toBeVisible();
  await page.clock.fastForward(21_000);
  await expect(page.getByRole("heading", { name: FACES_HEADING })).toBeVisible();

  // A low face, then nothing: the reasons count down and give way to the faces; the tap is kept.
  await page.clock.fastForward(1_000);
  await page.getByRole("button", { name: "Kurang puas", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Apa yang kurang dari pelayanan kami?" })).toBeVisible();
  const countdown = page.getByRole("timer");
  await expect(countdown).toBeHidden();
  await page.clock.fastForward(8_000);
  await expect(countdown).toHaveText(/^Kembali ke awal dalam 1[0-2] detik/);
  await screenshot(page, "kiosk-reasons-countdown");
  await expectAccessible(page);
  await page.clock.fastForward(12_500);
  await expect(page.getByRole("heading", { name: FACES_HEADING })).toBeVisible();
  await expect
    .poll(() => [...sent.values()].map((r) => [r.overall, r.locale]))
    .toEqual([
      [3, "en"],
      [2, "id"],
    ]);
});

test("the faces fit above the fold, on a phone and on a tablet either way up", async ({ page, request }) => {
  await pairByTyping(page, request);
  const sizes = [page.viewportSize()!, { width: 800, height: 1280 }, { width: 1280, height: 800 }];
  for (const size of sizes) {
    await page.setViewportSize(size);
    await screenshot(page, "kiosk-faces");
    for (const name of ["Tidak puas", "Kurang puas", "Puas", "Sangat puas"]) {
      const box = (await page.getByRole("button", { name, exact: true }).boundingBox())!;
      expect(box.y + box.height, `${name} at ${size.width}×${size.height}`).toBeLessThanOrEqual(size.height);
      expect(box.height, `${name} at ${size.width}×${size.height}: a big target`).toBeGreaterThanOrEqual(96);
    }
    expect(await page.evaluate(() => document.documentElement.scrollHeight), "no scrolling").toBeLessThanOrEqual(
      size.height,
    );
  }
  await expectAccessible(page);
});

test("an impossible age is refused in words, kept on screen, and the corrected one is sent", async ({
  page,
  request,
}) => {
  const sent = ratingsSent(page);
  await pairByTyping(page, request);
  await page.getByRole("button", { name: "Sangat puas", exact: true }).click();
  await page.getByRole("button", { name: "Ya, isi survei" }).click();
  for (let n = 1; n <= 9; n++) {
    await expect(page.getByText(`${n} dari 9`, { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Lewati →" }).click();
  }
  // loket-3 gives several services: the survey asks which.
  await expect(page.getByRole("heading", { name: "Layanan apa yang Anda terima hari ini?" })).toBeVisible();
  await page.getByRole("button", { name: "Lewati →" }).click();
  await page.getByRole("button", { name: "Lanjut →" }).click();
  await expect(page.getByRole("heading", { name: "Tentang Anda (opsional)" })).toBeVisible();
  await refuseAgeThenCorrect(page, page, "Perempuan", "kiosk-profile-age");
  await expect(page.getByRole("heading", { name: "Terima kasih!" })).toBeVisible();
  await expect.poll(() => [...sent.values()].map((r) => r.respondent)).toEqual([{ gender: "P", age: 45 }]);
});
