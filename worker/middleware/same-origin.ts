/**
 * CSRF: a state-changing request that rides the session cookie must come from
 * one of Suara's own pages. SameSite=Strict keeps the cookie off cross-site
 * requests, but a page on any same-site origin (another subdomain of the
 * agency's domain) still gets it sent, and a body-less POST needs no CORS
 * preflight. So the browser must say the request is ours: `Origin` naming this
 * host (or SUARA_PUBLIC_URL), or `Sec-Fetch-Site: same-origin`. Callers with a
 * bearer token (kiosks, integrations, scripts) carry no ambient authority and
 * are not checked; neither is signing in, which does not act on the cookie.
 */
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.ts";
import { ApiError } from "../errors.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Whether the browser says the request comes from this site's own pages. */
function fromOwnPage(c: Context<AppEnv>): boolean {
  return c.req.header("sec-fetch-site") === "same-origin" || namesThisSite(c, c.req.header("origin"));
}

/**
 * Whether an Origin header names Suara itself: SUARA_PUBLIC_URL, or this request's own host.
 * A header any script can forge: it proves nothing about who sent the request, only where a
 * browser says the page was.
 */
export function namesThisSite(c: Context<AppEnv>, origin: string | undefined): boolean {
  if (!origin || origin === "null") return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  const publicUrl = c.get("settings").publicUrl;
  if (publicUrl && url.origin === new URL(publicUrl).origin) return true;
  // Behind a TLS proxy the request reaches us as http://<Host>, while the page's Origin says https://<Host>.
  return url.host === (c.req.header("host") ?? new URL(c.req.url).host);
}

/** Refuses cookie-authenticated state changes from other origins with 403 `cross_origin_request`. */
export const sameOrigin = (): MiddlewareHandler<AppEnv> =>
  async function sameOrigin(c, next) {
    const byCookie = c.get("principal")?.kind === "user" && !c.req.header("authorization");
    if (byCookie && !SAFE_METHODS.has(c.req.method) && c.req.path !== "/api/v1/auth/login" && !fromOwnPage(c)) {
      throw new ApiError(
        403,
        "cross_origin_request",
        "This change did not come from Suara's own pages, so the session cookie does not count for it. Use Suara's dashboard, or send a bearer token.",
      );
    }
    await next();
  };
