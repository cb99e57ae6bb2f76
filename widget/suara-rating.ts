/**
 * <suara-rating>: a citizen taps one of four faces and the rating is sent at
 * once; then they may say what fell short, leave a comment or take the full SKM
 * survey, which completes the same rating (one respondent, never two). Embedded
 * by agencies with one script tag; also the body of the hosted QR page.
 */
import { html, LitElement, nothing, type PropertyValues } from "lit";
import type { RatingInput } from "../core/contract.ts";
import { FACES } from "../core/faces.ts";
import type { Form, TicketInfo } from "../core/responses.ts";
import { uuidv7 } from "../core/uuid7.ts";
import { localeOf } from "../core/words.ts";
import { faceIcon } from "./faces.ts";
import { flush, type Outcome, send } from "./outbox.ts";
import { ratingStyles } from "./rating-styles.ts";
import { say } from "./words.ts";

type Phase = "loading" | "ready" | "more" | "survey" | "done" | "ended";

/** Where this module was loaded from: Suara's API is there (read while the script runs, for the IIFE build too). */
const SCRIPT_ORIGIN = new URL(import.meta.url ?? (document.currentScript as HTMLScriptElement).src).origin;

/** Refusals that mean the embed itself is wrong, and how to fix it, for the console. */
const FIXES: Record<string, string> = {
  origin_not_allowed: "register this page's origin in Suara's dashboard (Kelola → Widget)",
  unknown_agency: 'check the agency="…" slug',
  unknown_service: 'check the service="…" slug',
};

/** Sends kept ratings on load and whenever the browser comes back online (once per page). */
let flushing = false;
function flushOnline() {
  if (flushing) return;
  flushing = true;
  void flush();
  addEventListener("online", () => void flush());
}

/**
 * A four-face rating: one tap sends it; a follow-up and the full SKM survey complete it.
 *
 * @fires suara-submit - A rating was stored (or kept to send when back online); `detail` is `{ id, overall }`.
 * @fires suara-error - The rating was refused; `detail` is `{ code, message }`.
 * @csspart face - Each face button.
 * @csspart send - The buttons that finish (Selesai, Nilai lagi).
 * @csspart launcher - The floating button that opens the dialog (`display="floating"`).
 * @csspart dialog - The floating dialog.
 * @cssprop --suara-surface - Background the widget draws itself on (default #ffffff).
 * @cssprop --suara-text - Its text colour (default #1f2937).
 * @cssprop --suara-accent - Buttons, the chosen state and focus rings (default #0f766e).
 * @cssprop --suara-radius - Corner radius (default 12px).
 * @cssprop --suara-font - Font family (default: the page's).
 */
export class SuaraRating extends LitElement {
  // Declared here rather than by decorators: the decorators' runtime costs the first paint half a kilobyte.
  static properties = {
    agency: {},
    service: {},
    ticket: {},
    ticketFromPath: { type: Boolean, attribute: "ticket-from-path" },
    locale: {},
    mode: {},
    display: {},
    preview: { type: Boolean },
    apiBase: { attribute: "api-base" },
    ...Object.fromEntries(
      ["phase", "face", "note", "reasons", "info", "form", "step", "answers", "respondent", "steps"].map((k) => [
        k,
        { state: true },
      ]),
    ),
  };

  static styles = ratingStyles;

  /** The agency's slug, e.g. `disdukcapil-tebingtinggi` (not needed with a ticket). */
  agency = "";
  /** The service's slug, e.g. `ktp-el` (not needed with a ticket). */
  service = "";
  /** A rating ticket: the rating goes to the ticket's service and officer. */
  ticket = "";
  /**
   * Read the ticket from the page's path, `/r/<ticket>` (the hosted QR page), or
   * the agency and service from its query, `/r/?agency=…&service=…` (a counter's poster).
   */
  ticketFromPath = false;
  /** `id` or `en`; by default the host page's `lang`. */
  locale = "";
  /** `quick` (default): one tap, then an optional follow-up. `skm`: the tap, then the 9 SKM questions. */
  mode: "quick" | "skm" = "quick";
  /** `inline` (default) or `floating`: a button in the corner that opens the widget in a dialog. */
  display: "inline" | "floating" = "inline";
  /** A preview (the dashboard's): it works as on a site but sends nothing. */
  preview = false;
  /** Where Suara's API is; defaults to the server this script was loaded from. */
  apiBase = SCRIPT_ORIGIN;

