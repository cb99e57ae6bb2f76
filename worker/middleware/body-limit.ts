/**
 * A body limit that costs nothing when the request says its length: Hono's
 * bodyLimit looks at `c.req.raw.body` first, and on @hono/node-server that
 * turns the lightweight request into a full web Request with a streaming
 * body (a quarter of a small POST's cost in `npm run bench`). A declared
 * Content-Length is checked from the header; a chunked body of unknown length
 * still goes through Hono's counting reader, which stops it at the limit. A
 * body already read under a limit (a tablet's, to check its signature) is
 * measured instead: its stream is spent.
 */
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../env.ts";
import { ApiError } from "../errors.ts";

/** The largest body a paired tablet may send (POST /ratings: 500 ratings with long comments fit comfortably). */
export const DEVICE_MAX_BODY_BYTES = 2 * 1024 * 1024;

/** Refuses bodies over `maxSize` bytes with a 413 saying `what` may be at most that. */
export function limitBody(maxSize: number, what: string): MiddlewareHandler<AppEnv> {
  const tooLarge = () => {
    throw new ApiError(413, "payload_too_large", `${what} may be at most ${maxSize} bytes.`);
  };
  const counting = bodyLimit({ maxSize, onError: tooLarge });
  return async function limitBody(c, next) {
    const method = c.req.method;
    if (method === "GET" || method === "HEAD" || method === "OPTIONS") return next();
    const length = c.req.header("content-length");
    if (length !== undefined && !c.req.header("transfer-encoding")) {
      return Number(length) > maxSize ? tooLarge() : next();
    }
    const read = c.req.bodyCache.text;
    if (read) return new TextEncoder().encode(await read).length > maxSize ? tooLarge() : next();
    return counting(c, next);
  };
}
