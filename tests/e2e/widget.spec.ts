/**
 * The embed as agencies use it: a host page on another local port (a registered
 * origin, and one that is not) loads /widget/suara.js from Suara's server. One
 * tap stores a rating; mode="skm" completes the same rating into one SKM
 * respondent; a rating made while Suara cannot be reached survives a reload and
 * is stored exactly once; the floating dialog works from the keyboard; a dark
 * host page with hostile button styles leaves the faces readable; axe passes.
 */
import { createServer, type Server } from "node:http";
import { expect, type Page, test } from "@playwright/test";
import { E2E_PORT } from "../../playwright.config.ts";
import { AGENCY, adminApi, expectAccessible } from "./helpers.ts";

const SUARA = `http://127.0.0.1:${E2E_PORT}`;
const HOSTS = { registered: 8807, unregistered: 8808 };
const registered = `http://127.0.0.1:${HOSTS.registered}`;
const unregistered = `http://127.0.0.1:${HOSTS.unregistered}`;

/** An agency's page: the embed with the attributes of the query; `dark=1` adds a hostile dark theme. */
function hostPage(url: URL): string {
  const attrs = ["service", "mode", "display", "locale"]
    .filter((a) => url.searchParams.has(a))
    .map((a) => ` ${a}="${url.searchParams.get(a)}"`)
    .join("");
  const dark = url.searchParams.get("dark")
    ? "<style>body{background:#111;color:#eee} button{background:red !important;color:red !important}</style>"
    : "";
  const script = url.searchParams.get("classic")
    ? `<script src="${SUARA}/widget/suara.iife.js"></script>`
    : `<script type="module" src="${SUARA}/widget/suara.js"></script>`;
  return `<!doctype html><html lang="${url.searchParams.get("lang") ?? "id"}"><head><meta charset="utf-8">
<title>Dinas contoh</title>${dark}${script}</head>
<body><main><h1>Layanan kami</h1><p>Halaman instansi.</p>
<suara-rating agency="${AGENCY}"${attrs.includes("service=") ? "" : ' service="ktp-el"'}${attrs}></suara-rating>
</main></body></html>`;
}

const servers: Server[] = [];
test.beforeAll(async ({ request }) => {
  for (const port of Object.values(HOSTS)) {
    const server = createServer((req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(hostPage(new URL(req.url ?? "/", `http://127.0.0.1:${port}`)));
    });
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    servers.push(server);
  }
  // The agency registers the first host, as its admin would under Kelola → Widget.
  const api = await adminApi(request);
  const { origins } = await api.json(`/agencies/${AGENCY}/origins`);
  if (!origins.includes(registered)) {
    const res = await request.put(`/api/v1/agencies/${AGENCY}/origins`, {
      data: { origins: [...origins, registered] },
      headers: api.headers,
    });
    expect(res.ok()).toBe(true);
  }
});

test.afterAll(async () => {
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
});

const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const widget = (page: Page) => page.locator("suara-rating");

test("@once one tap stores a rating for the agency and service; a comment completes it", async ({ page, request }) => {
  const api = await adminApi(request);
  const report = () => api.json(`/agencies/${AGENCY}/report?from=${today()}&to=${today()}`);
  const taps = async () =>
    (await report()).byService.find((s: { service: string }) => s.service === "ktp-el")?.quick.n ?? 0;
  const before = await taps();
  await page.goto(`${registered}/`);
  await widget(page).getByRole("button", { name: "Puas", exact: true }).click();
  await expect(widget(page).getByRole("status")).toHaveText("Terima kasih atas penilaian Anda.");
  await expect.poll(taps).toBe(before + 1);
  await expectAccessible(page);
  await widget(page).getByLabel("Saran atau komentar (opsional)").fill("Antrean rapi, terima kasih.");
  await widget(page).getByRole("button", { name: "Selesai" }).click();
  await expect(widget(page).getByRole("button", { name: "Nilai lagi" })).toBeVisible();
  await expect
    .poll(async () =>
      JSON.stringify(await api.json(`/agencies/${AGENCY}/comments?from=${today()}&to=${today()}`)).includes(
        "Antrean rapi",
      ),
    )
    .toBe(true);
  expect(await taps()).toBe(before + 1);
  // "Nilai lagi" is a new citizen at the same page.
  await widget(page).getByRole("button", { name: "Nilai lagi" }).click();
  await expect(widget(page).getByRole("button", { name: "Sangat puas" })).toBeVisible();
});

