/**
 * <suara-ikm-badge agency period>: the agency's published IKM with its band and
 * SKM respondents, or, while there is no IKM yet, the quick index labelled as
 * such; from the public endpoint. A plain custom element (no Lit), small enough
 * for a footer: /widget/badge.js is this module alone; the classic
 * /widget/suara.iife.js has it beside <suara-rating> (/widget/suara.js does not).
 */

import { periodWords } from "../core/period-words.ts";
import type { PublicIkm } from "../core/score-responses.ts";
import { BANDS } from "../core/scoring.ts";
import { intlTag, localeOf } from "../core/words.ts";
import { sayBadge } from "./badge-words.ts";

/** Where this module was loaded from: Suara's API is there. */
const SCRIPT_ORIGIN = new URL(import.meta.url ?? (document.currentScript as HTMLScriptElement).src).origin;

/**
 * The agency's published satisfaction index.
 *
 * @attr agency - The agency's slug.
 * @attr period - `2026`, `2026-S2`, `2026-Q4` or `2026-11`; the current semester by default.
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
    let data: PublicIkm;
    try {
      const res = await fetch(
        `${base}/api/v1/public/agencies/${encodeURIComponent(agency)}/ikm${period ? `?period=${encodeURIComponent(period)}` : ""}`,
      );
      if (!res.ok) throw new Error(String(res.status));
      data = await res.json();
    } catch (error) {
      console.error(`Suara <suara-ikm-badge>: the IKM of "${agency}" could not be loaded (${error}).`);
      return;
    }
    const number = (n: number, digits = 2) =>
      n.toLocaleString(intlTag(locale), {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
    const value = data.ikm?.value ?? data.quick.index;
    const band = data.ikm?.mutu ?? data.quick.band;
    const title = sayBadge(locale, data.ikm ? "ikm" : "quick", { period: periodWords(data.period.label, locale) });
    const count = data.ikm
      ? sayBadge(locale, "respondents", { n: number(data.respondents, 0) })
      : sayBadge(locale, "ratings", { n: number(data.quick.n, 0) });
    // A constructed stylesheet, not a <style> element: pages with a strict CSP (style-src 'self') allow it.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`:host{display:inline-block;font-family:var(--suara-font,inherit)}
      div{background:var(--suara-surface,#fff);color:var(--suara-text,#1f2937);border:2px solid var(--suara-accent,#0f766e);
        border-radius:var(--suara-radius,10px);padding:.4rem .8rem;font-size:14px;line-height:1.35}
      strong{font-size:1.25rem}`);
    root.adoptedStyleSheets = [sheet];
    const box = document.createElement("div");
    box.setAttribute("part", "badge");
    box.setAttribute("role", "group");
    box.lang = locale;
    root.replaceChildren(box);
    box.setAttribute("aria-label", `Suara: ${title}`);
    const line = (text: string, tag = "span") => {
      const el = document.createElement(tag);
      el.textContent = text;
      box.append(el, document.createElement("br"));
      return el;
    };
    line(title);
    const words = BANDS.find((b) => b.mutu === band)?.kinerja[locale];
    line(value === null ? "–" : `${number(value)}${band ? ` · ${band} (${words})` : ""}`, "strong");
    line(count);
  }
}

if (!customElements.get("suara-ikm-badge")) customElements.define("suara-ikm-badge", SuaraIkmBadge);

declare global {
  interface HTMLElementTagNameMap {
    "suara-ikm-badge": SuaraIkmBadge;
  }
}
