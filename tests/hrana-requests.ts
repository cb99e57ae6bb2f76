/**
 * The requests of a Hrana pipeline, run on one stream's own connection (the
 * `libsql` binding, synchronously): execute, batch with its step conditions,
 * sequence, describe, store_sql, close_sql, get_autocommit and close, answered as
 * sqld answers them (see tests/hrana-server.ts for what this stand-in covers).
 */
import type Database from "libsql";
import {
  type BatchCond,
  ProtocolError,
  type SqlValue,
  StmtError,
  type StreamResult,
  stmtErrorOf,
  valueFromWire,
  valueToWire,
  type WireStmt,
  type WireStmtResult,
} from "./hrana-protocol.ts";

/** What a request needs of its stream: the connection (null once closed) and the SQL texts stored on it. */
export interface StreamState {
  db: Database.Database | null;
  sqls: Map<number, string>;
}

/** Runs one request of a pipeline on its stream: its response, or its own error as sqld reports it. */
export function handleRequest(stream: StreamState, request: unknown): StreamResult {
  const req = request as Record<string, unknown> & { type?: string };
  if (req?.type === "close") {
    closeConnection(stream);
    return { type: "ok", response: { type: "close" } };
  }
  const db = stream.db;
  if (!db) throw new ProtocolError("Stream for this baton was closed");
  try {
    switch (req?.type) {
      case "execute":
        return ok({ type: "execute", result: execute(db, req.stmt as WireStmt, stream.sqls) });
      case "batch":
        return ok({ type: "batch", result: batch(db, req.batch as BatchBody, stream.sqls) });
      case "sequence":
        try {
          db.exec(sqlOf(req as WireStmt, stream.sqls));
        } catch (error) {
          throw error instanceof ProtocolError ? error : stmtErrorOf(error, false);
        }
        return ok({ type: "sequence" });
      case "describe":
        return ok({ type: "describe", result: describe(db, sqlOf(req as WireStmt, stream.sqls)) });
      case "store_sql": {
        const id = Number(req.sql_id);
        if (stream.sqls.has(id)) throw new ProtocolError(`SQL text ${id} is already stored`);
        stream.sqls.set(id, String(req.sql));
        return ok({ type: "store_sql" });
      }
      case "close_sql":
        stream.sqls.delete(Number(req.sql_id));
        return ok({ type: "close_sql" });
      case "get_autocommit":
        return ok({ type: "get_autocommit", is_autocommit: !db.inTransaction });
      default:
        throw new ProtocolError(`Unknown request type ${JSON.stringify(req?.type)}`);
    }
  } catch (error) {
    if (error instanceof StmtError) return { type: "error", error: error.toWire() };
    throw error;
  }
}

const ok = (response: Record<string, unknown> & { type: string }): StreamResult => ({ type: "ok", response });

/** The SQL a statement names: its own text or a stored one. */
function sqlOf(stmt: WireStmt, sqls: Map<number, string>): string {
  if (stmt?.sql !== undefined && stmt.sql_id !== undefined) throw new ProtocolError("Both sql and sql_id given");
  if (stmt?.sql !== undefined) return String(stmt.sql);
  if (stmt?.sql_id === undefined) throw new ProtocolError("Neither sql nor sql_id given");
  const sql = sqls.get(stmt.sql_id);
  if (sql === undefined) throw new ProtocolError(`SQL text ${stmt.sql_id} not found`);
  return sql;
}

/** Whether a statement writes rows (sqld reports changes() only then) and whether it inserts (then the rowid). */
function kindOf(sql: string) {
  const text = sql.replace(/^(\s|--[^\n]*\n?|\/\*[\s\S]*?\*\/)+/, "");
  const verb = (
    /^WITH\b[\s\S]*?\)\s*(INSERT|REPLACE|UPDATE|DELETE)\b/i.exec(text)?.[1] ??
    /^\w+/.exec(text)?.[0] ??
    ""
  ).toUpperCase();
  return {
    writes: ["INSERT", "REPLACE", "UPDATE", "DELETE"].includes(verb),
    inserts: verb === "INSERT" || verb === "REPLACE",
  };
}

