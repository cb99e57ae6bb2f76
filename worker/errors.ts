/**
 * The one error shape of the API, `{"error": {"code", "message", "details"?}}`,
 * and the handler that turns every thrown error into it.
 */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { DatabaseFileLost } from "../db/file-identity.ts";

/** An expected failure: the caller's mistake or a refusal, with a stable code. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

/** 401: nobody (valid) is signed in. */
export const unauthorized = (message = "Sign in first.") => new ApiError(401, "unauthorized", message);
/** 403: the caller may not do this. */
export const forbidden = (message = "You may not do this.") => new ApiError(403, "forbidden", message);
/** 404: the named thing does not exist (for this caller). */
export const notFound = (what: string) => new ApiError(404, "not_found", `${what} was not found.`);

/** 409: the request conflicts with the state of things (a busy counter, a decided contest). */
export const conflict = (code: string, message: string) => new ApiError(409, code, message);

/** 503: the database cannot be reached now; clients retry after a few seconds. */
export const databaseUnavailable = (message = "The database is unavailable; try again shortly.") =>
  new ApiError(503, "unavailable", message, undefined, { "Retry-After": "5" });

/** 503: a Worker's bindings name no usable database (LIBSQL_URL missing or refused); an operator must set it. */
export const databaseNotConfigured = (message: string) =>
  new ApiError(503, "database_not_configured", message, undefined, { "Retry-After": "30" });

/** 503: the database file was deleted or replaced under the server; it stays so until an operator acts. */
export const databaseFileLost = () =>
  new ApiError(
    503,
    "database_file_lost",
    "The server's database file was deleted or replaced while it was running, so nothing more can be stored here. An operator must restore it (see the server's log) and restart the server.",
    undefined,
    { "Retry-After": "30" },
  );

const STATUS_CODES: Record<number, string> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  413: "payload_too_large",
  415: "unsupported_media_type",
  429: "rate_limited",
};

/**
 * The ApiError an error is or carries as its cause: a refusal raised inside a query (a Worker's
 * client, made on the first query, refusing its URL) reaches the app wrapped in drizzle's error.
 */
export function apiErrorOf(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error;
  const cause = (error as { cause?: unknown })?.cause;
  return cause instanceof ApiError ? cause : null;
}

/** Whether the database file was deleted or replaced under the server (db/file-identity.ts), as such or as a failed query's cause. */
export const isDatabaseFileLost = (error: unknown) =>
  error instanceof DatabaseFileLost || (error as Error)?.cause instanceof DatabaseFileLost;

/** Why the database failed a request, for the metrics and the log (a bounded set of words). */
export const DATABASE_ERROR_KINDS = ["timeout", "busy", "storage", "unreachable"] as const;
/** Why the database failed a request. */
export type DatabaseErrorKind = (typeof DATABASE_ERROR_KINDS)[number];

/**
 * Why an error means the database could not be reached or was busy (not that the
 * query was wrong), or null when it does not: a 503 the app gave itself
 * (`databaseUnavailable`, e.g. not connected yet) counts as unreachable.
 */
export function databaseErrorKind(error: unknown): DatabaseErrorKind | null {
  if (isDatabaseFileLost(error)) return "storage";
  const refusal = apiErrorOf(error);
  if (refusal) {
    // Not configured (a Worker without a usable LIBSQL_URL) is logged like an outage: once per route every 10 s.
    if (refusal.code === "unavailable" || refusal.code === "database_not_configured") return "unreachable";
    return refusal.code === "database_cannot_write" ? "storage" : null;
  }
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const text = `${(error as { code?: string })?.code ?? ""} ${(error as Error)?.message ?? ""} ${cause?.code ?? ""} ${
    cause?.message ?? ""
  }`;
  if (/DB_TIMEOUT/.test(text)) return "timeout";
  if (/SQLITE_BUSY|database is locked/i.test(text)) return "busy";
  if (/SQLITE_CANTOPEN|SQLITE_IOERR|SQLITE_FULL|SQLITE_READONLY|unable to open database/i.test(text)) return "storage";
  return /SERVER_ERROR|HRANA_WEBSOCKET|ECONNREFUSED|ECONNRESET|ETIMEDOUT|fetch failed|Network connection lost|client is closed|connection is not open/i.test(
    text,
  )
    ? "unreachable"
    : null;
}