test("@once mode=skm: all 9 answered make one SKM respondent, raising each element's n by one", async ({
  page,
  request,
}) => {
  const api = await adminApi(request);
  const report = () => api.json(`/agencies/${AGENCY}/report?from=${today()}&to=${today()}`);
  const before = await report();
  await page.goto(`${registered}/?mode=skm&service=kartu-keluarga`);
  await widget(page).getByRole("button", { name: "Sangat puas" }).click();
  for (let n = 1; n <= 9; n++) {
    await expect(widget(page).getByText(`Pertanyaan ${n} dari 9`)).toBeVisible();
    await expect(widget(page).getByRole("progressbar", { includeHidden: true })).toHaveAttribute(
      "value",
      String(n - 1),
    );
    await widget(page).getByRole("group").getByRole("button").nth(3).click();
  }
  await expect(widget(page).getByRole("heading", { name: "Tentang Anda (opsional)" })).toBeFocused();
  await widget(page).getByRole("button", { name: "Perempuan" }).click();
  await widget(page).getByRole("button", { name: "Selesai" }).click();
  await expect(widget(page).getByRole("status")).toHaveText("Terima kasih atas penilaian Anda.");
  await expect.poll(async () => (await report()).respondents).toBe(before.respondents + 1);
  const after = await report();
  for (const [id, element] of Object.entries(after.elements) as [string, { n: number }][]) {
    expect(element.n, id).toBe(before.elements[id].n + 1);
  }
  // One citizen: the tap became the respondent, not a second rating.
  expect(after.taps).toBe(before.taps);
});

test("@once a tap before the survey's code arrived still opens the survey, and is sent at once", async ({ page }) => {
  // A slow connection: the follow-up and survey module comes a second after the faces.
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/widget\/steps-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  const sent = page.waitForRequest((r) => r.url().endsWith("/api/v1/ratings") && r.method() === "POST");
  await page.goto(`${registered}/?mode=skm&service=kartu-keluarga`);
  await widget(page).getByRole("button", { name: "Puas", exact: true }).click();
  await sent;
  await expect(widget(page).getByRole("status")).toHaveText("Memuat…");
  release();
  await expect(widget(page).getByText("Pertanyaan 1 dari 9")).toBeVisible();
});

test("an unregistered site shows the citizen a neutral message and the developer the fix", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(`${unregistered}/`);
  await expect(widget(page).getByRole("status")).toHaveText("Penilaian belum dapat diterima situs ini.");
  await expect(widget(page).getByRole("button", { name: "Puas", exact: true })).toHaveCount(0);
  expect(errors.filter((e) => e.startsWith("Suara"))).toEqual([
    expect.stringMatching(/not registered.*register this page's origin in Suara's dashboard/),
  ]);
  await expectAccessible(page);
});

