/**
 * Opening the database on Cloudflare Workers: a remote libSQL (Turso / sqld) through
 * `@libsql/client/web`, one handle per request or cron run (no client outlives it).
 */
import { type Client, createClient } from "@libsql/client/web";
import { drizzle } from "drizzle-orm/libsql/web";
import { type Db, DRIZZLE_CONFIG } from "./client.ts";
import { fetchWithTimeout, guardClient } from "./guard.ts";

/** Where a Worker's database is and how long each call may take. */
export interface WebDatabaseOptions {
  url: string;
  authToken?: string;
  timeoutMs: number;
}

/**
 * A client that is made on its first use: a request that never reaches the database (a
 * refused token, the OpenAPI document) costs no client at all. `open` may throw there, and
 * the call that needed the client fails with its error.
 */
function lazyClient(open: () => Client): Client {
  let client: Client | undefined;
  return new Proxy({} as Client, {
    get(_, property) {
      client ??= open();
      const value = Reflect.get(client, property);
      return typeof value === "function" ? value.bind(client) : value;
    },
  });
}

/** Whether the client can be made from these options (a pure check of the URL, no connection); its error if not. */
export function webDatabaseProblem({ url, authToken }: Pick<WebDatabaseOptions, "url" | "authToken">): Error | null {
  try {
    createClient({ url, authToken }).close();
    return null;
  } catch (error) {
    return error as Error;
  }
}

/**
 * A database handle whose every call has a deadline; its client is made when the first
 * call needs it (`onOpenError` turns a URL the client refuses into the error that call gets).
 */
export function openWebDatabase(
  { url, authToken, timeoutMs }: WebDatabaseOptions,
  onOpenError: (error: Error) => Error = (error) => error,
): Db {
  const open = () => {
    try {
      return createClient({ url, authToken, fetch: fetchWithTimeout(timeoutMs) });
    } catch (error) {
      throw onOpenError(error as Error);
    }
  };
  // Named as `client`: given alone, drizzle would inspect it (and so make it) to tell it from a config.
  return drizzle({ client: guardClient(() => lazyClient(open), { timeoutMs }), ...DRIZZLE_CONFIG }) as unknown as Db;
}
