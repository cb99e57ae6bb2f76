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
import { deviceForToken, touchSession, userForSession } from "../../db/queries/auth.ts";
import { INTEGRATION_KEY_PREFIX, integrationKeyForToken } from "../../db/queries/integration-keys.ts";
import { DeviceSignatures } from "../device-signature.ts";
import type { AppEnv } from "../env.ts";
import { ApiError, unauthorized } from "../errors.ts";

/** Name of the HttpOnly session cookie. */
export const SESSION_COOKIE = "suara_session";

/**
 * What a person whose password an admin made may still do: choose their own, sign out, see who they
 * are (and sign in again, as anyone). Everything else is a 403 `password_change_required`.
 */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set([
  "POST /api/v1/auth/password",
  "POST /api/v1/auth/logout",
  "POST /api/v1/auth/login",
  "GET /api/v1/me",
]);

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
        const askedAt = Date.now();
        const found = await deviceForToken(c.get("db"), await hashToken(token));
        if (!found) throw unauthorized("This device token is unknown or revoked; pair the device again.");
        known = await signatures.known(found);
        c.get("deviceCache").set(token, known, generation, askedAt);
      }
      await signatures.verify(c, known);
      c.set("principal", { kind: "device", device: known.device });
    } else if (token?.startsWith(INTEGRATION_KEY_PREFIX)) {
      const key = await integrationKeyForToken(c.get("db"), await hashToken(token));
      if (!key) throw unauthorized("This integration key is unknown or revoked; ask the agency's admin for a new one.");
      c.set("principal", { kind: "integration", key });
    } else if (token) {
      const tokenHash = await hashToken(token);
      const now = Date.now();
      const found = await userForSession(c.get("db"), tokenHash, now);
      if (found) {
        const { lastUsedAt, ...user } = found;
        await touchSession(c.get("db"), tokenHash, lastUsedAt, now);
        if (user.passwordChangeRequired && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(`${c.req.method} ${c.req.path}`)) {
          throw new ApiError(
            403,
            "password_change_required",
            "This password was made by an admin: choose your own first (POST /api/v1/auth/password).",
          );
        }
        c.set("principal", { kind: "user", user, tokenHash });
      }
      // A stale cookie on a public route should not break it: only a bearer token must be valid.
      else if (c.req.header("authorization")) throw unauthorized("This session has expired; sign in again.");
    }
    await next();
  };