  private phase: Phase = "loading";
  /** @internal */
  face = 0;
  private note = "";
  /** @internal */
  reasons: string[] = [];
  private info: TicketInfo | null = null;
  /** @internal */
  form: Form | null = null;
  /** @internal */
  step = 0;
  /** @internal */
  answers: NonNullable<RatingInput["answers"]> = {};
  /** @internal */
  respondent: NonNullable<RatingInput["respondent"]> = {};
  /** The follow-up and survey, loaded just after the first paint. */
  /** @internal */
  steps: typeof import("./steps.ts") | null = null;
  /** Settles once the steps are loaded, or could not be. */
  private stepsLoaded: Promise<void> = Promise.resolve();

  /** The rating being made: sent at the tap, completed later; null when nothing is pending. */
  private rating: RatingInput | null = null;
  /** Whether what the citizen added since the tap is still to be sent. */
  /** @internal */
  pending = false;
  /** Lit's template tag, for the steps (so Lit is in the first-paint file only). @internal */
  lit = { html, nothing } as const;
  /** The comment and the hidden field bots fill, as typed. */
  /** @internal */
  text = { comment: "", website: "" };
  /** The page is going away (or hidden, which on phones may be the last chance): send what was added. */
  private readonly leave = (event: Event) => {
    if (event.type === "pagehide" || document.visibilityState === "hidden") this.complete(true);
  };

  connectedCallback() {
    super.connectedCallback();
    if (this.ticketFromPath) {
      this.ticket = decodeURIComponent(location.pathname.split("/").pop() ?? "");
      const query = new URLSearchParams(location.search);
      this.agency ||= query.get("agency") ?? "";
      this.service ||= query.get("service") ?? "";
    }
    addEventListener("pagehide", this.leave);
    document.addEventListener("visibilitychange", this.leave);
    if (!this.preview) flushOnline();
    void this.check();
    // Fetched now, while online, so the follow-up works even if the connection drops before the tap.
    this.stepsLoaded = import("./steps.ts").then(
      (steps) => {
        this.steps = steps;
        (this.renderRoot as ShadowRoot).adoptedStyleSheets.push(steps.styles());
      },
      () => undefined,
    );
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    removeEventListener("pagehide", this.leave);
    document.removeEventListener("visibilitychange", this.leave);
    this.complete(true);
  }

  /** @internal */
  get language() {
    return localeOf(this.locale || document.documentElement.lang);
  }

  /** A first-paint word in the element's language. */
  private t(key: Parameters<typeof say>[1]) {
    return say(this.language, key);
  }

  /** Checks the embed once, when it connects: the ticket, the agency, the service, this page's origin. */
  private async check() {
    try {
      if (this.ticket) {
        const res = await fetch(`${this.apiBase}/api/v1/tickets/${encodeURIComponent(this.ticket)}`);
        if (res.status === 404) return this.end(this.t("ticket_unknown"));
        this.info = (await res.json()) as TicketInfo;
        if (this.info.status !== "open") return this.end(this.t(`ticket_${this.info.status}`));
        this.agency = this.info.agency.slug;
        this.service = this.info.service.slug;
      }
      if (!this.agency || !this.service)
        return this.refuse("unknown_agency", "agency and service attributes are required");
      const res = await fetch(`${this.apiBase}/api/v1/agencies/${encodeURIComponent(this.agency)}/form`);
      if (res.status === 404) return this.refuse("unknown_agency", `no agency "${this.agency}"`);
      this.form = (await res.json()) as Form;
      if (!this.form.services.some((s) => s.slug === this.service)) {
        return this.refuse("unknown_service", `agency "${this.agency}" has no service "${this.service}"`);
      }
      if (this.form.originAllowed === false && !this.ticket && !this.preview) {
        return this.refuse("origin_not_allowed", `${location.origin} is not registered for "${this.agency}"`);
      }
    } catch {
      // Offline: the faces still work; the rating waits on this device.
    }
    this.phase = "ready";
  }

