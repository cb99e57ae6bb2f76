/**
 * Kiosk tablets: "add a tablet" shows a single-use pairing code, as large text
 * and as a QR code that opens the kiosk with it, counting down its 15 minutes;
 * the list shows each tablet's counter, when it was last seen, its queue as it
 * last reported it, and a revoke button.
 */
import { useEffect, useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import type { CounterRow, DeviceCreated, DeviceRow, Setup } from "../../../core/responses.ts";
import { api } from "../../api.ts";
import { Outcome, onValues, RowButton, useAction, when } from "../../components/action.tsx";
import { Choice, Field } from "../../components/fields.tsx";
import { Qr } from "../../components/qr.tsx";
import { Empty, Load } from "../../components/states.tsx";
import { Table } from "../../components/table.tsx";
import { count, dateTime } from "../../format.ts";
import { useAll } from "../../use-api.ts";
import { useZone } from "../../use-zone.ts";
import { ManageFrame } from "./frame.tsx";
import { useWords } from "./use-words.ts";

/** How often the list is asked again while a pairing code waits to be used. */
const WATCH_MS = 3_000;

/** The tablets page. */
export function TabletsPage() {
  const { slug } = useRoute().params;
  const { w } = useWords();
  const loaded = useAll<{ devices: { devices: DeviceRow[] }; counters: { counters: CounterRow[] }; setup: Setup }>({
    devices: `/agencies/${slug}/devices`,
    counters: `/agencies/${slug}/counters`,
    setup: `/agencies/${slug}/setup`,
  });
  const [pairing, setPairing] = useState<DeviceCreated | null>(null);
  const paired = pairing && loaded.data?.devices.devices.find((d) => d.id === pairing.device.id)?.pairedAt;
  // While a code waits, watch the list so the page says when the tablet has paired.
  useEffect(() => {
    if (!pairing || paired) return;
    const timer = setInterval(loaded.retry, WATCH_MS);
    return () => clearInterval(timer);
  }, [pairing, paired]);
  const add = useAction();
  return (
    <ManageFrame slug={slug} title={w("tabletsTitle")}>
      <Load loaded={loaded}>
        {({ devices: { devices }, counters: { counters }, setup }) => {
          const open = counters.filter((c) => c.archivedAt === null);
          return (
            <>
              <section class="card" aria-labelledby="tablet-add">
                <h1 id="tablet-add">{w("tabletsTitle")}</h1>
                <p class="muted">{w("tabletsAbout")}</p>
                <Outcome action={add} />
                {open.length === 0 ? (
                  <p>
                    {w("tabletNeedsCounter")} <a href={`/dashboard/a/${slug}/manage/counters`}>{w("stepCounters")}</a>
                  </p>
                ) : (
                  <form
                    class="row"
                    noValidate
                    onSubmit={onValues(async (v, form) => {
                      const made = await add.run(
                        () =>
                          api<DeviceCreated>(`/agencies/${slug}/devices`, {
                            method: "POST",
                            body: { counter: v.counter, name: v.name },
                          }),
                        { check: { name: when(!v.name, w("required")) } },
                      );
                      if (made) {
                        setPairing(made);
                        form.reset();
                        loaded.retry();
                      }
                    })}
                  >
                    <Choice
                      form="tablet"
                      name="counter"
                      label={w("counter")}
                      error={add.errors.counter}
                      options={open.map((c) => [c.code, `${c.name} (${c.code})`])}
                    />
                    <Field
                      form="tablet"
                      name="name"
                      label={w("tabletName")}
                      hint={w("tabletNameHint")}
                      error={add.errors.name}
                      maxLength={120}
                    />
                    <div class="field">
                      <button type="submit" class="primary" disabled={add.busy}>
                        {w("tabletAdd")}
                      </button>
                    </div>
                  </form>
                )}
              </section>
              {pairing ? (
                <Pairing
                  created={pairing}
                  paired={Boolean(paired)}
                  url={setup.kioskUrl && `${setup.kioskUrl}/kiosk/?code=${pairing.pairingCode}`}
                  lanUrls={setup.lanUrls}
                  onClose={() => setPairing(null)}
                />
              ) : null}
              <section class="card" aria-labelledby="tablets-list">
                <h2 id="tablets-list">{w("tabletsList")}</h2>
                {devices.length === 0 ? (
                  <Empty>{w("tabletsEmpty")}</Empty>
                ) : (
                  <Table
                    columns={[w("tabletName"), w("counter"), w("status"), w("lastSeen"), w("queue"), w("actions")]}
                  >
                    {devices.map((d) => (
                      <TabletLine key={d.id} slug={slug} device={d} onChange={loaded.retry} />
                    ))}
                  </Table>
                )}
              </section>
            </>
          );
        }}
      </Load>
    </ManageFrame>
  );
}

/** The tablet's state in words; a tablet of an archived counter only delivers what it kept (`retired`). */
function stateOf(d: DeviceRow, now: number): "revoked" | "retired" | "paired" | "waiting" | "expired" {
  if (d.revokedAt !== null) return "revoked";
  if (d.pairedAt !== null) return d.counterArchivedAt !== null ? "retired" : "paired";
  return (d.pairingExpiresAt ?? 0) > now ? "waiting" : "expired";
}

function TabletLine({ slug, device: d, onChange }: { slug: string; device: DeviceRow; onChange: () => void }) {
  const { w, locale } = useWords();
  const zone = useZone(slug);
  const act = useAction();
  const state = stateOf(d, Date.now());
  const queue =
    d.queueWaiting === null
      ? "–"
      : `${w("queueWaiting", { n: count(d.queueWaiting, locale) })}${
          d.queueAside ? `, ${w("queueAside", { n: count(d.queueAside, locale) })}` : ""
        }`;
  return (
    <tr class={state === "revoked" ? "archived" : undefined}>
      <th scope="row">{d.name}</th>
      <td>
        <code>{d.counter}</code>
      </td>
      <td>{w(`tablet_${state}`)}</td>
      <td>{d.lastSeenAt ? dateTime(new Date(d.lastSeenAt).toISOString(), locale, zone) : "–"}</td>
      <td class={d.queueAside ? "warn" : undefined}>{queue}</td>
      <td class="actions">
        {state === "revoked" ? null : (
          <RowButton
            act={act}
            text={w("revoke")}
            label={w("revokeOf", { name: d.name })}
            ask={w("revokeConfirm", { name: d.name })}
            call={() => api(`/agencies/${slug}/devices/${d.id}`, { method: "DELETE" })}
            onDone={onChange}
          />
        )}
        <Outcome action={act} />
      </td>
    </tr>
  );
}

/**
 * The pairing code of a new tablet, large and as a QR code, with the time it has left. Without a
 * link a tablet can open (the dashboard at this machine's own address and no SUARA_PUBLIC_URL) there
 * is no QR code: the page says what to do instead, naming the server's network addresses if known.
 */
function Pairing({
  created,
  paired,
  url,
  lanUrls,
  onClose,
}: {
  created: DeviceCreated;
  paired: boolean;
  url: string | null;
  lanUrls: string[];
  onClose: () => void;
}) {
  const { w } = useWords();
  const left = useSecondsLeft(created.expiresAt);
  const code = created.pairingCode;
  return (
    <section class="card pairing" aria-labelledby="pairing-title">
      <h2 id="pairing-title">{w("pairingTitle", { name: created.device.name, counter: created.device.counter })}</h2>
      {paired ? (
        <p class="paired" role="status">
          ✓ {w("pairingDone")}
        </p>
      ) : left > 0 ? (
        <div class="pairing-body">
          <div>
            <p>{w(url ? "pairingHow" : "pairingHowTyped")}</p>
            <p class="pairing-code">
              <span class="visually-hidden">{w("pairingCodeLabel")} </span>
              {code.slice(0, 4)} {code.slice(4)}
            </p>
            <p role="timer" aria-live="off" class="countdown">
              {w("pairingLeft", { time: `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}` })}
            </p>
            {url ? (
              <p class="muted">
                {w("pairingLink")} <a href={url}>{url}</a>
              </p>
            ) : null}
            {url?.startsWith("http:") ? <p class="notice">{w("pairingNotHttps")}</p> : null}
          </div>
          {url ? (
            <Qr value={url} label={w("pairingQr", { url })} />
          ) : (
            <div class="notice pairing-nolink" role="note">
              <p>{w("pairingNoLink", { here: location.origin })}</p>
              {lanUrls.length ? <p>{w("pairingLan", { urls: lanUrls.join(", ") })}</p> : null}
            </div>
          )}
        </div>
      ) : (
        <p role="status">{w("pairingExpired")}</p>
      )}
      <button type="button" class="secondary" onClick={onClose}>
        {w("close")}
      </button>
    </section>
  );
}

/** Seconds until `iso`, counting down once a second. */
function useSecondsLeft(iso: string): number {
  const until = Date.parse(iso);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return Math.max(0, Math.ceil((until - now) / 1_000));
}
