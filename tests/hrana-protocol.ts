/**
 * The Hrana-over-HTTP wire format as tests/hrana-server.ts speaks it: values as
 * JSON (integers as decimal strings, floats as numbers, blobs as base64), and the
 * errors sqld sends, with sqld's codes. Written from the Hrana 2/3 specifications
 * (libsql-server/docs/HRANA_3_SPEC.md, HTTP_V2_SPEC.md) and what @libsql/client
 * 0.18 sends and expects (node_modules/@libsql/hrana-client/lib-esm/shared/json_*.js).
 */

/** A value as Hrana's JSON encoding carries it. */
export type WireValue =
  | { type: "null" }
  | { type: "integer"; value: string }
  | { type: "float"; value: number }
  | { type: "text"; value: string }
  | { type: "blob"; base64: string };

/** A value as the `libsql` binding binds and returns it (integers as BigInt with safeIntegers). */
export type SqlValue = null | bigint | number | string | Buffer;

/** A statement as the client sends it: its SQL or the id of SQL stored before, and its arguments. */
export interface WireStmt {
  sql?: string;
  sql_id?: number;
  args?: WireValue[];
  named_args?: { name: string; value: WireValue }[];
  want_rows?: boolean;
}

/** A condition on a batch step (Hrana 2; `is_autocommit` is Hrana 3). */
export type BatchCond =
  | { type: "ok" | "error"; step: number }
  | { type: "not"; cond: BatchCond }
  | { type: "and" | "or"; conds: BatchCond[] }
  | { type: "is_autocommit" };

/** The result of one statement, as sqld returns it. */
export interface WireStmtResult {
  cols: { name: string | null; decltype: string | null }[];
  rows: WireValue[][];
  affected_row_count: number;
  last_insert_rowid: string | null;
}

/** What a request in a pipeline got: its response, or the error of that request alone. */
export type StreamResult =
  | { type: "ok"; response: Record<string, unknown> & { type: string } }
  | { type: "error"; error: WireError };

/** An error as Hrana carries it: `{message, code}`. */
export interface WireError {
  message: string;
  code: string;
}

/**
 * An error of one statement (sqld's `StmtError`): the request that ran it fails, the
 * stream goes on. `code` is what sqld sends: for SQLite's own errors the PRIMARY code
 * only (`SQLITE_CONSTRAINT`, never `SQLITE_CONSTRAINT_UNIQUE`), which is what a client
 * of a real sqld or Turso sees.
 */
export class StmtError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
  /** The error as it goes on the wire. */
  toWire(): WireError {
    return { message: this.message, code: this.code };
  }
}

/** A broken protocol (bad baton, unknown SQL id, malformed body): sqld answers 400 with plain text. */
export class ProtocolError extends Error {}

/** The stream's baton names a stream that expired (sqld: 500 with `{message, code: "STREAM_EXPIRED"}`). */
export class StreamExpired extends Error {
  readonly code = "STREAM_EXPIRED";
  constructor() {
    super("The stream has expired due to inactivity");
  }
}

/**
 * SQLite's primary result codes by number, named as sqld names them (libsql-server
 * src/hrana/stmt.rs, `sqlite_error_code`): through rusqlite, SQLITE_ERROR (1) has no
 * name of its own and is sent as SQLITE_UNKNOWN.
 */
const PRIMARY_CODES: Record<number, string> = {
  2: "SQLITE_INTERNAL",
  3: "SQLITE_PERM",
  4: "SQLITE_ABORT",
  5: "SQLITE_BUSY",
  6: "SQLITE_LOCKED",
  7: "SQLITE_NOMEM",
  8: "SQLITE_READONLY",
  9: "SQLITE_INTERRUPT",
  10: "SQLITE_IOERR",
  11: "SQLITE_CORRUPT",
  12: "SQLITE_NOTFOUND",
  13: "SQLITE_FULL",
  14: "SQLITE_CANTOPEN",
  15: "SQLITE_PROTOCOL",
  17: "SQLITE_SCHEMA",
  18: "SQLITE_TOOBIG",
  19: "SQLITE_CONSTRAINT",
  20: "SQLITE_MISMATCH",
  21: "SQLITE_MISUSE",
  22: "SQLITE_NOLFS",
  23: "SQLITE_AUTH",
  25: "SQLITE_RANGE",
  26: "SQLITE_NOTADB",
};

/** The error `libsql` threw, as sqld would have reported it. `preparing`: thrown while compiling the SQL. */
export function stmtErrorOf(error: unknown, preparing: boolean): StmtError {
  const { message, rawCode } = error as { message?: string; rawCode?: number };
  const text = String(message ?? error);
  if (typeof rawCode !== "number") return new StmtError("SQLITE_UNKNOWN", `SQLite error: ${text}`);
  if (preparing && (rawCode & 0xff) === 1) {
    // sqld parses the SQL itself first (SQL_PARSE_ERROR), then SQLite's own compile errors
    // ("no such table") come back with their offset as SQL_INPUT_ERROR.
    return /syntax error|incomplete input|unrecognized token/.test(text)
      ? new StmtError("SQL_PARSE_ERROR", `SQL string could not be parsed: ${text}`)
      : new StmtError("SQL_INPUT_ERROR", `SQL input error: ${text}`);
  }
  return new StmtError(PRIMARY_CODES[rawCode & 0xff] ?? "SQLITE_UNKNOWN", `SQLite error: ${text}`);
}

/** A value from the wire, to bind. */
export function valueFromWire(value: WireValue): SqlValue {
  switch (value?.type) {
    case "null":
      return null;
    case "integer":
      if (!/^-?\d+$/.test(String(value.value))) throw new ProtocolError(`Invalid integer value ${value.value}`);
      return BigInt(value.value);
    case "float":
      if (typeof value.value !== "number") throw new ProtocolError("Invalid float value");
      return value.value;
    case "text":
      return String(value.value);
    case "blob":
      return Buffer.from(value.base64 ?? "", "base64");
    default:
      throw new ProtocolError(`Unknown value type ${JSON.stringify((value as { type?: unknown })?.type)}`);
  }
}

/** A value the `libsql` binding returned (with safe integers), for the wire. */
export function valueToWire(value: unknown): WireValue {
  if (value === null || value === undefined) return { type: "null" };
  if (typeof value === "bigint") return { type: "integer", value: value.toString() };
  // With safe integers on, a JavaScript number is always SQLite's REAL.
  if (typeof value === "number") return { type: "float", value };
  if (typeof value === "string") return { type: "text", value };
  if (value instanceof Uint8Array) return { type: "blob", base64: Buffer.from(value).toString("base64") };
  throw new Error(`Cannot encode a ${typeof value} for Hrana`);
}
