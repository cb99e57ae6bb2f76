/**
 * Officers answer (issue 20, item 4) as their people meet it: an officer replies to a comment about
 * them and their supervisor reads the reply on the comments page; the supervisor writes feedback for
 * the semester on the officer's page and the officer acknowledges it; the evidence page, printed,
 * carries both, still on one A4 sheet. Runs at both sizes, each with an officer of its own whom no other
 * spec answers for (the server is shared and the specs run side by side): one reply and one feedback each.
 */
import { expect, type Page, test } from "@playwright/test";
import { E2E } from "../../playwright.config.ts";
import { AGENCY, expectAccessible, pdfPages, screenshot } from "./helpers.ts";

/** Each size's officer: no other spec replies or gives feedback for them on the shared server. */
const OFFICERS = {
  tablet: { nip: "199001052015031002", name: "Budi Santoso" },
  phone: { nip: "199207142019031005", name: "Ahmad Fauzi Lubis" },
};
const SUPERVISOR = "supervisor@demo.suara.id";

async function signIn(page: Page, identity: string) {
  await page.goto("/dashboard/");
  await page.getByLabel("NIP atau e-mail").fill(identity);
  await page.getByLabel("Kata sandi").fill(E2E.password);
  await page.getByRole("button", { name: "Masuk" }).click();
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page.getByRole("button", { name: "Masuk" })).toBeVisible();
}