/** Runs one statement on the stream's connection. */
function execute(db: Database.Database, stmt: WireStmt, sqls: Map<number, string>): WireStmtResult {
  const sql = sqlOf(stmt, sqls);
  const args = (stmt.args ?? []).map(valueFromWire);
  const named = stmt.named_args ?? [];
  if (args.length && named.length) {
    throw new StmtError(
      "ARGS_BOTH_POSITIONAL_AND_NAMED",
      "Specifying both positional and named arguments is not supported",
    );
  }
  let prepared: Database.Statement;
  try {
    prepared = db.prepare(sql);
  } catch (error) {
    throw stmtErrorOf(error, true);
  }
  // The binding takes named arguments without their prefix (":", "@", "$").
  const bound: [Record<string, SqlValue>] | SqlValue[] = named.length
    ? [Object.fromEntries(named.map(({ name, value }) => [name.replace(/^[:@$]/, ""), valueFromWire(value)]))]
    : args;
  const { writes, inserts } = kindOf(sql);
  try {
    let rows: unknown[][] = [];
    const cols = prepared.columns().map((c) => ({ name: c.name ?? null, decltype: c.type ?? null }));
    if (prepared.reader)
      rows = prepared
        .raw(true)
        .safeIntegers(true)
        .all(...bound) as unknown[][];
    else prepared.run(...bound);
    const [changes, rowid] = writes
      ? (db.prepare("SELECT changes(), last_insert_rowid()").raw(true).safeIntegers(true).get() as bigint[])
      : [0n, 0n];
    return {
      cols,
      rows: stmt.want_rows === false ? [] : rows.map((row) => row.map(valueToWire)),
      affected_row_count: Number(changes),
      last_insert_rowid: inserts ? rowid.toString() : null,
    };
  } catch (error) {
    throw stmtErrorOf(error, false);
  }
}

interface BatchBody {
  steps: { condition?: BatchCond; stmt: WireStmt }[];
}

/** Runs a batch's steps in order, each when its condition holds; a failed step does not stop the others. */
function batch(db: Database.Database, body: BatchBody, sqls: Map<number, string>) {
  const outcomes: ("ok" | "error" | undefined)[] = [];
  const holds = (cond: BatchCond): boolean => {
    switch (cond.type) {
      case "ok":
      case "error":
        return outcomes[cond.step] === cond.type;
      case "not":
        return !holds(cond.cond);
      case "and":
        return cond.conds.every(holds);
      case "or":
        return cond.conds.some(holds);
      case "is_autocommit":
        return !db.inTransaction;
      default:
        throw new ProtocolError(`Unknown batch condition ${JSON.stringify((cond as { type?: unknown }).type)}`);
    }
  };
  const step_results: (WireStmtResult | null)[] = [];
  const step_errors: ({ message: string; code: string } | null)[] = [];
  for (const step of body?.steps ?? []) {
    let result: WireStmtResult | null = null;
    let error: StmtError | null = null;
    if (!step.condition || holds(step.condition)) {
      try {
        result = execute(db, step.stmt, sqls);
      } catch (thrown) {
        if (!(thrown instanceof StmtError)) throw thrown;
        error = thrown;
      }
    }
    outcomes.push(result ? "ok" : error ? "error" : undefined);
    step_results.push(result);
    step_errors.push(error?.toWire() ?? null);
  }
  return { step_results, step_errors };
}

/** What a statement takes and returns, without running it. Parameters are found by scanning the SQL outside quotes. */
function describe(db: Database.Database, sql: string) {
  let prepared: Database.Statement;
  try {
    prepared = db.prepare(sql);
  } catch (error) {
    throw stmtErrorOf(error, true);
  }
  const unquoted = sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"/g, "''");
  const params = [...unquoted.matchAll(/\?\d*|[:@$][A-Za-z_]\w*/g)].map(([p]) => ({ name: p === "?" ? null : p }));
  const { writes } = kindOf(sql);
  return {
    params,
    cols: prepared.columns().map((c) => ({ name: c.name, decltype: c.type ?? null })),
    is_explain: /^\s*EXPLAIN\b/i.test(sql),
    is_readonly: !writes && !/^\s*(CREATE|DROP|ALTER|BEGIN|COMMIT|END|ROLLBACK|PRAGMA|VACUUM|ATTACH|DETACH)/i.test(sql),
  };
}

/**
 * Closes a stream's connection, rolling back what it left open first: the binding's
 * close leaves the connection alive until its prepared statements are collected, and
 * with them the write lock of an open transaction (sqld's connection drop releases it).
 */
export function closeConnection(stream: StreamState) {
  const db = stream.db;
  stream.db = null;
  try {
    if (db?.inTransaction) db.exec("ROLLBACK");
  } finally {
    db?.close();
  }
}
