/**
 * The Node server's log: pino, one JSON object per line on stdout (journald and
 * any log shipper read it as is), with the level as a word and an ISO time.
 * Kept out of worker/app.ts's imports so the Workers bundle has no pino.
 */
import { type DestinationStream, type Logger, pino } from "pino";
import type { LogLevel } from "./log.ts";

/** Options of the Node log. */
export interface NodeLogOptions {
  level?: LogLevel;
  /** Where lines go (default stdout); tests pass a stream they read. */
  destination?: DestinationStream;
}

/** A pino logger for the Node server. */
export function createNodeLog({ level = "info", destination }: NodeLogOptions = {}): Logger {
  const options = {
    level,
    // No hostname: the journal already has it. The pid tells restarts apart.
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
  };
  return destination ? pino(options, destination) : pino(options);
}
