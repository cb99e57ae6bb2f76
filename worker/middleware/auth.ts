/**
 * Establishes who is calling from a bearer token or the session cookie:
 * `ses_…` tokens are people's sessions, `dev_…` tokens are paired kiosks,
 * `key_…` tokens are agencies' integration keys (queue systems).
 * Requests without a token cost no database work; device tokens seen in the
 * last seconds cost none either (worker/device-cache.ts). A device token counts
 * only on a request the tablet signed (worker/device-signature.ts).
 */
import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { hashToken } from "../../core/password.ts";
import { deviceForToken, userForSession } from "../../db/queries/auth.ts";
import { INTEGRATION_KEY_PREFIX, integrationKeyForToken } from "../../db/queries/integration-keys.ts";
import { DeviceSignatures } from "../device-signature.ts";
import type { AppEnv } from "../env.ts";
import { unauthorized } from "../errors.ts";

/** Name of the HttpOnly session cookie. */
export const SESSION_COOKIE = "suara_session";

/** Reads the caller's token from `Authorization: Bearer …` or the session cookie. */
export function callerToken(c: Parameters<MiddlewareHandler>[0]): string | undefined {
  const header = c.req.header("authorization");
  if (header?.toLowerCase().startsWith("bearer ")) return header.slice(7).trim();
  return getCookie(c, SESSION_COOKIE);
}

/** Options of the auth middleware. */
export interface AuthOptions {
  /** Checks tablets' request signatures (one per app: it remembers the signatures it accepted). */
  signatures?: DeviceSignatures;
}

/** Puts the caller on `c.get("principal")`; a token that is present but wrong is a 401. */
export const auth = ({ signatures = new DeviceSignatures() }: AuthOptions = {}): MiddlewareHandler<AppEnv> =>
  async function auth(c, next) {
    const token = callerToken(c);
    c.set("principal", null);
    if (token?.startsWith("dev_")) {
      let known = c.get("deviceCache").get(token);
      if (!known) {
        const generation = c.get("deviceCache").generation;
        const found = await deviceForToken(c.get("db"), await hashToken(token));
        if (!found) throw unauthorized("This device token is unknown or revoked; pair the device again.");
        known = await signatures.known(found);
        c.get("deviceCache").set(token, known, generation);
      }
      await signatures.verify(c, known);
      c.set("principal", { kind: "device", device: known.device });
    } else if (token?.startsWith(INTEGRATION_KEY_PREFIX)) {
      const key = await integrationKeyForToken(c.get("db"), await hashToken(token));
      if (!key) throw unauthorized("This integration key is unknown or revoked; ask the agency's admin for a new one.");
      c.set("principal", { kind: "integration", key });
    } else if (token) {
      const tokenHash = await hashToken(token);
      const user = await userForSession(c.get("db"), tokenHash, Date.now());
      // A stale cookie on a public route should not break it: only a bearer token must be valid.
      if (user) c.set("principal", { kind: "user", user, tokenHash });
      else if (c.req.header("authorization")) throw unauthorized("This session has expired; sign in again.");
    }
    await next();
  };
