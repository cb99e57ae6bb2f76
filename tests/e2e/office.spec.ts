/**
 * Suara as an office runs it: behind a real Caddy (deploy/Caddyfile itself, `tls internal`) under
 * the host name suara.test (mapped to this machine in playwright.config.ts), with SUARA_TRUST_PROXY
 * and SUARA_PUBLIC_URL. An admin pairs a tablet from the dashboard over HTTPS, the tablet keeps
 * working offline through a reload and its rating arrives when it is back; each citizen Caddy
 * forwards is limited on their own. Then what staff and admins are told when HTTPS is missing.
 *
 * Ports are E2E_PORT + 1…4 (Caddy's http and https, this spec's Suara), inside each run's range.
 * Caddy and Suara run in process groups of their own and are killed after the file's tests.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHash, X509Certificate } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { E2E, E2E_PORT } from "../../playwright.config.ts";
import { type SpawnedServer, startServer } from "../server.ts";
import { ADMIN, AGENCY, adminApi, expectAccessible, openStaffMenu, screenshot, tapAndDecline } from "./helpers.ts";

const CADDY_HTTP = E2E_PORT + 1;
const HTTPS = E2E_PORT + 2;
const SUARA = E2E_PORT + 3;
const HOST = `suara.test:${HTTPS}`;
const PUBLIC_URL = `https://${HOST}`;
/** Widget ratings one citizen may add an hour on this spec's server (kept small to reach the limit). */
const QUOTA = 2;

let caddy: ChildProcess | undefined;
let suara: SpawnedServer | undefined;
/** Caddy's root certificate (its `tls internal` CA), which the office's tablets would trust. */
let caddyRoot: Buffer;
/**
 * The SHA-256 of the public key of Caddy's intermediate CA, for Chromium's
 * --ignore-certificate-errors-spki-list: a page whose chain holds that key counts as trusted, so the
 * service worker registers (Playwright's ignoreHTTPSErrors lets pages load but Chromium still refuses
 * a service worker script behind a certificate error). The tablets' own way is to trust the root.
 */
let caddySpki: string;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  suara = await startServer(SUARA, {
    password: E2E.password,
    pin: E2E.pin,
    env: { SUARA_TRUST_PROXY: "127.0.0.1", SUARA_PUBLIC_URL: PUBLIC_URL, SUARA_WIDGET_QUOTA: String(QUOTA) },
  });
  const home = mkdtempSync(join(tmpdir(), "suara-caddy-"));
  caddy = spawn("caddy", ["run", "--config", "deploy/Caddyfile", "--adapter", "caddyfile"], {
    env: {
      ...process.env,
      // Its CA and certificates in a directory of its own, never the machine's.
      XDG_DATA_HOME: join(home, "data"),
      XDG_CONFIG_HOME: join(home, "config"),
      CADDY_ADMIN: "off",
      CADDY_HTTP_PORT: String(CADDY_HTTP),
      CADDY_HTTPS_PORT: String(HTTPS),
      SUARA_SITE: HOST,
      SUARA_UPSTREAM: `127.0.0.1:${SUARA}`,
    },
    stdio: "ignore",
    detached: true,
  });
  let missing: Error | undefined;
  caddy.once("error", (error) => (missing = error));
  const ca = join(home, "data", "caddy", "pki", "authorities", "local");
  for (let i = 0; i < 300; i++) {
    if (missing) throw new Error(`Caddy could not start (${missing.message}): apt-get install -y caddy`);
    try {
      caddyRoot = readFileSync(join(ca, "root.crt"));
      if ((await viaCaddy("/health")).status === 200) {
        const intermediate = new X509Certificate(readFileSync(join(ca, "intermediate.crt")));
        const der = intermediate.publicKey.export({ type: "spki", format: "der" });
        caddySpki = createHash("sha256").update(der).digest("base64");
        return;
      }
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("Caddy did not serve https://suara.test in 30 s");
});

test.afterAll(async () => {
  if (caddy?.pid) {
    const exited = new Promise((resolve) => caddy!.once("exit", resolve));
    try {
      process.kill(-caddy.pid, "SIGTERM");
      await exited;
    } catch {
      // Already gone.
    }
  }
  await suara?.stop();
});

/**
 * A request to https://suara.test through Caddy from this machine's address `from` (any of
 * 127.0.0.0/8: a citizen's phone of its own), trusting Caddy's CA as a tablet would.
 */
function viaCaddy(
  path: string,
  { method = "GET", headers = {}, body, from = "127.0.0.1" }: ViaCaddy = {},
): Promise<{ status: number; json: () => unknown }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      {
        host: "127.0.0.1",
        port: HTTPS,
        servername: "suara.test",
        localAddress: from,
        ca: caddyRoot,
        method,
        path,
        headers: { host: HOST, ...(body ? { "content-type": "application/json" } : {}), ...headers },
      },
      (res) => {
        let text = "";
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, json: () => JSON.parse(text) }));
      },
    );
    req.on("error", reject);
    req.end(body ? JSON.stringify(body) : undefined);
  });
}