/**
 * Whether an error is a broken uniqueness or reference rule: the caller asked for a clash.
 * The embedded file reports the extended code (`SQLITE_CONSTRAINT_UNIQUE`); over Hrana
 * (sqld, Turso) only the primary `SQLITE_CONSTRAINT` comes, and the kind of rule is in
 * SQLite's message ("UNIQUE constraint failed: …"). A NOT NULL or CHECK failure stays a 500:
 * that is our mistake, not the caller's.
 */
function isConstraintViolation(error: unknown): boolean {
  const { code, message, cause } = (error ?? {}) as { code?: string; message?: string; cause?: typeof error };
  const { code: causeCode, message: causeMessage } = (cause ?? {}) as { code?: string; message?: string };
  const codes = `${causeCode ?? ""} ${code ?? ""}`;
  if (/SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY|FOREIGNKEY)/.test(codes)) return true;
  // Only SQLite's own words: drizzle appends the query's parameters to its message, which a caller chose.
  const messages = `${causeMessage ?? ""} ${String(message ?? "").split(/\nparams:/)[0]}`;
  return /\bSQLITE_CONSTRAINT\b/.test(codes) && /(UNIQUE|FOREIGN KEY) constraint failed/.test(messages);
}

/**
 * An error's message for the log without the values it was given: a failed query's
 * parameters hold e-mails, token hashes and comments (drizzle appends them as "params: …").
 */
export function describeError(error: unknown): string {
  const own = String((error as Error)?.message ?? error).split(/\nparams:/)[0];
  const cause = (error as { cause?: { message?: string; code?: string } })?.cause;
  return cause?.message ? `${own} (${cause.code ? `${cause.code}: ` : ""}${cause.message.split(/\nparams:/)[0]})` : own;
}

/** Where an error was thrown: the stack's frames only, since its first lines repeat the message. */
export const stackOf = (error: unknown) =>
  String((error as Error)?.stack ?? "")
    .split("\n")
    .filter((line) => line.trimStart().startsWith("at "))
    .join("\n");

/** Renders any error as the API's JSON error (worker/middleware/observe.ts logs the 5xx ones). */
export function handleError(error: unknown, c: Context): Response {
  const refusal = apiErrorOf(error);
  if (refusal && refusal !== error) return handleError(refusal, c);
  if (error instanceof ApiError) {
    const body = { error: { code: error.code, message: error.message, details: error.details } };
    return c.json(body, error.status, error.headers);
  }
  if (error instanceof HTTPException) {
    const message = error.message || "The request could not be handled.";
    const code = message.startsWith("Malformed JSON")
      ? "malformed_json"
      : (STATUS_CODES[error.status] ?? "bad_request");
    return c.json({ error: { code, message } }, error.status as ContentfulStatusCode);
  }
  if (isDatabaseFileLost(error)) return handleError(databaseFileLost(), c);
  if (isConstraintViolation(error)) {
    return c.json(
      {
        error: {
          code: "conflict",
          message: "This clashes with something that exists (a slug, code, NIP or e-mail in use).",
        },
      },
      409,
    );
  }
  if (databaseErrorKind(error)) return handleError(databaseUnavailable(), c);
  return c.json({ error: { code: "internal", message: "Something went wrong on our side." } }, 500);
}

/** The answer for a path nothing handles. */
export const handleNotFound = (c: Context) =>
  c.json({ error: { code: "not_found", message: `No route for ${c.req.method} ${c.req.path}.` } }, 404);
