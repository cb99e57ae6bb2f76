/**
 * The kiosk and the widget meet API errors in words, never as codes (issue 19 item 2); the
 * no-code guard of expectAccessible (helpers.ts) reads each screen, the widget's shadow root included.
 */
import { expect, test } from "@playwright/test";
import { uuidv7 } from "../../core/uuid7.ts";
import { E2E } from "../../playwright.config.ts";
import { AGENCY, expectAccessible, screenshot } from "./helpers.ts";

const OFFICER_NIP = "198803122010012004";

test("a ticket used elsewhere after its page opened: the tap says so in words", async ({ page, request }) => {
  const login = await request.post("/api/v1/auth/login", { data: { nip: OFFICER_NIP, password: E2E.password } });
  const headers = { authorization: `Bearer ${(await login.json()).token}` };
  const issued = await request.post("/api/v1/tickets", { data: { service: "akta-kelahiran" }, headers });
  const { url } = await issued.json();
  const path = new URL(url).pathname;
  await page.goto(path);
  await expect(page.getByRole("button", { name: "Sangat puas" })).toBeVisible();
  // Someone else rates with the same ticket first (a citizen's browser: no session): the API refuses the tap as ticket_used.
  const rating = {
    id: uuidv7(),
    agency: AGENCY,
    service: "akta-kelahiran",
    channel: "qr",
    overall: 4,
    createdAt: new Date().toISOString(),
    ticket: decodeURIComponent(path.split("/").pop()!),
  };
  const first = await page.evaluate(
    async (body) =>
      (
        await fetch("/api/v1/ratings", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        })
      ).json(),
    { ratings: [rating] },
  );
  expect(first).toMatchObject({ results: [{ status: "accepted" }] });
  await page.getByRole("button", { name: "Puas", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Tiket ini sudah dipakai untuk menilai.");
  await expectAccessible(page);
  await screenshot(page, "widget-ticket-used");
});

test("a wrong pairing code on the kiosk is said in words", async ({ page }) => {
  await page.goto("/kiosk/");
  await page.getByLabel("Kode pemasangan").fill("12345678");
  await page.getByRole("button", { name: "Pasangkan" }).click();
  await expect(page.getByRole("alert")).toHaveText(
    "Kode pemasangan salah, sudah dipakai, atau kedaluwarsa. Minta kode baru kepada admin.",
  );
  await expectAccessible(page);
  await screenshot(page, "kiosk-pairing-refused");
});
