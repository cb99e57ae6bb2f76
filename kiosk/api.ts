/** Calls from the tablet to Suara's API, with its device token. */

/** Why a call did not succeed: the server's error code, or `network` when it could not be reached. */
export class CallFailed extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  /** Worth trying again later: no answer, a busy or broken server, or too many calls. */
  get transient(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

/** Calls the API; resolves with the JSON of a 2xx answer, else throws CallFailed. */
export async function call<T>(
  path: string,
  { token, method = "GET", body }: { token?: string; method?: string; body?: unknown } = {},
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new CallFailed(0, "network", "The server could not be reached.");
  }
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw new CallFailed(res.status, json.error?.code ?? "unknown", json.error?.message ?? res.statusText);
  return json as T;
}
