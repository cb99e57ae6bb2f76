/**
 * A prepared-statement cache for the embedded libSQL file (Node). @libsql/client
 * prepares every statement again on every call, and SQLite's compiling of the
 * ingest's reads and its rollup upsert was the largest cost of a group commit
 * (`npm run bench`). Each `libsql` Database keeps its last statements by SQL
 * text and hands the same one back: the client uses a statement synchronously
 * from prepare to its last row, so one is never in use twice at once, and SQLite
 * prepares it again by itself when the schema changes under it.
 */
import Database from "libsql";

/** How many statements each database keeps, least recently used dropped first. */
const MAX_STATEMENTS = 256;
const CACHE = Symbol("suara.statements");
const INSTALLED = Symbol("suara.statementCache");

type Prepare = (this: CachingDatabase, sql: string) => unknown;
interface CachingDatabase {
  [CACHE]?: Map<string, unknown>;
}

/** Makes every libsql Database of this process cache its prepared statements (once; later calls do nothing). */
export function cacheStatements(): void {
  const proto = Database.prototype as unknown as { prepare: Prepare; [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const prepare = proto.prepare;
  proto.prepare = function cachedPrepare(sql) {
    this[CACHE] ??= new Map();
    const cache = this[CACHE];
    let statement = cache.get(sql);
    if (statement) cache.delete(sql);
    else statement = prepare.call(this, sql);
    cache.set(sql, statement);
    if (cache.size > MAX_STATEMENTS) cache.delete(cache.keys().next().value!);
    return statement;
  };
}
