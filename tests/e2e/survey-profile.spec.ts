/**
 * The embed's survey (the QR and poster pages use it too) asks the kiosk's
 * profile, age included, and refuses an impossible age in words instead of
 * dropping it: a host page on a registered origin, what it sends read off the wire.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { E2E_PORT } from "../../playwright.config.ts";
import { AGENCY, adminApi } from "./helpers.ts";
import { refuseAgeThenCorrect } from "./profile-age.ts";

const SUARA = `http://127.0.0.1:${E2E_PORT}`;
let server: Server;
/** The host page's origin, on a port the system gave (runs sharing the machine never collide). */
let host = "";
test.beforeAll(async ({ request }) => {
  server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Dinas contoh</title>
<script type="module" src="${SUARA}/widget/suara.js"></script></head>
<body><main><h1>Layanan kami</h1><suara-rating agency="${AGENCY}" service="ktp-el" mode="skm"></suara-rating></main></body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The agency registers the page, as its admin would under Kelola → Widget.
  const { headers } = await adminApi(request);
  const path = `/api/v1/agencies/${AGENCY}/origins`;
  const { origins } = await (await request.get(path, { headers })).json();
  expect((await request.put(path, { data: { origins: [...origins, host] }, headers })).ok()).toBe(true);
});

test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

test("the embed's profile asks the age and refuses 150 in words, then sends the corrected one", async ({ page }) => {
  const sent: { respondent?: Record<string, unknown> }[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith("/api/v1/ratings")) {
      sent.push(...(request.postDataJSON() as { ratings: { respondent?: Record<string, unknown> }[] }).ratings);
    }
  });
  await page.goto(`${host}/`);
  const widget = page.locator("suara-rating");
  await widget.getByRole("button", { name: "Puas", exact: true }).click();
  for (let n = 1; n <= 9; n++) {
    await expect(widget.getByText(`Pertanyaan ${n} dari 9`)).toBeVisible();
    await widget.getByRole("button", { name: "Lewati" }).click();
  }
  await expect(widget.getByRole("heading", { name: "Tentang Anda (opsional)" })).toBeFocused();
  // The kiosk's questions, in the kiosk's order.
  await expect(widget.getByRole("group")).toHaveText([/^Jenis kelamin/, /^Pendidikan terakhir/, /^Pekerjaan/]);
  await refuseAgeThenCorrect(page, widget, "Laki-laki", "widget-profile-age");
  await expect(widget.getByRole("status")).toHaveText("Terima kasih atas penilaian Anda.");
  await expect.poll(() => sent.at(-1)?.respondent).toEqual({ gender: "L", age: 45 });
  expect(sent.some((r) => r.respondent?.age === 150)).toBe(false);
});
