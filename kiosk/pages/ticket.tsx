/**
 * A rating ticket's QR on the citizen's screen: the citizen scans it and rates on
 * their own phone (the hosted page names the agency, service and officer). Back to
 * the faces at "Selesai" or after TICKET_SCREEN_MS. Loaded only when shown, with
 * the QR encoder (the dashboard's, so both draw codes the same way).
 */
import { Qr } from "../../dashboard/components/qr.tsx";
import type { KioskState } from "../state.ts";
import { text } from "../text.ts";

/** The ticket screen. */
export function TicketScreen({ state }: { state: KioskState }) {
  const locale = state.locale.value;
  const ticket = state.ticket.value;
  if (!ticket) return null;
  return (
    <main class="screen ticket">
      <h1>{text(locale, "ticketScreenTitle")}</h1>
      <p class="lead">{text(locale, "ticketScreenDetail", { name: ticket.officer })}</p>
      <Qr value={ticket.url} label={text(locale, "ticketQrLabel")} size={320} />
      <p class="ticket-link">
        <a href={ticket.url}>{ticket.url}</a>
      </p>
      <p>
        {text(locale, "ticketExpires", {
          hours: Math.round((Date.parse(ticket.expiresAt) - Date.now()) / 3_600_000),
        })}
      </p>
      <button type="button" class="primary" onClick={state.toHome}>
        {text(locale, "done")}
      </button>
    </main>
  );
}
