/**
 * The counter tablet. This slice pairs the tablet with a counter and shows who
 * serves there; the rating screen itself comes with the kiosk issue.
 */
import { useEffect, useState } from "preact/hooks";
import { loadPairing, type Pairing, savePairing } from "./device.ts";

/** The kiosk: pairing, then the counter's screen. */
export function App() {
  const [pairing, setPairing] = useState<Pairing | null>(loadPairing);
  return pairing ? (
    <Counter
      pairing={pairing}
      onUnpair={() => {
        savePairing(null);
        setPairing(null);
      }}
    />
  ) : (
    <PairForm
      onPaired={(p) => {
        savePairing(p);
        setPairing(p);
      }}
    />
  );
}

function PairForm({ onPaired }: { onPaired: (pairing: Pairing) => void }) {
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const code = String(new FormData(event.target as HTMLFormElement).get("code") ?? "").trim();
    setBusy(true);
    setError("");
    try {
      const res = await fetch("/api/v1/devices/pair", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ code }),
      });
      const body = await res.json();
      if (!res.ok) throw new Error(body.error?.message ?? "Pemasangan gagal.");
      onPaired({
        token: body.token,
        agency: body.agency,
        agencyName: body.agencyName,
        counter: body.counter,
        counterName: body.counterName,
      });
    } catch (e) {
      setError(e instanceof TypeError ? "Tidak dapat terhubung ke server." : (e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="card">
      <h1>Pasangkan tablet ini</h1>
      <p>Minta kode pemasangan 8 angka kepada admin instansi, lalu masukkan di sini.</p>
      <form onSubmit={submit}>
        <label for="code">Kode pemasangan</label>
        <input id="code" name="code" inputMode="numeric" pattern="\d{8}" maxLength={8} autoComplete="off" required />
        <button type="submit" disabled={busy}>
          {busy ? "Memasangkan…" : "Pasangkan"}
        </button>
        <p role="alert" class="error">
          {error}
        </p>
      </form>
    </main>
  );
}

function Counter({ pairing, onUnpair }: { pairing: Pairing; onUnpair: () => void }) {
  const [serving, setServing] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    fetch(`/api/v1/counters/${pairing.counter}/duty`, { headers: { authorization: `Bearer ${pairing.token}` } })
      .then((res) => {
        if (res.status === 401) onUnpair();
        return res.json();
      })
      .then((body) => setServing(body.duty?.name ?? null))
      .catch(() => setServing(undefined));
  }, [pairing, onUnpair]);
  return (
    <main class="card">
      <p class="agency">{pairing.agencyName}</p>
      <h1>{pairing.counterName}</h1>
      <p role="status">
        {serving === undefined ? "Memuat…" : serving ? `Dilayani oleh ${serving}` : "Belum ada petugas yang bertugas."}
      </p>
      <button type="button" class="secondary" onClick={onUnpair}>
        Lepas pasangan
      </button>
    </main>
  );
}