test("@once a tap while Suara cannot be reached survives a reload and is stored exactly once", async ({
  page,
  context,
  request,
}) => {
  const api = await adminApi(request);
  const taps = async () =>
    (await api.json(`/agencies/${AGENCY}/report?from=${today()}&to=${today()}`)).byService.find(
      (s: { service: string }) => s.service === "pindah-datang",
    )?.quick.n ?? 0;
  const before = await taps();
  await page.goto(`${registered}/?service=pindah-datang`);
  await expect(widget(page).getByRole("button", { name: "Puas", exact: true })).toBeVisible();
  // Offline: the page and the embed are loaded; the tap cannot leave.
  await context.setOffline(true);
  await widget(page).getByRole("button", { name: "Kurang puas" }).click();
  await expect(widget(page).getByText("Tersimpan di perangkat ini")).toBeVisible();
  const kept = await page.evaluate(() => Object.keys(JSON.parse(localStorage.getItem("suara.outbox.v1") ?? "{}")));
  expect(kept).toHaveLength(1);
  // A reload while Suara's API still cannot be reached: the rating stays on the device.
  await page.route(`${SUARA}/api/v1/ratings`, (route) => route.abort());
  await context.setOffline(false);
  await page.reload();
  await expect(widget(page).getByRole("button", { name: "Puas", exact: true })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem("suara.outbox.v1"))).toContain(kept[0]);
  expect(await taps()).toBe(before);
  // Back online: sent once, and forgotten on the device.
  await page.unroute(`${SUARA}/api/v1/ratings`);
  await context.setOffline(true);
  await context.setOffline(false);
  await expect.poll(() => page.evaluate(() => localStorage.getItem("suara.outbox.v1"))).toBeNull();
  await page.reload();
  await expect(widget(page).getByRole("button", { name: "Puas", exact: true })).toBeVisible();
  await expect.poll(taps).toBe(before + 1);
});

test("@once floating: the keyboard opens the dialog, stays in it, and Escape returns to the button", async ({
  page,
}) => {
  await page.goto(`${registered}/?display=floating`);
  const launcher = widget(page).getByRole("button", { name: "Nilai layanan kami" });
  await expect(launcher).toBeVisible();
  await launcher.focus();
  await page.keyboard.press("Enter");
  const dialog = widget(page).getByRole("dialog", { name: "Nilai layanan kami" });
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  const inDialog = () =>
    page.evaluate(() => {
      const root = document.querySelector("suara-rating")!.shadowRoot!;
      return Boolean(root.activeElement?.closest("dialog"));
    });
  for (let i = 0; i < 7; i++) {
    await page.keyboard.press("Tab");
    expect(await inDialog()).toBe(true);
  }
  await page.keyboard.press("Shift+Tab");
  expect(await inDialog()).toBe(true);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(launcher).toBeFocused();
});

test("@once a dark host with hostile button styles changes nothing inside the widget; axe passes in every variant", async ({
  page,
}) => {
  const variants = ["", "?display=floating", "?dark=1", "?dark=1&display=floating"].flatMap((q) => [
    q,
    `${q ? `${q}&` : "?"}locale=en`,
  ]);
  for (const query of [...variants, "?lang=en"]) {
    await page.goto(`${registered}/${query}`);
    if (query.includes("floating")) await widget(page).getByRole("button").first().click();
    await expect(
      widget(page)
        .getByRole("button", { name: /Puas|Satisfied/ })
        .first(),
    ).toBeVisible();
    const face = widget(page).locator("[part=face]").first();
    expect(await face.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(255, 255, 255)");
    await expectAccessible(page);
  }
  // The host page's language is the widget's unless it says otherwise.
  await expect(widget(page).getByRole("button", { name: "Satisfied", exact: true })).toBeVisible();
});

test("@once the classic script works where modules cannot be loaded", async ({ page }) => {
  await page.goto(`${registered}/?classic=1&service=akta-kelahiran`);
  await widget(page).getByRole("button", { name: "Sangat puas" }).click();
  await expect(widget(page).getByRole("status")).toHaveText("Terima kasih atas penilaian Anda.");
  await expect(widget(page).getByRole("button", { name: "Isi survei lengkap" })).toBeVisible();
});

test("the IKM badge shows the published figure, its band and when, linked to the public page", async ({ page }) => {
  await page.goto("/widget/");
  const badge = page.locator("suara-ikm-badge").getByRole("group");
  await expect(badge).toContainText(/IKM Semester I{1,2} \d{4}/);
  await expect(badge).toContainText(/\d+,\d\d · [A-D]/);
  await expect(badge).toContainText(/Diterbitkan \d+ \w+ \d{4}/);
  await expect(badge.getByRole("link")).toHaveAttribute("href", /\/publik\/disdukcapil-tebingtinggi$/);
  await expectAccessible(page);
});
