/**
 * The log the app writes to: one JSON object per line, `msg` in plain English.
 * On Node it is pino (worker/log-node.ts); on Workers, where the console is
 * the log, `consoleLog` writes the same shape. Nothing logged may carry
 * personal data (UU 27/2022): no IP address, NIP, e-mail, name, comment, token
 * or password, only route patterns, statuses, codes and counts.
 */

/** Log levels, least to most verbose. */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
/** A log level (pino's names). */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Writes one event: its fields and a sentence (pino's signature). */
type Write = (fields: object, msg: string) => void;

/** What the app logs with (a subset of pino's logger). */
export interface Log {
  error: Write;
  warn: Write;
  info: Write;
  debug: Write;
  isLevelEnabled(level: LogLevel): boolean;
}

const RANK: Record<LogLevel, number> = { fatal: 60, error: 50, warn: 40, info: 30, debug: 20, trace: 10, silent: 99 };

/** A log that prints one JSON object per line to the console (Workers Logs read it as structured). */
export function consoleLog(level: LogLevel = "info"): Log {
  const at =
    (name: "error" | "warn" | "info" | "debug", method: "error" | "warn" | "log"): Write =>
    (fields, msg) => {
      if (RANK[name] < RANK[level]) return;
      console[method](JSON.stringify({ level: name, time: new Date().toISOString(), ...fields, msg }));
    };
  return {
    error: at("error", "error"),
    warn: at("warn", "warn"),
    info: at("info", "log"),
    debug: at("debug", "log"),
    isLevelEnabled: (name) => RANK[name] >= RANK[level] && level !== "silent",
  };
}
