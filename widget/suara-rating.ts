/**
 * <suara-rating>: a citizen taps one of four faces, may leave a comment, and
 * sends it to Suara. Embedded by agencies with one script tag; also the body of
 * the hosted QR page, where a ticket names the service and officer.
 */
import { css, html, LitElement, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { messages } from "../core/i18n.ts";
import { FACES } from "../core/questionnaire.ts";
import type { RatingsResult, TicketInfo } from "../core/responses.ts";
import { faceIcon } from "./faces.ts";

type Phase = "loading" | "ready" | "sending" | "done" | "error" | "closed";

/**
 * A four-face rating form.
 *
 * @fires suara-submit - After the rating was accepted; `detail` is `{ id, overall }`.
 * @csspart face - Each face button.
 * @csspart send - The send button.
 * @cssprop --suara-accent - Colour of the chosen face's ring and the send button (default #0f766e).
 * @cssprop --suara-face-fill - Fill of the faces (default #fde68a).
 */
@customElement("suara-rating")
export class SuaraRating extends LitElement {
  static styles = css`
    fieldset { border: 0; padding: 0; margin: 0; }
    :host { display: block; font: inherit; color: inherit; max-width: 32rem; }
    .faces { display: flex; gap: 0.5rem; justify-content: space-between; margin: 0.75rem 0; }
    button { font: inherit; cursor: pointer; }
    [part="face"] { flex: 1; display: grid; justify-items: center; gap: 0.25rem; padding: 0.5rem 0.25rem;
      border: 2px solid transparent; border-radius: 0.75rem; background: transparent; color: inherit; min-height: 44px; }
    [part="face"][aria-pressed="true"] { border-color: var(--suara-accent, #0f766e); background: rgb(15 118 110 / 0.08); }
    [part="face"]:focus-visible, [part="send"]:focus-visible, textarea:focus-visible { outline: 3px solid var(--suara-accent, #0f766e); outline-offset: 2px; }
    .label { font-size: 0.8rem; text-align: center; }
    textarea { box-sizing: border-box; width: 100%; min-height: 4rem; font: inherit; padding: 0.5rem; border-radius: 0.5rem; border: 1px solid #94a3b8; }
    [part="send"] { margin-top: 0.75rem; padding: 0.6rem 1.25rem; border: 0; border-radius: 0.5rem; background: var(--suara-accent, #0f766e); color: #fff; min-height: 44px; }
    [part="send"][disabled] { opacity: 0.6; cursor: default; }
    .hp { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
    .note { margin: 0.5rem 0 0; }
    .error { color: #b91c1c; }
  `;

  /** The agency's slug, e.g. `disdukcapil-tebingtinggi` (not needed with a ticket). */
  @property() agency = "";
  /** The service's slug, e.g. `ktp-el` (not needed with a ticket). */
  @property() service = "";
  /** A rating ticket: the rating goes to the ticket's service and officer. */
  @property() ticket = "";
  /**
   * Read the ticket from the page's path, `/r/<ticket>` (the hosted QR page), or
   * the agency and service from its query, `/r/?agency=…&service=…` (a counter's poster).
   */
  @property({ type: Boolean, attribute: "ticket-from-path" }) ticketFromPath = false;
  /** `id` (default) or `en`. */
  @property() locale = "id";
  /** A preview (the dashboard's): it works as on a site but sends nothing. */
  @property({ type: Boolean }) preview = false;
  /** Where Suara's API is; defaults to the server this script was loaded from. */
  @property({ attribute: "api-base" }) apiBase = new URL(import.meta.url).origin;

  @state() private phase: Phase = "ready";
  @state() private face = 0;
  @state() private info: TicketInfo | null = null;
  @state() private problem = "";

  connectedCallback() {
    super.connectedCallback();
    if (this.ticketFromPath) {
      this.ticket = decodeURIComponent(location.pathname.split("/").pop() ?? "");
      const query = new URLSearchParams(location.search);
      this.agency ||= query.get("agency") ?? "";
      this.service ||= query.get("service") ?? "";
    }
    if (this.ticket) void this.loadTicket();
    else if (!this.agency || !this.service) {
      console.error(
        '<suara-rating> needs agency="…" and service="…" attributes (slugs from your Suara admin), or a ticket.',
      );
      this.phase = "closed";
    }
  }

  private get t() {
    return messages(this.locale);
  }

  private async loadTicket() {
    this.phase = "loading";
    try {
      const res = await fetch(`${this.apiBase}/api/v1/tickets/${encodeURIComponent(this.ticket)}`);
      if (res.status === 404) return this.close(this.t.ticketUnknown);
      if (!res.ok) throw new Error(String(res.status));
      this.info = (await res.json()) as TicketInfo;
      if (this.info.status === "used") return this.close(this.t.ticketUsed);
      if (this.info.status === "expired") return this.close(this.t.ticketExpired);
      this.phase = "ready";
    } catch {
      this.phase = "error";
      this.problem = this.t.sendFailed;
    }
  }

  private close(message: string) {
    this.phase = "closed";
    this.problem = message;
  }

  private async send(event: Event) {
    event.preventDefault();
    if (!this.face) {
      this.problem = this.t.chooseFace;
      return;
    }
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const id = crypto.randomUUID();
    const comment = String(data.get("comment") ?? "").trim();
    const honeypot = String(data.get("website") ?? "");
    const body = {
      ratings: [
        {
          id,
          agency: this.info?.agency.slug ?? this.agency,
          service: this.info?.service.slug ?? this.service,
          channel: this.ticket ? "qr" : "widget",
          overall: this.face,
          locale: this.locale === "en" ? "en" : "id",
          createdAt: new Date().toISOString(),
          ...(comment ? { comment } : {}),
          ...(this.ticket ? { ticket: this.ticket } : {}),
          ...(honeypot ? { honeypot } : {}),
        },
      ],
    };
    this.phase = "sending";
    this.problem = "";
    if (this.preview) {
      this.phase = "done";
      return;
    }
    try {
      const res = await fetch(`${this.apiBase}/api/v1/ratings`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      const json = await res.json();
      const result = (json as Partial<RatingsResult>).results?.[0];
      if (result?.status === "accepted" || result?.status === "duplicate") {
        this.phase = "done";
        this.dispatchEvent(
          new CustomEvent("suara-submit", { detail: { id, overall: this.face }, bubbles: true, composed: true }),
        );
        return;
      }
      // A refused rating says why in its result; a refused request in the error body.
      const code = result?.error?.code ?? json.error?.code;
      if (code === "ticket_used") return this.close(this.t.ticketUsed);
      if (code === "ticket_expired") return this.close(this.t.ticketExpired);
      console.error("Suara refused the rating:", json.error ?? json);
      throw new Error(code);
    } catch {
      this.phase = "ready";
      this.problem = this.t.sendFailed;
    }
  }

  render() {
    const t = this.t;
    if (this.phase === "loading") return html`<p role="status">${t.loading}</p>`;
    if (this.phase === "closed") return this.problem ? html`<p role="status">${this.problem}</p>` : nothing;
    if (this.phase === "done") return html`<p role="status">${t.thanks}</p>`;
    const lang = this.locale === "en" ? "en" : "id";
    return html`
      <form @submit=${this.send} novalidate>
        <fieldset>
          <legend>${t.howWasService}</legend>
          ${this.info ? html`<p class="note">${this.info.service.name}${this.info.officer ? html` · ${t.servedBy} ${this.info.officer.name}` : nothing}</p>` : nothing}
          <div class="faces">
            ${FACES.map(
              (
                label,
                i,
              ) => html`<button type="button" part="face" aria-pressed=${this.face === i + 1 ? "true" : "false"}
                @click=${() => {
                  this.face = i + 1;
                  this.problem = "";
                }}>${faceIcon(i + 1)}<span class="label">${label[lang]}</span></button>`,
            )}
          </div>
        </fieldset>
        <label>${t.comment}<textarea name="comment" maxlength="1000"></textarea></label>
        <div class="hp" aria-hidden="true"><label>Website<input name="website" tabindex="-1" autocomplete="off" /></label></div>
        <button part="send" type="submit" ?disabled=${this.phase === "sending"}>${this.phase === "sending" ? t.sending : t.send}</button>
        <p class="note error" role="alert">${this.problem}</p>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "suara-rating": SuaraRating;
  }
}