interface ViaCaddy {
  method?: string;
  headers?: Record<string, string>;
  body?: unknown;
  from?: string;
}

/** A browser context at https://suara.test, in a browser that trusts Caddy's CA as the office's tablets do. */
const office = (browser: Browser, viewport = { width: 1280, height: 800 }) =>
  browser.newContext({ baseURL: PUBLIC_URL, viewport, locale: "id-ID" });

async function signIn(page: Page) {
  await page.goto("/dashboard/");
  await page.getByLabel("NIP atau e-mail").fill(ADMIN.email);
  await page.getByLabel("Kata sandi").fill(ADMIN.password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.getByRole("button", { name: /Keluar/ })).toBeVisible();
}

/** Adds a tablet for the first counter on the tablets page; returns the pairing card. */
async function addTablet(page: Page, name: string) {
  await page.goto(`/dashboard/a/${AGENCY}/manage/tablets`);
  await page.getByLabel("Loket", { exact: true }).selectOption("loket-1");
  await page.getByLabel("Nama tablet").fill(name);
  await page.getByRole("button", { name: "Tambah tablet" }).click();
  const pairing = page.getByRole("region", { name: new RegExp(`Pasang ${name} di`) });
  await expect(pairing.getByRole("timer")).toBeVisible();
  return pairing;
}

test("@once behind Caddy over HTTPS a tablet paired from the dashboard works offline and its rating arrives", async ({
  playwright,
  launchOptions,
  request,
}) => {
  test.setTimeout(180_000);
  const args = [...(launchOptions.args ?? []), `--ignore-certificate-errors-spki-list=${caddySpki}`];
  const browser = await playwright.chromium.launch({ ...launchOptions, args });
  try {
    const page = await (await office(browser)).newPage();
    await signIn(page);
    const pairing = await addTablet(page, "Tablet Kantor");
    // The QR code and the link carry SUARA_PUBLIC_URL, never the address Caddy reached Suara at.
    await expect(pairing.getByRole("img", { name: /Kode QR pemasangan/ })).toBeVisible();
    const link = (await pairing.getByRole("link").getAttribute("href"))!;
    expect(link).toMatch(new RegExp(`^${PUBLIC_URL}/kiosk/\\?code=\\d{8}$`));
    await expect(pairing.getByText("bukan https://")).toHaveCount(0);
    await screenshot(page, "office-pairing");

    // The tablet opens the QR's link over HTTPS: a secure context, so it pairs and its service worker installs.
    const tablet = await office(browser);
    const kiosk = await tablet.newPage();
    await kiosk.goto(link);
    await expect(kiosk.getByRole("heading", { name: "Bagaimana pelayanan kami hari ini?" })).toBeVisible();
    await expect(pairing.getByRole("status")).toHaveText(/Tablet terpasang/, { timeout: 10_000 });
    expect(await kiosk.evaluate(() => window.isSecureContext)).toBe(true);
    await kiosk.evaluate(() => navigator.serviceWorker.ready.then(() => true));

    // Offline: the reload comes from the service worker, and a citizen's tap waits on the tablet.
    const since = Date.now();
    await tablet.setOffline(true);
    await kiosk.reload();
    await expect(kiosk.getByRole("heading", { name: "Bagaimana pelayanan kami hari ini?" })).toBeVisible();
    await tapAndDecline(kiosk, "Sangat puas");
    await expect(kiosk.getByText("1 penilaian menunggu dikirim")).toBeVisible();
    const menu = await openStaffMenu(kiosk);
    // A secure context: staff are told nothing about HTTPS.
    await expect(menu.getByText("tanpa HTTPS")).toHaveCount(0);
    await kiosk.keyboard.press("Escape");

    // Back online: the rating is sent, through Caddy, and stored once.
    await tablet.setOffline(false);
    await expect(kiosk.getByText("penilaian menunggu dikirim")).toHaveCount(0, { timeout: 60_000 });
    const api = await adminApi(request, suara!.url);
    const stored = await api.ratings("loket-1", since);
    expect(stored).toHaveLength(1);
  } finally {
    // Closes both contexts with it.
    await browser.close();
  }
});

test("@once Suara limits each citizen Caddy forwards on their own, and believes no one else's header", async () => {
  // SUARA_PUBLIC_URL's origin is registered for the demo agency (its widget demo page).
  const rate = (from: string, headers: Record<string, string> = {}) =>
    viaCaddy("/api/v1/ratings", {
      method: "POST",
      from,
      body: { ratings: [widgetTap()] },
      headers: { origin: PUBLIC_URL, ...headers },
    }).then((r) => r.status);

  // One citizen's phone: its hourly quota, then 429; writing its own X-Forwarded-For changes nothing
  // (Caddy replaces it, and Suara believes only Caddy's).
  for (let i = 0; i < QUOTA; i++) expect(await rate("127.0.0.2")).toBe(200);
  expect(await rate("127.0.0.2")).toBe(429);
  expect(await rate("127.0.0.2", { "x-forwarded-for": "10.9.9.9" })).toBe(429);
  // Another citizen through the same proxy is not held by the first.
  expect(await rate("127.0.0.3")).toBe(200);

  // Someone reaching Suara's port directly, not through Caddy (this machine's 127.0.0.1 is Caddy's
  // address, so from 127.0.0.4), writes a new X-Forwarded-For every time: it is not believed.
  const answers = [];
  for (let i = 0; i < QUOTA + 1; i++) answers.push(await directFrom("127.0.0.4", `10.8.0.${i + 1}`));
  expect(answers).toEqual([...Array(QUOTA).fill(200), 429]);
});

