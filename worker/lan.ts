/**
 * Where a Node server bound to every interface (`HOST=0.0.0.0` or `::`) can be
 * opened from the office network: `http://0.0.0.0:8787` opens nothing on a tablet,
 * so the console and the tablets page name the machine's LAN addresses instead.
 */
import { networkInterfaces } from "node:os";

/** Whether HOST means every interface rather than one address. */
export const isEveryInterface = (host: string) => ["0.0.0.0", "::", "[::]", "::0"].includes(host);

/** The machine's IPv4 addresses on its networks (not loopback), as `http://<address>:<port>`. */
export function lanUrls(port: number): string[] {
  return Object.values(networkInterfaces())
    .flatMap((addresses) => addresses ?? [])
    .filter((a) => a.family === "IPv4" && !a.internal)
    .map((a) => `http://${a.address}:${port}`);
}
