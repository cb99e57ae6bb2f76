/**
 * <suara-ikm-badge agency period>: the agency's published IKM (a snapshot an admin
 * published, never live numbers) with its band, SKM respondents and when it was
 * published, linked to the agency's public results page; or, for a period not
 * published, that it is not; from the public endpoint. A plain custom element (no Lit), small enough
 * for a footer: /widget/badge.js is this module alone; the classic
 * /widget/suara.iife.js has it beside <suara-rating> (/widget/suara.js does not).
 */

import { periodWords } from "../core/period-words.ts";
import type { PublicIkm } from "../core/publication-contract.ts";
import { BANDS } from "../core/scoring.ts";
import { intlTag, localeOf } from "../core/words.ts";
import { sayBadge } from "./badge-words.ts";

/** Where this module was loaded from: Suara's API is there. */
const SCRIPT_ORIGIN = new URL(import.meta.url ?? (document.currentScript as HTMLScriptElement).src).origin;

/**
 * The agency's published satisfaction index.
 *
 * @attr agency - The agency's slug.
 * @attr period - `2026`, `2026-S2`, `2026-Q4` or `2026-11`; by default the most recent published period.
 * @attr locale - `id` or `en`; by default the host page's `lang`.
 * @attr api-base - Where Suara's API is; by default the server this script came from.
 * @csspart badge - The badge.
 * @cssprop --suara-surface - Its background (default #ffffff).
 * @cssprop --suara-text - Its text colour (default #1f2937).
 * @cssprop --suara-accent - Its border (default #0f766e).
 */
export class SuaraIkmBadge extends HTMLElement {
  static observedAttributes = ["agency", "period", "locale"];

  connectedCallback() {
    void this.load();
  }

  attributeChangedCallback() {
    if (this.isConnected) void this.load();
  }

  private async load() {
    const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    const agency = this.getAttribute("agency");
    if (!agency) return console.error('Suara <suara-ikm-badge>: needs agency="…" (the agency\'s slug).');
    const locale = localeOf(this.getAttribute("locale") || document.documentElement.lang);
    const period = this.getAttribute("period");
    const base = this.getAttribute("api-base") || SCRIPT_ORIGIN;
    let data: PublicIkm | null = null;
    try {
      const res = await fetch(
        `${base}/api/v1/public/agencies/${encodeURIComponent(agency)}/ikm${period ? `?period=${encodeURIComponent(period)}` : ""}`,
      );
      const body = await res.json();
      // Only a published snapshot is public: a period not (yet) published says so, as a badge.
      if (res.ok) data = body;
      else if (body?.error?.code !== "not_published") throw new Error(String(res.status));
    } catch (error) {
      console.error(`Suara <suara-ikm-badge>: the IKM of "${agency}" could not be loaded (${error}).`);
      return;
    }
    const number = (n: number, digits = 2) =>
      n.toLocaleString(intlTag(locale), {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
    const named = period ? ` ${periodWords(period, locale)}` : "";
    // A constructed stylesheet, not a <style> element: pages with a strict CSP (style-src 'self') allow it.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`:host{display:inline-block;font-family:var(--suara-font,inherit)}
      a{display:block;background:var(--suara-surface,#fff);color:var(--suara-text,#1f2937);border:2px solid var(--suara-accent,#0f766e);
        border-radius:var(--suara-radius,10px);padding:.4rem .8rem;font-size:14px;line-height:1.35;text-decoration:none}
      a:hover span:first-child{text-decoration:underline}strong{font-size:1.25rem}`);
    root.adoptedStyleSheets = [sheet];
    // The whole badge links to the agency's public results page: every published period, its RTL and method.
    const box = document.createElement("a");
    box.href = `${base}/publik/${encodeURIComponent(agency)}${locale === "en" ? "?lang=en" : ""}`;
    box.setAttribute("part", "badge");
    box.lang = locale;
    const group = document.createElement("div");
    group.setAttribute("role", "group");
    group.append(box);
    root.replaceChildren(group);
    const line = (text: string, tag = "span") => {
      const el = document.createElement(tag);
      el.textContent = text;
      box.append(el, document.createElement("br"));
    };
    if (!data?.ikm) {
      group.setAttribute("aria-label", `Suara: ${sayBadge(locale, "none", { period: named })}`);
      line(sayBadge(locale, "none", { period: named }));
      return;
    }
    const title = sayBadge(locale, "ikm", { period: periodWords(data.period.label, locale) });
    group.setAttribute("aria-label", `Suara: ${title}`);
    line(title);
    const words = BANDS.find((b) => b.mutu === data.ikm?.mutu)?.kinerja[locale];
    line(`${number(data.ikm.value)} · ${data.ikm.mutu} (${words})`, "strong");
    line(sayBadge(locale, "respondents", { n: number(data.respondents, 0) }));
    line(
      sayBadge(locale, "published", {
        at: new Date(data.publishedAt).toLocaleDateString(intlTag(locale), { dateStyle: "medium" }),
      }),
    );
  }
}

if (!customElements.get("suara-ikm-badge")) customElements.define("suara-ikm-badge", SuaraIkmBadge);

declare global {
  interface HTMLElementTagNameMap {
    "suara-ikm-badge": SuaraIkmBadge;
  }
}
