/**
 * The database handle every query takes. Each runtime builds it from its own
 * libSQL client (Node: `drizzle-orm/libsql`; Workers: `drizzle-orm/libsql/web`),
 * so this module loads anywhere and holds no connection of its own.
 */
import type { Client } from "@libsql/client";
import type { BatchItem } from "drizzle-orm/batch";
import type { LibSQLDatabase } from "drizzle-orm/libsql/driver-core";
import * as schema from "./schema.ts";

/** A drizzle database over libSQL with Suara's schema. */
export type Db = LibSQLDatabase<typeof schema> & { $client: Client };

/** The drizzle settings both runtimes use. */
export const DRIZZLE_CONFIG = { schema };

/** One statement of a `db.batch` (built by a query function, run with others in one transaction). */
export type Statement = BatchItem<"sqlite">;
