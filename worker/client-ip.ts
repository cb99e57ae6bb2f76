/**
 * The client's address on Node: the socket's, or, behind the proxies SUARA_TRUST_PROXY
 * names, the address the nearest untrusted hop is reported as in X-Forwarded-For
 * (`proxy-addr`, Express's `trust proxy`). Without the setting no forwarded header is
 * believed: anyone can write one. Tests derive their callers' addresses through the
 * same function (worker/test-app.ts).
 */
import type { IncomingMessage } from "node:http";
import proxyaddr from "proxy-addr";

/** Whether the hop at `address`, `hop` steps from the server (0 = the socket), is a proxy to believe. */
export type TrustProxy = (address: string, hop: number) => boolean;

/** Most proxies one request can pass through that a hop count may name (a count past the chain believes the client). */
export const MAX_PROXY_HOPS = 10;

/**
 * Parses SUARA_TRUST_PROXY: a hop count (`1`: the one proxy in front, whatever its
 * address), or comma-separated addresses and CIDRs and proxy-addr's names
 * (`loopback`, `linklocal`, `uniquelocal`). Throws an Error saying what is wrong.
 */
export function parseTrustProxy(value: string): TrustProxy {
  const text = value.trim();
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops < 1 || hops > MAX_PROXY_HOPS) throw new Error(`a hop count from 1 to ${MAX_PROXY_HOPS}`);
    return (_address, hop) => hop < hops;
  }
  const entries = text.split(",").map((entry) => entry.trim());
  if (entries.some((entry) => entry === "")) throw new Error("an empty entry in the list");
  try {
    return proxyaddr.compile(entries);
  } catch (error) {
    // proxy-addr says which entry: "invalid IP address: proxy.lan" or "invalid range on address: 10.0.0.0/33".
    throw new Error(
      `${(error as Error).message} (give addresses or CIDRs, loopback, linklocal or uniquelocal, or a hop count)`,
    );
  }
}

/**
 * The client's address for a request that came from `socketAddress` carrying
 * `forwardedFor` (its X-Forwarded-For): the socket's unless `trust` believes it,
 * then the first hop from the server's side that `trust` does not believe.
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trust: TrustProxy | null,
): string | undefined {
  if (!socketAddress || !trust || !forwardedFor) return socketAddress;
  // proxy-addr reads only these two fields of Node's request.
  const request = { socket: { remoteAddress: socketAddress }, headers: { "x-forwarded-for": forwardedFor } };
  return proxyaddr(request as unknown as IncomingMessage, trust);
}
