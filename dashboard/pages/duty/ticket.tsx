/**
 * The officer's ticket QR page (/dashboard/me/ticket): a single-use rating ticket
 * for the citizen just served, shown as a large QR code for their phone, and the
 * officer's check-in card. Tickets an officer makes for themself count for the
 * unit, never for their own indicator (docs/design.md, "Who vouches"); the page says so.
 */
import { useContext, useEffect, useRef, useState } from "preact/hooks";
import type { Form, TicketIssued } from "../../../core/responses.ts";
import { api } from "../../api.ts";
import { Outcome, onValues, useAction } from "../../components/action.tsx";
import { Choice } from "../../components/fields.tsx";
import { Layout } from "../../components/layout.tsx";
import { Qr } from "../../components/qr.tsx";
import { Empty, Load } from "../../components/states.tsx";
import { Session } from "../../context.ts";
import { dateTime } from "../../format.ts";
import { useAll, useApi } from "../../use-api.ts";
import { useZone } from "../../use-zone.ts";
import { CheckInCard, type Duties, type FormCounter, ownDuty } from "./check-in.tsx";
import { waitFor } from "./time.ts";
import { useDutyWords } from "./words.ts";

/** The ticket QR page: officers only (a ticket they make names themself). */
export function OfficerTicketPage() {
  const me = useContext(Session).me.value!;
  const { w } = useDutyWords();
  const slug = me.user.role === "officer" ? (me.agency?.slug ?? null) : null;
  const form = useApi<Form>(slug ? `/agencies/${slug}/form` : null);
  return (
    <Layout>
      {slug ? (
        <Load loaded={form}>{(f) => <TicketAndDuty form={f} officerId={me.user.officerId} />}</Load>
      ) : (
        <section class="card" aria-labelledby="ticket-title">
          <h1 id="ticket-title">{w("ticketTitle")}</h1>
          <p role="alert">{w("officersOnly")}</p>
        </section>
      )}
    </Layout>
  );
}

/** Both cards, sharing who serves where: a ticket's counter starts as the one the officer serves at. */
function TicketAndDuty({ form, officerId }: { form: Form; officerId: string | null }) {
  const duties = useAll<Duties>(Object.fromEntries(form.counters.map((c) => [c.code, `/counters/${c.code}/duty`])));
  const mine = ownDuty(duties.data, officerId);
  return (
    <>
      <TicketCard services={form.services} counters={form.counters} counter={mine?.counter.code ?? ""} />
      <Load loaded={duties}>
        {(read) => <CheckInCard counters={form.counters} duties={read} officerId={officerId} onChange={duties.retry} />}
      </Load>
    </>
  );
}

/** The ticket form, then the ticket's QR code until "Tiket baru". */
function TicketCard({
  services,
  counters,
  counter,
}: {
  services: Form["services"];
  counters: FormCounter[];
  /** The counter the officer serves at now ("" when none): a ticket's counter starts there. */
  counter: string;
}) {
  const { w, locale } = useDutyWords();
  const zone = useZone();
  const act = useAction();
  const [ticket, setTicket] = useState<TicketIssued | null>(null);
  const [pick, setPick] = useState({ service: services[0]?.slug ?? "", counter });
  // The counter follows the officer's duty as it is read or changes, unless they chose one themself.
  const chose = useRef(false);
  useEffect(() => setPick((p) => (chose.current ? p : { ...p, counter })), [counter]);
  const shown = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  // Focus follows the work: to the ticket once made, back to the form for the next citizen.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (ticket) shown.current?.focus();
    else document.getElementById("ticket-service")?.focus();
  }, [ticket]);
  const serviceName = services.find((s) => s.slug === pick.service)?.name;
  const counterName = counters.find((c) => c.code === pick.counter)?.name;
  return (
    <section class="card" aria-labelledby="ticket-title">
      <h1 id="ticket-title">{w("ticketTitle")}</h1>
      {services.length === 0 ? (
        <Empty>{w("noServices")}</Empty>
      ) : ticket ? (
        <>
          <h2 ref={shown} tabIndex={-1}>
            {w("ticketReady")}
          </h2>
          {/* The code first: on a phone it is what the citizen needs to see without scrolling. */}
          <div class="ticket">
            <Qr value={ticket.url} size={280} label={w("ticketQr", { url: ticket.url })} />
            <div class="ticket-words">
              <p class="ticket-for">{[serviceName, counterName].filter(Boolean).join(" · ")}</p>
              <p class="muted">
                {w("ticketLink")}{" "}
                <a class="ticket-url" href={ticket.url}>
                  {ticket.url}
                </a>
              </p>
              <p>{w("ticketExpires", { time: dateTime(ticket.expiresAt, locale, zone) })}</p>
              <button type="button" class="primary" onClick={() => setTicket(null)}>
                {w("newTicket")}
              </button>
            </div>
          </div>
        </>
      ) : (
        <>
          <p class="muted">{w("ticketAbout")}</p>
          <Outcome action={act} />
          <form
            class="row"
            noValidate
            onSubmit={onValues(async () => {
              const made = await act.run(
                () =>
                  api<TicketIssued>("/tickets", {
                    method: "POST",
                    body: pick.counter ? pick : { service: pick.service },
                  }),
                {
                  refusal: (failure) =>
                    failure.code === "ticket_pace"
                      ? w("ticketPace", { wait: waitFor(failure.retryAfter, locale) })
                      : undefined,
                },
              );
              if (made) setTicket(made);
            })}
          >
            <Choice
              form="ticket"
              name="service"
              label={w("service")}
              value={pick.service}
              onChange={(e) => setPick({ ...pick, service: e.currentTarget.value })}
              options={services.map((s) => [s.slug, s.name])}
            />
            <Choice
              form="ticket"
              name="counter"
              label={w("counterOptional")}
              value={pick.counter}
              onChange={(e) => {
                chose.current = true;
                setPick({ ...pick, counter: e.currentTarget.value });
              }}
              options={[["", w("counterNone")], ...counters.map((c) => [c.code, c.name] as const)]}
            />
            <div class="field">
              <button type="submit" class="primary" disabled={act.busy}>
                {w("makeTicket")}
              </button>
            </div>
          </form>
        </>
      )}
      <p class="notice">{w("selfNote")}</p>
    </section>
  );
}