/** No sideways scrolling: wide content wraps or scrolls in its own box. */
async function fitsWidth(page: Page) {
  const width = page.viewportSize()!.width;
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

test("an officer replies and acknowledges feedback; the supervisor reads the reply and gives the feedback; the evidence prints both", async ({
  page,
}, info) => {
  test.setTimeout(90_000);
  const size = info.project.name;
  const OFFICER = OFFICERS[size as keyof typeof OFFICERS];
  const replyText = `Mohon maaf atas antreannya, kami tambah loket pagi (${size}).`;
  const feedbackText = `Balasan Anda kepada warga sudah baik; pertahankan (${size}).`;

  // The officer replies to a comment about them.
  await signIn(page, OFFICER.nip);
  const comments = page.getByRole("region", { name: "Komentar warga" });
  await expect(comments.getByRole("button", { name: "Balas komentar ini" }).first()).toBeVisible();
  // The first comment not replied to yet, held by its place: once replied, it has no "Balas" to be found by.
  const items = comments.getByRole("listitem");
  const index = await items.evaluateAll((els) =>
    els.findIndex((el) => el.querySelector('button[aria-label="Balas komentar ini"]')),
  );
  const item = items.nth(index);
  const said = (await item.locator(".comment-text").textContent())!;
  await item.getByRole("button", { name: "Balas komentar ini" }).click();
  const form = item.getByRole("form", { name: "Balas komentar ini" });
  await expect(form.getByLabel("Balasan Anda")).toBeFocused();
  await form.getByRole("button", { name: "Batal" }).click();
  await expect(item.getByRole("button", { name: "Balas komentar ini" })).toBeFocused();
  await item.getByRole("button", { name: "Balas komentar ini" }).click();
  await form.getByRole("button", { name: "Kirim balasan" }).click();
  await expect(form.getByText("Tulis balasan Anda.")).toBeVisible();
  await expect(form.getByLabel("Balasan Anda")).toBeFocused();
  await form.getByLabel("Balasan Anda").fill(replyText);
  await expectAccessible(page);
  await form.scrollIntoViewIfNeeded();
  await screenshot(page, "reply-form");
  await fitsWidth(page);
  await form.getByRole("button", { name: "Kirim balasan" }).click();
  const shown = item.locator(".comment-reply");
  await expect(shown).toContainText(replyText);
  await expect(shown).toBeFocused();
  await expect(item.getByRole("button", { name: "Balas komentar ini" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Umpan balik atasan" })).toBeVisible();
  await signOut(page);

  // The supervisor reads it under the comment, then writes feedback on the officer's page.
  await signIn(page, SUPERVISOR);
  await expect(page.getByRole("link", { name: "Komentar" })).toBeVisible();
  await page.goto(`/dashboard/a/${AGENCY}/comments`);
  const commented = page.getByRole("listitem").filter({ hasText: replyText });
  await expect(commented).toContainText(said);
  await expect(commented.getByText("Balasan petugas")).toBeVisible();
  await expectAccessible(page);
  await commented.scrollIntoViewIfNeeded();
  await screenshot(page, "reply-on-comments-page");
  await fitsWidth(page);

  await page.goto(`/dashboard/a/${AGENCY}/officers`);
  await page.getByRole("link", { name: `Umpan balik untuk ${OFFICER.name}` }).click();
  await expect(page.getByRole("heading", { name: `Umpan balik untuk ${OFFICER.name}`, level: 1 })).toBeVisible();
  const give = page.getByRole("form", { name: "Tulis umpan balik" });
  await give.getByRole("button", { name: "Kirim umpan balik" }).click();
  await expect(give.getByText("Tulis umpan baliknya.")).toBeVisible();
  await expect(give.getByLabel("Periode")).toHaveValue(/^\d{4}-S[12]$/);
  await give.getByLabel("Umpan balik", { exact: true }).fill(feedbackText);
  await give.getByRole("button", { name: "Kirim umpan balik" }).click();
  await expect(give.getByRole("status")).toHaveText("Umpan balik terkirim.");
  const given = page.getByRole("region", { name: "Umpan balik yang sudah diberikan" });
  const entry = given.getByRole("listitem").filter({ hasText: feedbackText });
  await expect(entry.getByText("Belum ditandai dibaca")).toBeVisible();
  await expectAccessible(page);
  await entry.scrollIntoViewIfNeeded();
  await screenshot(page, "feedback-given");
  await fitsWidth(page);
  await signOut(page);

  // The officer reads and acknowledges it.
  await signIn(page, OFFICER.nip);
  const mine = page.getByRole("region", { name: "Umpan balik atasan" });
  const feedback = mine.getByRole("listitem").filter({ hasText: feedbackText });
  await expect(feedback).toContainText("dari Kepala Bidang Pelayanan");
  await feedback.getByRole("button", { name: "Saya sudah membaca" }).click();
  await expect(feedback.getByText(/^✓ Dibaca /)).toBeFocused();
  await expect(feedback.getByRole("button", { name: "Saya sudah membaca" })).toHaveCount(0);
  await expectAccessible(page);
  await feedback.scrollIntoViewIfNeeded();
  await screenshot(page, "feedback-acknowledged");

  // The evidence page, as printed: the reply under its comment, the feedback and when it was read.
  await page.goto("/dashboard/me/evidence");
  await page.emulateMedia({ media: "print" });
  const paper = page.locator("article.evidence");
  // Under its comment: among the quoted ones when it is recent, else among the other replied ones.
  await expect(paper.getByRole("listitem").filter({ hasText: replyText })).toContainText(said);
  const printed = paper.getByRole("region", { name: "Umpan balik atasan pada periode ini" });
  await expect(printed.getByRole("listitem").filter({ hasText: feedbackText })).toContainText("✓ Dibaca");
  await expect(page.getByRole("button", { name: "Saya sudah membaca" })).toHaveCount(0);
  await expectAccessible(page);
  await printed.scrollIntoViewIfNeeded();
  await screenshot(page, "evidence-print");
  expect(await pdfPages(await page.pdf({ format: "A4" }))).toHaveLength(1);
  await page.emulateMedia({ media: "screen" });
  await signOut(page);

  // The supervisor sees that it was read.
  await signIn(page, SUPERVISOR);
  await expect(page.getByRole("link", { name: "Komentar" })).toBeVisible();
  await page.goto(`/dashboard/a/${AGENCY}/officers`);
  await page.getByRole("link", { name: `Umpan balik untuk ${OFFICER.name}` }).click();
  await expect(
    page
      .getByRole("region", { name: "Umpan balik yang sudah diberikan" })
      .getByRole("listitem")
      .filter({ hasText: feedbackText }),
  ).toContainText("✓ Dibaca");
});
