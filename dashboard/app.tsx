/**
 * The dashboard. This slice signs people in and shows the number that matters
 * to them: an officer's own indicator, or the agency's IKM for admins. The full
 * dashboard comes with its own issue.
 */
import { useEffect, useState } from "preact/hooks";
import type { Me, OfficerScore, Report } from "../core/responses.ts";
import { ApiFailure, api } from "./api.ts";

const ROLE_NAMES: Record<string, string> = {
  regional_admin: "Admin wilayah",
  agency_admin: "Admin instansi",
  supervisor: "Supervisor",
  officer: "Petugas",
};

/** The dashboard: sign-in, then the signed-in person's view. */
export function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  useEffect(() => {
    api<Me>("/me")
      .then(setMe)
      .catch(() => setMe(null));
  }, []);
  if (me === undefined) return <p role="status">Memuat…</p>;
  if (me === null) return <Login onSignedIn={setMe} />;
  return (
    <main class="card">
      <p class="muted">{me.agency?.name ?? "Semua instansi di wilayah"}</p>
      <h1>{me.user.name}</h1>
      <p>{ROLE_NAMES[me.user.role] ?? me.user.role}</p>
      {me.user.role === "officer" ? <OwnScore /> : me.agency ? <AgencySummary slug={me.agency.slug} /> : null}
      <button
        type="button"
        class="secondary"
        onClick={async () => {
          await api("/auth/logout", { method: "POST" }).catch(() => undefined);
          setMe(null);
        }}
      >
        Keluar
      </button>
    </main>
  );
}

function Login({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const identity = String(data.get("identity") ?? "").trim();
    const password = String(data.get("password") ?? "");
    setBusy(true);
    setError("");
    try {
      await api("/auth/login", {
        method: "POST",
        body: identity.includes("@") ? { email: identity, password } : { nip: identity, password },
      });
      onSignedIn(await api<Me>("/me"));
    } catch (e) {
      setError(
        e instanceof ApiFailure && e.code === "invalid_credentials"
          ? "NIP/e-mail atau kata sandi salah."
          : e instanceof ApiFailure && e.code === "invalid_request"
            ? "Isi NIP (18 angka) atau e-mail, dan kata sandi."
            : e instanceof ApiFailure
              ? e.message
              : "Tidak dapat terhubung ke server.",
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="card">
      <h1>Masuk ke Suara</h1>
      <form onSubmit={submit}>
        <label for="identity">NIP atau e-mail</label>
        <input id="identity" name="identity" autoComplete="username" required />
        <label for="password">Kata sandi</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
        <button type="submit" disabled={busy}>
          {busy ? "Memproses…" : "Masuk"}
        </button>
        <p role="alert" class="error">
          {error}
        </p>
      </form>
    </main>
  );
}

function OwnScore() {
  const [score, setScore] = useState<OfficerScore | null>(null);
  useEffect(() => {
    api<OfficerScore>("/me/score").then(setScore, () => setScore(null));
  }, []);
  if (!score) return <p role="status">Memuat nilai…</p>;
  return (
    <section aria-labelledby="own-score">
      <h2 id="own-score">Nilai saya, {score.period.label}</h2>
      {score.enough ? (
        <>
          <p class="big">
            {score.fair?.toFixed(2)} <span class="muted">({score.band})</span>
          </p>
          <p>
            Skor adil dari {score.n} penilaian warga; indeks langsung {score.index?.toFixed(2)}, rentang keyakinan 95%{" "}
            {score.ci95?.[0].toFixed(2)}–{score.ci95?.[1].toFixed(2)}.
          </p>
        </>
      ) : (
        <p>
          Data belum cukup: {score.n} dari minimal {score.minN} penilaian.
        </p>
      )}
    </section>
  );
}

function AgencySummary({ slug }: { slug: string }) {
  const [report, setReport] = useState<Report | null>(null);
  useEffect(() => {
    api<Report>(`/agencies/${slug}/report`).then(setReport, () => setReport(null));
  }, [slug]);
  if (!report) return <p role="status">Memuat laporan…</p>;
  return (
    <section aria-labelledby="ikm">
      <h2 id="ikm">IKM {report.period.label}</h2>
      {report.ikm ? (
        <p class="big">
          {report.ikm.value.toFixed(2)}{" "}
          <span class="muted">
            ({report.ikm.mutu}, {report.ikm.kinerja})
          </span>
        </p>
      ) : (
        <p>Belum semua unsur dijawab pada periode ini; IKM belum dapat dihitung.</p>
      )}
      <p>{report.respondents} responden</p>
    </section>
  );
}