  /** Ends the widget with a message instead of the faces (a used ticket, a refused embed): nothing more to rate. */
  private end(message: string) {
    this.phase = "ended";
    this.note = message;
  }

  /** A refusal of the embed: one console error naming the fix, and a neutral word for the citizen. */
  private refuse(code: string, message: string) {
    console.error(`Suara <suara-rating>: ${message}; ${FIXES[code] ?? "see the widget's documentation"}.`);
    this.dispatchEvent(new CustomEvent("suara-error", { detail: { code, message }, bubbles: true, composed: true }));
    this.end(this.t("refused"));
  }

  /** Acts on the API's answer to a send; false when the rating was refused. */
  private heard(outcome: Outcome | null): boolean {
    if (outcome === null) {
      this.note = this.t("kept");
      return true;
    }
    if (outcome.status !== "rejected" && outcome.status !== "refused") return true;
    const code = outcome.error?.code ?? "rejected";
    // The steps (loaded before any answer is heard) word the code; without them, the neutral refusal.
    const word = this.steps?.refusal(code) ?? "refused";
    if (word === "refused") this.refuse(code, outcome.error?.message ?? code);
    else this.end(this.t(word));
    return false;
  }

  /** One tap: the rating is sent at once, then the follow-up (or the survey) opens. */
  private async tap(face: number) {
    this.face = face;
    this.note = "";
    this.rating = {
      id: uuidv7(),
      agency: this.agency,
      service: this.service,
      channel: this.ticket ? "qr" : "widget",
      overall: face,
      locale: this.language,
      createdAt: new Date().toISOString(),
      ...(this.ticket ? { ticket: this.ticket } : {}),
    };
    const first = this.rating;
    const sent = this.preview ? null : send(this.apiBase, first);
    // A tap before the steps arrived waits for them (a moment, online); without them (offline) the tap is the rating.
    if (!this.steps) {
      this.phase = "loading";
      await this.stepsLoaded;
    }
    this.phase = !this.steps ? "done" : this.mode === "skm" ? "survey" : "more";
    this.step = 0;
    if (!sent || !this.heard(await sent)) return;
    this.dispatchEvent(
      new CustomEvent("suara-submit", { detail: { id: first.id, overall: face }, bubbles: true, composed: true }),
    );
  }

  /** Sends what the citizen added since the tap, once; `leaving`: the page is going away. */
  private complete(leaving = false) {
    const rating = this.rating;
    if (!rating || !this.pending || this.preview) return;
    this.pending = false;
    const comment = this.text.comment.trim();
    const honeypot = this.text.website;
    const full: RatingInput = {
      ...rating,
      ...(Object.keys(this.answers).length ? { answers: this.answers } : {}),
      ...(this.reasons.length ? { reasons: this.reasons } : {}),
      ...(comment ? { comment } : {}),
      ...(Object.keys(this.respondent).length ? { respondent: this.respondent } : {}),
      ...(honeypot ? { honeypot } : {}),
    };
    void send(this.apiBase, full, leaving).then((outcome) => leaving || this.heard(outcome));
  }

  /** @internal */
  typed(event: InputEvent) {
    const field = event.target as HTMLTextAreaElement | HTMLInputElement;
    this.text = { ...this.text, [field.name]: field.value };
    this.pending = true;
  }

