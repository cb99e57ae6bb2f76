/**
 * The security headers of every API answer, set before the handler runs.
 * They are the ones Hono's secureHeaders gives (with the API's own CSP and no
 * Cross-Origin-Resource-Policy, since the widget reads the API from other
 * origins), but secureHeaders sets them on the finished response, which makes
 * node-server build a web Headers object for every answer; set up front they
 * go out with it. api-headers.test.ts keeps the two lists the same.
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.ts";

/** The Content-Security-Policy of the API's own JSON: nothing to load, never framed. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Header name and value, as on every API answer. */
export const API_HEADERS: readonly (readonly [string, string])[] = [
  ["Cross-Origin-Opener-Policy", "same-origin"],
  ["Origin-Agent-Cluster", "?1"],
  ["Referrer-Policy", "no-referrer"],
  ["Strict-Transport-Security", "max-age=15552000; includeSubDomains"],
  ["X-Content-Type-Options", "nosniff"],
  ["X-DNS-Prefetch-Control", "off"],
  ["X-Download-Options", "noopen"],
  ["X-Frame-Options", "SAMEORIGIN"],
  ["X-Permitted-Cross-Domain-Policies", "none"],
  ["X-XSS-Protection", "0"],
  ["Content-Security-Policy", API_CSP],
];

/** Sets the API's security headers on whatever the handler answers. */
export const apiHeaders: MiddlewareHandler<AppEnv> = async function apiHeaders(c, next) {
  for (const [name, value] of API_HEADERS) c.header(name, value);
  await next();
};