test("@once a kiosk opened over plain http at a network name tells staff, in both languages, that offline will not work", async ({
  browser,
}) => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    const context = await browser.newContext({ viewport, locale: "id-ID" });
    try {
      const page = await context.newPage();
      // Suara's own port under the host name: plain http at a name that is not this machine.
      const insecure = `http://suara.test:${SUARA}`;
      await page.goto(`${insecure}/kiosk/`);
      const alert = page.getByRole("alert");
      await expect(alert).toContainText("kiosk tidak dapat bekerja luring");
      await expect(alert).toContainText("the kiosk cannot work offline");
      await expect(alert.locator("p").first()).toHaveAttribute("lang", "id");
      await expectAccessible(page);
      await screenshot(page, "office-kiosk-insecure-pair");

      // A tablet that holds a pairing here (as one paired before the address changed): the citizen's
      // screen says nothing; the staff menu does. The server is kept away so the pairing stays.
      await page.route("**/api/v1/**", (route) =>
        route.fulfill({ status: 503, json: { error: { code: "unavailable", message: "down" } } }),
      );
      await page.evaluate((agency) => {
        const pairing = { token: "dev_x", agency, agencyName: "Kantor", counter: "loket-1", counterName: "Loket 1" };
        localStorage.setItem("suara.pairing", JSON.stringify(pairing));
      }, AGENCY);
      await page.reload();
      await expect(page.getByRole("heading", { name: "Bagaimana pelayanan kami hari ini?" })).toBeVisible();
      await expect(page.getByText("tanpa HTTPS")).toHaveCount(0);
      const menu = await openStaffMenu(page, "Kantor");
      const notice = menu.getByRole("status").filter({ hasText: "tanpa HTTPS" });
      await expect(notice).toContainText(`Kiosk ini dibuka tanpa HTTPS (${insecure})`);
      await expect(notice).toContainText("there is no service worker, so it does not work offline");
      await expectAccessible(page);
      await screenshot(page, "office-kiosk-insecure-staff");
    } finally {
      await context.close();
    }
  }
});

test("@once a dashboard opened at this machine's own address draws no pairing QR code and says what to do", async ({
  browser,
  baseURL,
}) => {
  // Playwright's own server: http://127.0.0.1, no SUARA_PUBLIC_URL, listening on loopback only.
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    const context = await browser.newContext({ baseURL, viewport, locale: "id-ID" });
    try {
      const page = await context.newPage();
      await signIn(page);
      const pairing = await addTablet(page, `Tablet Lokal ${viewport.width}`);
      await expect(pairing.getByRole("img", { name: /Kode QR/ })).toHaveCount(0);
      await expect(pairing.getByRole("link")).toHaveCount(0);
      const note = pairing.getByRole("note");
      await expect(note).toContainText(`dasbor ini dibuka di alamat komputer server sendiri (${baseURL})`);
      await expect(note).toContainText("setel SUARA_PUBLIC_URL");
      // The code is still there to type in.
      await expect(pairing.getByText(/Kode pemasangan: \d{4} \d{4}/)).toBeVisible();
      await expect(pairing.getByText("buka /kiosk/ di alamat https:// server")).toBeVisible();
      await expectAccessible(page);
      await note.scrollIntoViewIfNeeded();
      await screenshot(page, "office-pairing-loopback");
      // The counters' posters would send citizens' phones to this machine's loopback too: said before printing.
      await page.goto(`/dashboard/a/${AGENCY}/manage/posters`);
      await expect(page.getByRole("note").filter({ hasText: "ponsel warga tidak dapat membukanya" })).toContainText(
        `menunjuk ke ${baseURL}`,
      );
    } finally {
      await context.close();
    }
  }
});

/** A widget rating sent straight to Suara's port (not through Caddy) from `from`, with its own X-Forwarded-For. */
function directFrom(from: string, forwardedFor: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port: SUARA,
        localAddress: from,
        method: "POST",
        path: "/api/v1/ratings",
        headers: { origin: PUBLIC_URL, "content-type": "application/json", "x-forwarded-for": forwardedFor },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(JSON.stringify({ ratings: [widgetTap()] }));
  });
}

/** A citizen's face-only widget rating. */
const widgetTap = () => ({
  id: crypto.randomUUID(),
  agency: AGENCY,
  service: "ktp-el",
  channel: "widget",
  overall: 4,
  createdAt: new Date().toISOString(),
});
