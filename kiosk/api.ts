/** Calls from the tablet to Suara's API, with its device token and the tablet's signature. */

import { signatureHeaders } from "./device-key.ts";

/** Signature refusals that a fresh signature may cure: a clock off by minutes, a replay. */
const SIGN_AGAIN = new Set(["stale_signature", "replayed"]);
/** Refusals of the tablet itself: its token was revoked, or the server has no (or another) key for it. */
const PAIR_AGAIN = new Set(["unauthorized", "signature_required", "bad_signature"]);

/** Why a call did not succeed: the server's error code, or `network` when it could not be reached. */
export class CallFailed extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  /** Worth trying again later: no answer, a busy or broken server, too many calls, or a signature to make anew. */
  get transient(): boolean {
    return (
      this.status === 0 ||
      this.status === 429 ||
      this.status >= 500 ||
      (this.status === 401 && SIGN_AGAIN.has(this.code))
    );
  }

  /** The server no longer takes this tablet (revoked, or paired before requests were signed): pair it again. */
  get pairingLost(): boolean {
    return this.status === 401 && PAIR_AGAIN.has(this.code);
  }
}

/** The server clock minus the tablet's, learnt from a stale_signature answer, so a tablet with a wrong clock still signs fresh. */
let clockOffset = 0;

/** A call's method and JSON body. */
export interface CallInit {
  method?: string;
  body?: unknown;
}

/**
 * Calls the API; resolves with the JSON of a 2xx answer, else throws CallFailed. Calls with a token are signed.
 * `send` is the network (fetch in the browser; a test hands the API's own `app.request`).
 */
export async function call<T>(
  path: string,
  { token, method = "GET", body }: CallInit & { token?: string } = {},
  send: typeof fetch = fetch,
): Promise<T> {
  const url = `/api/v1${path}`;
  const text = body === undefined ? undefined : JSON.stringify(body);
  for (let attempt = 1; ; attempt++) {
    const signature = token ? await signatureHeaders(method, url, text ?? "", Date.now() + clockOffset) : {};
    let res: Response;
    try {
      res = await send(url, {
        method,
        headers: {
          ...(text === undefined ? {} : { "content-type": "application/json" }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...signature,
        },
        body: text,
      });
    } catch {
      throw new CallFailed(0, "network", "The server could not be reached.");
    }
    const json = await res.json().catch(() => ({}));
    if (res.ok) return json as T;
    const code = json.error?.code ?? "unknown";
    const serverTime = json.error?.details?.serverTime;
    // The tablet's clock is off by more than the server allows: sign once more by the server's clock.
    if (code === "stale_signature" && attempt === 1 && typeof serverTime === "number") {
      clockOffset = serverTime - Date.now();
      continue;
    }
    throw new CallFailed(res.status, code, json.error?.message ?? res.statusText);
  }
}

/** The API as one paired tablet calls it: its token (and signature) added to every call. */
export type DeviceCall = <T>(path: string, init?: CallInit) => Promise<T>;

/** The tablet's calls as `token`, over `send` (the network unless told). */
export const deviceCall =
  (token: string, send: typeof fetch = fetch): DeviceCall =>
  (path, init) =>
    call(path, { token, ...init }, send);