  /** @internal */
  finish() {
    this.complete();
    this.phase = "done";
  }

  /** @internal */
  openSurvey() {
    this.step = 0;
    this.phase = "survey";
  }

  /** A new rating from the faces: a citizen after the last one. */
  private again() {
    Object.assign(this, { rating: null, face: 0, reasons: [], answers: {}, respondent: {}, note: "", phase: "ready" });
    this.text = { comment: "", website: "" };
  }

  protected updated(changed: PropertyValues) {
    // Focus follows the step, so a keyboard or screen-reader user is never left behind.
    if (changed.has("phase") || changed.has("step")) {
      (this.renderRoot.querySelector("[data-focus]") as HTMLElement | null)?.focus();
    }
  }

  /** Opens the floating dialog. */
  private open() {
    this.renderRoot.querySelector("dialog")?.showModal();
  }

  /** Closes the floating dialog (its "Tutup" button; Escape closes it too). */
  private close() {
    this.renderRoot.querySelector("dialog")?.close();
  }

  /** Keeps Tab inside the open dialog. */
  private trap(event: KeyboardEvent) {
    if (event.key !== "Tab") return;
    const all = [...this.renderRoot.querySelectorAll<HTMLElement>("dialog button, dialog textarea")].filter(
      (el) => !el.hasAttribute("disabled") && el.offsetParent !== null,
    );
    const active = this.renderRoot instanceof ShadowRoot ? this.renderRoot.activeElement : null;
    const [first, last] = [all[0], all[all.length - 1]];
    if (event.shiftKey ? active === first : active === last) {
      event.preventDefault();
      (event.shiftKey ? last : first)?.focus();
    }
  }

  render() {
    const body = html`<div class="card" lang=${this.language}>${this.body()}</div>`;
    if (this.display !== "floating") return body;
    return html`
      <button part="launcher" type="button" aria-haspopup="dialog" @click=${this.open}>${this.t("rate")}</button>
      <dialog part="dialog" aria-label=${this.t("rate")} lang=${this.language} @keydown=${this.trap}
        @close=${() => this.renderRoot.querySelector<HTMLElement>("[part=launcher]")?.focus()}>
        <div class="top"><button type="button" @click=${this.close}>${this.t("close")}</button></div>
        ${this.body()}
      </dialog>
    `;
  }

  private body() {
    const lang = this.language;
    switch (this.phase) {
      case "loading":
        return html`<p role="status">${this.t("loading")}</p>`;
      case "ended":
        return html`<p role="status">${this.note}</p>`;
      case "done":
        return html`<p role="status" tabindex="-1" data-focus>${this.t("thanks")}</p>
          ${this.note ? html`<p>${this.note}</p>` : nothing}
          ${this.ticket ? nothing : html`<button part="send" type="button" @click=${this.again}>${this.t("again")}</button>`}`;
      case "survey":
        return this.steps!.surveyStep(this);
      case "more":
        return html`<p role="status" tabindex="-1" data-focus>${this.t("thanks")}</p>
          ${this.note ? html`<p>${this.note}</p>` : nothing}${this.steps!.followUp(this)}`;
      default:
        return html`
          <fieldset>
            <legend>${this.t("howWasService")}</legend>
            ${this.info ? html`<p>${this.info.agency.name} · ${this.info.service.name}${this.info.officer ? html` · ${this.t("servedBy")} ${this.info.officer.name}` : nothing}</p>` : nothing}
            <div class="faces">
              ${FACES.map(
                (label, i) => html`<button type="button" part="face" @click=${() => this.tap(i + 1)}>
                  ${faceIcon(i + 1)}<span class="label">${label[lang]}</span></button>`,
              )}
            </div>
          </fieldset>`;
    }
  }
}

if (!customElements.get("suara-rating")) customElements.define("suara-rating", SuaraRating);

declare global {
  interface HTMLElementTagNameMap {
    "suara-rating": SuaraRating;
  }
}
