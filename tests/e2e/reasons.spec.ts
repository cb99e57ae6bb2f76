/**
 * Citizens' reasons and possible levies as an admin meets them: the overview counts each reason
 * in words as the API does, the comments filter by reason and possible levy, and the printed SKM
 * report carries the "Kemungkinan pungutan liar" section. At both sizes; the demo seeds reasons.
 */
import { expect, type Page, test } from "@playwright/test";
import { REASONS } from "../../core/questionnaire.ts";
import type { Reasons } from "../../core/reason-responses.ts";
import { ADMIN, AGENCY, adminApi, expectAccessible, pdfPages, screenshot } from "./helpers.ts";

const number = (n: number) => new Intl.NumberFormat("id-ID").format(n);

async function signIn(page: Page) {
  await page.goto("/dashboard/");
  await page.getByLabel("NIP atau e-mail").fill(ADMIN.email);
  await page.getByLabel("Kata sandi").fill(ADMIN.password);
  await page.getByRole("button", { name: "Masuk" }).click();
}

test("the overview counts each reason as the API does, and lists the possible levies", async ({ page, request }) => {
  await signIn(page);
  await expect(page.getByRole("heading", { name: /^IKM / })).toBeVisible();
  const period = new URL(page.url()).searchParams.get("period");
  const api = await adminApi(request);
  const reasons: Reasons = await api.json(`/agencies/${AGENCY}/report/reasons${period ? `?period=${period}` : ""}`);
  // The demo's low faces give reasons and a few possible levies: a test with nothing to compare proves nothing.
  expect(reasons.total.ratings).toBeGreaterThan(0);
  expect(reasons.total.levies).toBeGreaterThan(0);

  const section = page.getByRole("region", { name: "Alasan penilaian rendah" });
  await expect(section.getByText(`${number(reasons.total.ratings)} penilaian memberi alasan.`)).toBeVisible();
  const overall = section.getByRole("table").first();
  for (const reason of REASONS) {
    const row = overall.getByRole("row", { name: reason.label.id, exact: false });
    await expect(row.getByRole("cell")).toHaveText(number(reasons.total.counts[reason.code]));
  }
  // By officer: each officer's row, and the levy column, as the API counts them.
  await expect(section.getByRole("heading", { name: "Alasan per petugas" })).toBeVisible();
  for (const officer of reasons.byOfficer) {
    const row = section.getByRole("row", {
      name: new RegExp(`^${officer.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`),
    });
    await expect(row.getByRole("cell").last()).toHaveText(number(officer.levies));
  }
  // No code shows where words belong.
  expect(await section.innerText()).not.toMatch(/belum-selesai|lainnya\b|[a-z]_[a-z]/);

  const levies = page.getByRole("region", { name: "Kemungkinan pungutan liar" });
  await expect(levies.getByText(`${number(reasons.total.levies)} penilaian pada periode ini.`)).toBeVisible();
  await expect(levies.getByRole("columnheader", { name: "Waktu (WIB)" })).toBeVisible();
  await expect(levies.getByRole("row")).toHaveCount(reasons.levies.length + 1);
  const commented = reasons.levies.find((l) => l.comment);
  if (commented?.comment) await expect(levies.getByText(commented.comment).first()).toBeVisible();
  await expect(levies.getByText("Diminta biaya").first()).toBeVisible();
  await expectAccessible(page);
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, "reasons-overview");
  await levies.scrollIntoViewIfNeeded();
  await screenshot(page, "reasons-levies");

  // In English, the same counts under English words.
  await page.getByRole("button", { name: "Switch to English" }).click();
  const english = page.getByRole("region", { name: "Reasons for low ratings" });
  const wait = english.getByRole("table").first().getByRole("row", { name: "The wait was too long" });
  await expect(wait.getByRole("cell")).toHaveText(new Intl.NumberFormat("en-GB").format(reasons.total.counts.antrian));
  await expect(
    page.getByRole("region", { name: "Possible illegal levies" }).getByText("I was asked to pay").first(),
  ).toBeVisible();
  await expectAccessible(page);
});

test("the comments filter by a reason and by possible levy", async ({ page, request }) => {
  await signIn(page);
  await page.getByRole("link", { name: "Komentar", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Komentar warga" })).toBeVisible();
  await page
    .getByRole("combobox", { name: "Alasan", exact: true })
    .selectOption({ label: "Kemungkinan pungutan liar" });
  await expect(page).toHaveURL(/reason=possible-levy/);
  const period = new URL(page.url()).searchParams.get("period");
  const api = await adminApi(request);
  const { comments } = await api.json(
    `/agencies/${AGENCY}/comments?reason=possible-levy${period ? `&period=${period}` : ""}`,
  );
  expect(comments.length).toBeGreaterThan(0);
  const items = page.locator("ul.comments > li");
  await expect(items).toHaveCount(comments.length);
  await expect(items.filter({ hasText: "Kemungkinan pungutan liar" })).toHaveCount(comments.length);
  await expect(page.getByText(comments[0].comment).first()).toBeVisible();
  await expectAccessible(page);
  await items.first().scrollIntoViewIfNeeded();
  await screenshot(page, "reasons-comments-levy");

  await page.getByRole("combobox", { name: "Alasan", exact: true }).selectOption({ label: "Antrean terlalu lama" });
  await expect(page).toHaveURL(/reason=antrian/);
  const queued = await api.json(`/agencies/${AGENCY}/comments?reason=antrian${period ? `&period=${period}` : ""}`);
  expect(queued.comments.length).toBeGreaterThan(0);
  await expect(items).toHaveCount(queued.comments.length);
  await expect(items.filter({ hasText: /Alasan: (.*, )?Antrean terlalu lama/ })).toHaveCount(queued.comments.length);
});

test("the printed SKM report carries the reasons and the possible levies", async ({ page, request }) => {
  await signIn(page);
  await page.getByRole("link", { name: "Laporan SKM" }).click();
  await expect(page.getByRole("heading", { name: "Laporan Survei Kepuasan Masyarakat" })).toBeVisible();
  const levies = page.getByRole("region", { name: "Kemungkinan pungutan liar" });
  await expect(levies.getByRole("table")).toBeVisible();
  const period = new URL(page.url()).searchParams.get("period");
  const reasons: Reasons = await (await adminApi(request)).json(
    `/agencies/${AGENCY}/report/reasons${period ? `?period=${period}` : ""}`,
  );
  await expectAccessible(page);
  await levies.scrollIntoViewIfNeeded();
  await screenshot(page, "reasons-report");
  const printed = (await pdfPages(await page.pdf({ format: "A4" }))).join(" ").replace(/\s+/g, " ");
  expect(printed).toContain("Alasan penilaian rendah");
  expect(printed).toContain("Kemungkinan pungutan liar");
  expect(printed).toContain(`${number(reasons.total.levies)} penilaian pada periode ini.`);
  expect(printed).toContain("Diminta biaya");
});
