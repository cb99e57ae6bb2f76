/**
 * Pairing: the admin's single-use 8-digit code, typed in or carried by the QR
 * code's link (`/kiosk/?code=…`), sent with the public half of the key the
 * tablet makes now to sign its requests. Every refusal is worded in the kiosk's
 * language. A page that cannot make a key (plain http on a LAN address) says how
 * to open the kiosk instead of trying.
 */
import { useEffect, useState } from "preact/hooks";
import type { Paired } from "../../core/responses.ts";
import { CallFailed, call } from "../api.ts";
import { SecureNotice } from "../components/secure-notice.tsx";
import type { Pairing } from "../device.ts";
import { canSign, newDeviceKey } from "../device-key.ts";
import { readPairingCode } from "../pairing-code.ts";
import { errorText, text } from "../text.ts";

/** The pairing screen. */
export function Pair({ onPaired }: { onPaired: (pairing: Pairing, setup: Paired) => void }) {
  const locale = "id";
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const [code, setCode] = useState(() => new URLSearchParams(location.search).get("code") ?? "");

  const secure = canSign();

  const pair = async (typed: string) => {
    if (!secure) return;
    const read = readPairingCode(typed);
    if ("problem" in read) return setError(text(locale, read.problem));
    setBusy(true);
    setError("");
    try {
      const publicKey = await newDeviceKey();
      const paired = await call<Paired>("/devices/pair", { method: "POST", body: { code: read.code, publicKey } });
      // The code is used up: keep it out of the address bar and history.
      history.replaceState(null, "", location.pathname);
      onPaired(
        {
          token: paired.token,
          agency: paired.agency,
          agencyName: paired.agencyName,
          counter: paired.counter,
          counterName: paired.counterName,
        },
        paired,
      );
    } catch (e) {
      setError(errorText(locale, e instanceof CallFailed ? e.code : "unknown"));
      setBusy(false);
    }
  };

  // A QR code's link carries the code: pair at once (only the code the page was opened with).
  useEffect(() => {
    if ("code" in readPairingCode(code)) void pair(code);
  }, []);

  if (!secure) {
    return (
      <main class="screen pair">
        <div class="card">
          <h1>{text(locale, "pairTitle")}</h1>
          <SecureNotice message="needsHttps" role="alert" />
        </div>
      </main>
    );
  }

  return (
    <main class="screen pair">
      <div class="card">
        <h1>{text(locale, "pairTitle")}</h1>
        <p>{text(locale, "pairDetail")}</p>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void pair(code);
          }}
        >
          <label for="code">{text(locale, "pairCode")}</label>
          <input
            id="code"
            name="code"
            inputMode="numeric"
            autoComplete="off"
            aria-describedby="code-hint code-error"
            aria-invalid={error ? "true" : undefined}
            value={code}
            onInput={(e) => {
              setCode((e.target as HTMLInputElement).value);
              setError("");
            }}
          />
          <p id="code-hint" class="hint">
            {text(locale, "pairCodeHint")}
          </p>
          <button type="submit" class="primary" disabled={busy}>
            {busy ? text(locale, "pairing") : text(locale, "pair")}
          </button>
          <p id="code-error" role="alert" class="error">
            {error}
          </p>
        </form>
      </div>
    </main>
  );
}
