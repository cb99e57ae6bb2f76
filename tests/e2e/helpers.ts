/** What the specs share: the admin's API calls, pairing, the staff gesture, screenshots. */
import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, expect, type Page } from "@playwright/test";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { E2E } from "../../playwright.config.ts";

export const AGENCY = "disdukcapil-tebingtinggi";
export const AGENCY_NAME = "Dinas Kependudukan dan Pencatatan Sipil Kota Tebing Tinggi";
export const ADMIN = { email: "admin@demo.suara.id", password: E2E.password };

/** An API client signed in as the demo agency's admin. */
export async function adminApi(request: APIRequestContext, base = "") {
  const login = await request.post(`${base}/api/v1/auth/login`, { data: ADMIN });
  expect(login.ok()).toBe(true);
  const headers = { authorization: `Bearer ${(await login.json()).token}` };
  const get = async (path: string) => {
    const res = await request.get(`${base}/api/v1${path}`, { headers });
    expect(res.ok(), `GET ${path}`).toBe(true);
    return res;
  };
  return {
    headers,
    get,
    json: async (path: string) => (await get(path)).json(),
    /** A new tablet for a counter: its single-use pairing code. */
    pairingCode: async (counter: string) => {
      const made = await request.post(`${base}/api/v1/agencies/${AGENCY}/devices`, {
        data: { counter, name: `Tablet ${counter}` },
        headers,
      });
      expect(made.ok()).toBe(true);
      return (await made.json()).pairingCode as string;
    },
    /** Sets how long a counter's thank-you stays (specs keep it short). */
    thanksSeconds: async (counter: string, seconds: number) => {
      const { counters } = await (await get(`/agencies/${AGENCY}/counters`)).json();
      const id = counters.find((c: { code: string }) => c.code === counter).id;
      const res = await request.patch(`${base}/api/v1/agencies/${AGENCY}/counters/${id}`, {
        data: { thanksSeconds: seconds },
        headers,
      });
      expect(res.ok()).toBe(true);
    },
    /** Every rating of a counter stored since `since` (ms), from the CSV export: its id and officer. */
    ratings: async (counter: string, since: number) => {
      const day = new Date(since).toISOString().slice(0, 10);
      const csv = await (await get(`/agencies/${AGENCY}/ratings.csv?from=${day}&to=2099-12-31&format=raw`)).text();
      const [head, ...rows] = csv.trim().split("\n");
      const columns = head.split(",");
      const cell = (cells: string[], name: string) => cells[columns.indexOf(name)];
      return rows
        .map((row) => row.split(","))
        .filter((cells) => cell(cells, "counter") === counter && Date.parse(cell(cells, "created_at")) >= since)
        .map((cells) => ({ id: cells[0], officer: cell(cells, "officer_name") }));
    },
  };
}

/** Signs in on the dashboard at `path` (the sign-in form is what it shows first) with the demo password. */
export async function signInAt(page: Page, identity: string, path: string) {
  await page.goto(path);
  await page.getByLabel("NIP atau e-mail").fill(identity);
  await page.getByLabel("Kata sandi").fill(E2E.password);
  await page.getByRole("button", { name: "Masuk" }).click();
}

/** Opens the kiosk with a pairing code and waits for its faces. */
export async function pairKiosk(page: Page, code: string, base = "") {
  await page.goto(`${base}/kiosk/?code=${code}`);
  await expect(page.getByRole("heading", { name: "Bagaimana pelayanan kami hari ini?" })).toBeVisible();
}

/** Holds the agency name for 2 s, as staff do, and waits for the staff menu. */
export async function openStaffMenu(page: Page, agencyName = AGENCY_NAME) {
  const name = page.getByText(agencyName, { exact: true });
  const box = (await name.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  await page.mouse.down();
  await page.waitForTimeout(2_200);
  await page.mouse.up();
  const menu = page.getByRole("dialog", { name: "Menu petugas" });
  await expect(menu).toBeVisible();
  return menu;
}

/** One face-only rating: tap, decline the survey, see the thank-you, back to the faces. */
export async function tapAndDecline(page: Page, face = "Puas") {
  await page.getByRole("button", { name: face, exact: true }).click();
  if (face === "Tidak puas" || face === "Kurang puas") await page.getByRole("button", { name: "Lewati" }).click();
  await page.getByRole("button", { name: "Tidak, terima kasih" }).click();
  await expect(page.getByRole("heading", { name: "Terima kasih!" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Bagaimana pelayanan kami hari ini?" })).toBeVisible({
    timeout: 15_000,
  });
}

/** axe's WCAG 2.1 A/AA rules: no serious or critical violation; and no code shown in Indonesian (below). */
export async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  await expectNoCodes(page);
}

// ---- no code on an Indonesian screen (issue 19: "no snake_case code on any screen reached in the specs") ----

/** A snake_case code (rate_limited, invalid_period) as a whole word. */
const CODE = /^[a-z]+(?:_[a-z0-9]+)+$/;

/**
 * The snake_case codes the page shows in its Indonesian text (its own or its shadow roots', screen-reader
 * text included), where a person reads words. Left out, on purpose: what is not rendered; `code`, `pre`,
 * `kbd` and `samp` elements (what an integrator types: an embed snippet, an API call); and addresses
 * (a word with "/", "@" or "=": a URL's path or query, an e-mail), which are copied, not read.
 */
export async function codesShown(page: Page): Promise<string[]> {
  const words = await page.evaluate(() => {
    const found: string[] = [];
    const langOf = (start: Element) => {
      for (let el: Element | null = start; el; el = el.parentElement ?? (el.getRootNode() as ShadowRoot).host ?? null) {
        if (el.getAttribute("lang")) return el.getAttribute("lang")!;
      }
      return "";
    };
    const read = (root: Document | ShadowRoot) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node instanceof Element) {
          if (node.shadowRoot) read(node.shadowRoot);
          continue;
        }
        const parent = node.parentElement;
        if (!parent || parent.closest("code, pre, kbd, samp, script, style, noscript, template")) continue;
        if (!parent.checkVisibility() || !langOf(parent).startsWith("id")) continue;
        found.push(...(node.textContent ?? "").split(/[\s,.;:()'"“”‘’!?·—–]+/));
      }
    };
    read(document);
    return found;
  });
  return [...new Set(words.filter((word) => CODE.test(word) && !/[/@=]/.test(word)))];
}

/** That the page shows no snake_case code in Indonesian (`codesShown`); the API's own docs are for developers. */
export async function expectNoCodes(page: Page) {
  if (new URL(page.url()).pathname.startsWith("/api/")) return;
  expect(await codesShown(page), `codes shown on ${page.url()}`).toEqual([]);
}

/** Saves a screenshot under test-results/screens/ to look at; a screen worth a picture shows no code either. */
export async function screenshot(page: Page, name: string) {
  await expectNoCodes(page);
  mkdirSync("test-results/screens", { recursive: true });
  const { width, height } = page.viewportSize()!;
  await page.screenshot({ path: `test-results/screens/${name}-${width}x${height}.png` });
}

/** The pages of a PDF, each page's text. */
export async function pdfPages(data: Buffer): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(data), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  return pages;
}
