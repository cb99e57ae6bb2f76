/**
 * Printable A4 posters, one per counter: the agency, the counter, a short
 * instruction in Bahasa Indonesia and a QR code to the hosted rating page for
 * the counter (its main service chosen; the page lets the citizen pick another the
 * counter gives), and where the published results are (the agency's public page). That page is Suara's own, trusted for every agency: no origin to register.
 */
import { useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import type { CounterRow, ServiceRow, Setup } from "../../../core/responses.ts";
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
    setup: Setup;
  }>({
    counters: `/agencies/${slug}/counters`,
    services: `/agencies/${slug}/services`,
    setup: `/agencies/${slug}/setup`,
  });
  const [only, setOnly] = useState("");
  return (
    <ManageFrame slug={slug} title={w("postersTitle")}>
      <Load loaded={loaded}>
        {({ counters: { counters }, services: { services }, setup }) => {
          const open = counters.filter((c) => c.archivedAt === null);
          const active = services.filter((s) => s.archivedAt === null);
          const shown = open.filter((c) => !only || c.code === only);
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
                  const url = `${setup.publicUrl}/r/?agency=${encodeURIComponent(slug)}&service=${encodeURIComponent(service.slug)}&counter=${encodeURIComponent(c.code)}`;
                  // Every service given there: the page asks which one the citizen received.
                  const given = c.services.flatMap((slug) => active.filter((s) => s.slug === slug).map((s) => s.name));
                  const names = given.length ? given.join(", ") : service.name;
                  return (
                    <Poster
                      key={c.id}
                      agency={setup.agency.name}
                      counter={c}
                      service={names}
                      url={url}
                      results={`${setup.publicUrl}/publik/${encodeURIComponent(slug)}`}
                    />
                  );
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
  results,
}: {
  agency: string;
  counter: CounterRow;
  service: string;
  url: string;
  /** The agency's public results page (docs/design.md, "Publications"). */
  results: string;
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
      <p class="poster-results">Hasil survei: {results}</p>
    </article>
  );
}
