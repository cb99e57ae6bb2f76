/** The profile's age as a citizen gets it wrong, shared by the kiosk's and the embed's specs. */
import { expect, type Locator, type Page } from "@playwright/test";
import { expectAccessible, screenshot } from "./helpers.ts";

/**
 * On the profile step inside `scope`: types 150, leaves the field by choosing `gender`, and
 * expects the refusal in words, "Selesai" held back with the field focused and the typed
 * value kept; then types 45 and presses "Selesai". Screenshot `name`, axe on the refusal.
 */
export async function refuseAgeThenCorrect(page: Page, scope: Page | Locator, gender: string, name: string) {
  const age = scope.getByLabel("Usia (tahun)");
  await age.fill("150");
  await scope.getByRole("button", { name: gender, exact: true }).click();
  const problem = scope.getByRole("alert").filter({ hasText: "Usia" });
  await expect(problem).toHaveText("Usia harus antara 10 dan 120 tahun. Periksa lagi, atau kosongkan.");
  await scope.getByRole("button", { name: "Selesai" }).click();
  await expect(age).toBeFocused();
  await expect(age).toHaveValue("150");
  await expect(age).toHaveAttribute("aria-invalid", "true");
  await screenshot(page, name);
  await expectAccessible(page);
  await age.fill("45");
  await expect(problem).toHaveCount(0);
  await scope.getByRole("button", { name: "Selesai" }).click();
}
