/**
 * The follow-up plan (RTL) on the SKM report, as an agency admin writes it and a supervisor reads it:
 * a plan for a priority element of this semester, set to done with a note, printed in the
 * regulation's layout with the previous semester's plan and how far it got.
 */
import { expect, test } from "@playwright/test";
import { ADMIN, AGENCY, expectAccessible, pdfPages, screenshot, signInAt } from "./helpers.ts";

const squeezed = (text: string) => text.replace(/\s+/g, "");

/** This semester and the one before, as the demo's clock has them. */
function semesters() {
  const now = new Date();
  const y = now.getFullYear();
  return now.getMonth() < 6
    ? { current: `${y}-S1`, previous: `${y - 1}-S2`, previousWords: `Semester II ${y - 1}` }
    : { current: `${y}-S2`, previous: `${y}-S1`, previousWords: `Semester I ${y}` };
}

test("an admin writes a plan for a priority element, sets it to done, and the printed report carries it", async ({
  page,
}, testInfo) => {
  const { current, previousWords } = semesters();
  // Both sizes write to one demo database: each its own words.
  const action = `Menambah loket layanan pada jam sibuk (${testInfo.project.name})`;
  await signInAt(page, ADMIN.email, `/dashboard/a/${AGENCY}/report?period=${current}`);
  const plan = page.getByRole("region", { name: "Rencana tindak lanjut" });
  await expect(plan.getByRole("heading", { name: "Unsur prioritas" })).toBeVisible();
  const add = plan.getByRole("button", { name: /^Tulis rencana untuk U\d\. / }).first();
  const element = (await add.getAttribute("aria-label"))!.replace("Tulis rencana untuk ", "");
  await add.click();
  const form = page.getByRole("form", { name: `Rencana untuk ${element}` });
  await expect(form.getByRole("heading", { name: `Rencana untuk ${element}` })).toBeFocused();
  // Saving without a program says what is missing, beside the field, and sends nothing.
  await form.getByRole("button", { name: "Simpan rencana" }).click();
  await expect(form.getByText("Wajib diisi.").first()).toBeVisible();
  await form.getByLabel("Program / kegiatan").fill(action);
  await form.getByLabel("Jenis waktu").selectOption("month");
  await form.getByLabel("Waktu", { exact: true }).selectOption({ label: "Februari 2027" });
  await form.getByLabel("Penanggung jawab").fill("Kepala Seksi Identitas Penduduk");
  await expectAccessible(page);
  await screenshot(page, "follow-ups-form");
  await form.getByRole("button", { name: "Simpan rencana" }).click();
  await expect(plan.getByRole("status").filter({ hasText: `Rencana untuk ${element} disimpan.` })).toBeVisible();
  const row = plan.getByRole("row", { name: new RegExp(action.replace(/[()]/g, "\\$&")) });
  await expect(row).toContainText("Februari 2027");
  await expect(row).toContainText("Direncanakan");

  await row.getByRole("button", { name: /^Ubah rencana \d+: / }).click();
  const edit = page.getByRole("form", { name: `Rencana untuk ${element}` });
  await edit.getByLabel("Status").selectOption({ label: "Selesai" });
  await edit.getByLabel("Catatan").fill("Loket tambahan dibuka setiap pagi.");
  await edit.getByRole("button", { name: "Simpan perubahan" }).click();
  await expect(plan.getByRole("status").filter({ hasText: `Perubahan untuk ${element} disimpan.` })).toBeVisible();
  await expect(row).toContainText("Selesai · Loket tambahan dibuka setiap pagi.");
  // A row that is done can no longer be deleted, only noted.
  await expect(row.getByRole("button", { name: /^Hapus rencana/ })).toHaveCount(0);
  // The demo's previous semester had its plan: it is stated with how far it got.
  await expect(plan.getByRole("heading", { name: `Tindak lanjut rencana ${previousWords}` })).toBeVisible();
  await expect(plan.getByText(/^\d dari \d rencana selesai\.$/)).toBeVisible();
  await expectAccessible(page);
  await plan.scrollIntoViewIfNeeded();
  await screenshot(page, "follow-ups-plan");

  // As paper shows it (no forms, no buttons), to look at.
  await page.emulateMedia({ media: "print" });
  await plan.getByRole("heading", { name: /^Rencana tindak lanjut Semester/ }).scrollIntoViewIfNeeded();
  await screenshot(page, "follow-ups-print");
  await page.emulateMedia({ media: null });
  // pdf.js splits ligatures ("O ffi cer"): compare with every space removed.
  const printed = squeezed((await pdfPages(await page.pdf({ format: "A4" }))).join(""));
  for (const words of [
    "Rencana tindak lanjut",
    "No",
    "Prioritas unsur",
    "Program / kegiatan",
    "Waktu",
    "Penanggung jawab",
    element,
    action,
    "Februari 2027",
    "Kepala Seksi Identitas Penduduk",
    "Selesai",
    `Tindak lanjut rencana ${previousWords}`,
  ])
    expect(printed, words).toContain(squeezed(words));
  // The forms and buttons stay on the screen.
  expect(printed).not.toContain(squeezed("Simpan rencana"));
  expect(printed).not.toContain(squeezed("Tulis rencana"));

  // Each change is in the audit log, in words: old → new, never a code.
  await page.goto(`/dashboard/a/${AGENCY}/manage/audit?action=follow_up`);
  const changed = page.getByRole("row", { name: /Rencana tindak lanjut diubah/ }).first();
  await expect(changed).toContainText(`Semester`);
  await expect(changed).toContainText("status: Direncanakan → Selesai");
  await expect(
    page.getByRole("row", { name: new RegExp(`Rencana tindak lanjut ditulis.*\\(${testInfo.project.name}\\)`) }),
  ).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "follow-ups-audit");
});

test("a supervisor reads the plan without forms", async ({ page }) => {
  const { current } = semesters();
  await signInAt(page, "supervisor@demo.suara.id", `/dashboard/a/${AGENCY}/report?period=${current}`);
  const plan = page.getByRole("region", { name: "Rencana tindak lanjut" });
  await expect(plan.getByText("Hanya admin instansi yang dapat menulis rencana tindak lanjut.")).toBeVisible();
  await expect(plan.getByRole("heading", { name: "Unsur prioritas" })).toBeVisible();
  await expect(plan.getByRole("button")).toHaveCount(0);
  await expectAccessible(page);
  await plan.getByRole("heading", { name: "Unsur prioritas" }).scrollIntoViewIfNeeded();
  await screenshot(page, "follow-ups-reader");
});
