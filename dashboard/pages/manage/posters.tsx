/**
 * Printable A4 posters, one per counter: the agency, the counter, a short
 * instruction in Bahasa Indonesia and a QR code to the hosted rating page for
 * the counter's main service. The page says when that page's ratings would be
 * refused (Suara's own address is not yet a registered origin) and fixes it in one click.
 */
import { useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import type { CounterRow, ServiceRow, Setup } from "../../../core/responses.ts";
import { api } from "../../api.ts";
import { Outcome, useAction } from "../../components/action.tsx";
import { Choice } from "../../components/fields.tsx";
import { Qr } from "../../components/qr.tsx";
import { Empty, Load } from "../../components/states.tsx";
import { useAll } from "../../use-api.ts";
import { ManageFrame } from "./frame.tsx";
import { useWords } from "./use-words.ts";

/** The posters page. */
export function PostersPage() {
  const { slug } = useRoute().params;
  const { w } = useWords();
  const loaded = useAll<{
    counters: { counters: CounterRow[] };
    services: { services: ServiceRow[] };
    origins: { origins: string[] };
    setup: Setup;
  }>({
    counters: `/agencies/${slug}/counters`,
    services: `/agencies/${slug}/services`,
    origins: `/agencies/${slug}/origins`,
    setup: `/agencies/${slug}/setup`,
  });
  const [only, setOnly] = useState("");
  const act = useAction();
  return (
    <ManageFrame slug={slug} title={w("postersTitle")}>
      <Load loaded={loaded}>
        {({ counters: { counters }, services: { services }, origins: { origins }, setup }) => {
          const open = counters.filter((c) => c.archivedAt === null);
          const active = services.filter((s) => s.archivedAt === null);
          const shown = open.filter((c) => !only || c.code === only);
          const own = new URL(setup.publicUrl).origin;
          return (
            <>
              <section class="card no-print" aria-labelledby="posters-title">
                <h1 id="posters-title">{w("postersTitle")}</h1>
                <p class="muted">{w("postersAbout")}</p>
                {setup.kioskUrl ? null : (
                  <p class="notice" role="note">
                    {w("postersLoopback", { here: setup.publicUrl })}
                  </p>
                )}
                {origins.includes(own) ? null : (
                  <div class="warning" role="note">
                    <p>{w("postersOrigin", { origin: own })}</p>
                    <Outcome action={act} />
                    <button
                      type="button"
                      class="secondary"
                      disabled={act.busy}
                      onClick={async () => {
                        const done = await act.run(
                          () =>
                            api(`/agencies/${slug}/origins`, {
                              method: "PUT",
                              body: { origins: [...origins, own] },
                            }),
                          { done: w("originAdded", { name: own }) },
                        );
                        if (done) loaded.retry();
                      }}
                    >
                      {w("postersAllow")}
                    </button>
                  </div>
                )}
                {open.length ? (
                  <div class="toolbar">
                    <Choice
                      form="posters"
                      name="counter"
                      label={w("postersWhich")}
                      value={only}
                      onChange={(e) => setOnly(e.currentTarget.value)}
                      options={[["", w("postersAll")], ...open.map((c) => [c.code, c.name] as const)]}
                    />
                    <button type="button" class="primary" onClick={() => window.print()}>
                      {w("print")}
                    </button>
                  </div>
                ) : null}
              </section>
              {open.length === 0 || active.length === 0 ? (
                <Empty>{w("postersNeed")}</Empty>
              ) : (
                shown.map((c) => {
                  const service = active.find((s) => s.slug === c.services[0]) ?? active[0];
                  const url = `${setup.publicUrl}/r/?agency=${encodeURIComponent(slug)}&service=${encodeURIComponent(service.slug)}`;
                  return <Poster key={c.id} agency={setup.agency.name} counter={c} service={service.name} url={url} />;
                })
              )}
            </>
          );
        }}
      </Load>
    </ManageFrame>
  );
}

/** One A4 poster; always in Bahasa Indonesia, as citizens at the counter read it. */
function Poster({
  agency,
  counter,
  service,
  url,
}: {
  agency: string;
  counter: CounterRow;
  service: string;
  url: string;
}) {
  return (
    <article class="poster" lang="id" aria-label={`Poster ${counter.name}`}>
      <p class="poster-agency">{agency}</p>
      <h2 class="poster-counter">{counter.name}</h2>
      <p class="poster-ask">Bagaimana pelayanan kami hari ini?</p>
      <Qr value={url} label={`Kode QR penilaian ${counter.name}: ${url}`} size={340} />
      <ol class="poster-steps">
        <li>Arahkan kamera ponsel Anda ke kode QR ini.</li>
        <li>Pilih satu dari empat wajah yang paling sesuai.</li>
        <li>Tanpa nama, tanpa aplikasi, kurang dari satu menit.</li>
      </ol>
      <p class="poster-service">Layanan: {service}</p>
      <p class="poster-url">{url}</p>
      <p class="poster-foot">Penilaian Anda dipakai untuk Survei Kepuasan Masyarakat (PermenPANRB 14/2017).</p>
    </article>
  );
}
