/** Calls to Suara's API from the dashboard (same origin; the session is an HttpOnly cookie). */

/** A refusal from the API, with its error code. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** What the API said in detail: for a 400, the issues with the path of each field. */
    readonly details?: unknown,
    /** Seconds the server asked to wait before trying again (Retry-After), when it said. */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

/** Calls the API and returns its JSON, or throws an ApiFailure with the server's message. */
export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method: init.method ?? "GET",
      headers: init.body === undefined ? {} : { "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: "same-origin",
    });
  } catch {
    throw new ApiFailure(0, "network", "The server cannot be reached.");
  }
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    throw new ApiFailure(
      res.status,
      body.error?.code ?? "unknown",
      body.error?.message ?? res.statusText,
      body.error?.details,
      Number(res.headers.get("retry-after")) || undefined,
    );
  }
  return body as T;
}
