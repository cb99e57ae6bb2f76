/**
 * Settings from the environment (Node) or bindings (Workers), checked once at
 * start: a wrong value names its variable and stops the server, instead of
 * surfacing later as NaN scores or a refused cookie.
 */
import type { Context } from "hono";
import * as z from "zod";
import { webUrl } from "../core/contract.ts";
import { OFFICER_INDICATOR_DEFAULTS } from "../core/scoring.ts";
import { isLoopback } from "../core/urls.ts";
import { parseTrustProxy, type TrustProxy } from "./client-ip.ts";
import type { AppEnv, AppSettings } from "./env.ts";
import { LOG_LEVELS, type LogLevel } from "./log.ts";

/** What the app uses when a setting is not given. */
export const DEFAULT_SETTINGS: AppSettings = {
  shrinkageK: OFFICER_INDICATOR_DEFAULTS.k,
  minOfficerN: OFFICER_INDICATOR_DEFAULTS.minN,
  secureCookies: true,
  widgetQuota: 30,
  publicUrl: null,
  dbTimeoutMs: 4000,
  signInsPerIp: 60,
};

/** Where every link and QR code the server makes points: SUARA_PUBLIC_URL, else the request's own origin. */
export const publicBase = (c: Context<AppEnv>): string => c.get("settings").publicUrl ?? new URL(c.req.url).origin;

/**
 * Where a tablet on the office network opens the kiosk: SUARA_PUBLIC_URL, else the request's own
 * origin, unless that names this machine (localhost, 127.x, ::1, 0.0.0.0), which on a tablet is the
 * tablet itself: null then, and the tablets page says what to do instead of drawing a QR code.
 */
export function kioskBase(c: Context<AppEnv>): string | null {
  const configured = c.get("settings").publicUrl;
  if (configured) return configured;
  const { hostname, origin } = new URL(c.req.url);
  const here = isLoopback(hostname) || hostname.endsWith(".localhost") || ["0.0.0.0", "[::]"].includes(hostname);
  return here ? null : origin;
}

/** A setting given with a value it cannot take. */
export class SettingsError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      `Suara cannot start with these settings:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join("\n")}`,
    );
  }
}

const integer = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, "a whole number")
    .transform(Number)
    .pipe(z.number().min(min, `at least ${min}`).max(max, `at most ${max}`));
const flag = z.enum(["0", "1"], "0 or 1").transform((v) => v === "1");
/** The public base URL: https (http only for this machine); behind a proxy, links must say https. */
const publicUrl = webUrl.transform((value) => value.replace(/\/+$/, ""));

const AppVariables = z.object({
  SUARA_SHRINKAGE_K: integer(0, 10_000).optional(),
  SUARA_MIN_OFFICER_N: integer(1, 100_000).optional(),
  SUARA_SECURE_COOKIES: flag.optional(),
  SUARA_WIDGET_QUOTA: integer(1, 100_000).optional(),
  SUARA_PUBLIC_URL: publicUrl.optional(),
  SUARA_DB_TIMEOUT_MS: integer(100, 60_000).optional(),
  SUARA_SIGNINS_PER_IP: integer(1, 1_000_000).optional(),
});

/** SUARA_TRUST_PROXY, compiled once (worker/client-ip.ts); a value it cannot take is refused with the reason. */
const trustProxy = z.string().transform((value, ctx) => {
  try {
    return parseTrustProxy(value);
  } catch (error) {
    ctx.addIssue({ code: "custom", message: (error as Error).message });
    return z.NEVER;
  }
});

const NodeVariables = AppVariables.extend({
  PORT: integer(1, 65_535).optional(),
  HOST: z.string().trim().min(1).optional(),
  LIBSQL_URL: z
    .string()
    .trim()
    .regex(/^(file:|libsql:\/\/|https?:\/\/|wss?:\/\/)/, "file:…, libsql://…, http(s)://… or ws(s)://…")
    .optional(),
  LIBSQL_AUTH_TOKEN: z.string().optional(),
  SUARA_DEMO: flag.optional(),
  SUARA_DEMO_PASSWORD: z.string().min(8, "at least 8 characters").optional(),
  SUARA_DEMO_PIN: z
    .string()
    .regex(/^\d{6}$/, "6 digits")
    .optional(),
  SUARA_DIST: z.string().min(1).optional(),
  SUARA_TRUST_PROXY: trustProxy.optional(),
  SUARA_METRICS_TOKEN: z.string().min(16, "at least 16 characters").optional(),
  SUARA_LOG_LEVEL: z.enum(LOG_LEVELS, `one of ${LOG_LEVELS.join(", ")}`).optional(),
  NODE_ENV: z.string().optional(),
});

/** Settings of the Node server. */
export interface NodeSettings {
  app: AppSettings;
  port: number;
  host: string;
  databaseUrl: string | undefined;
  authToken: string | undefined;
  /** Seed the demo agency into an empty database (never in production). */
  demo: boolean;
  demoPassword: string | undefined;
  demoPin: string | undefined;
  dist: string;
  production: boolean;
  /** Which proxies' X-Forwarded-For is believed (SUARA_TRUST_PROXY), or null: none, the socket's address counts. */
  trustProxy: TrustProxy | null;
  /** The bearer token a scraper on another machine reads /metrics with (none: loopback only). */
  metricsToken: string | undefined;
  logLevel: LogLevel;
}

type Env = Record<string, unknown>;

/** Only strings are settings (a Worker's bindings hold objects too); empty ones count as unset (`VAR= npm start`). */
const present = (env: Env) =>
  Object.fromEntries(Object.entries(env).filter(([, v]) => typeof v === "string" && v !== ""));

function parse<T extends z.ZodType>(schema: T, env: Env): z.infer<T> {
  const result = schema.safeParse(present(env));
  if (result.success) return result.data;
  throw new SettingsError(result.error.issues.map((i) => ({ variable: String(i.path[0]), message: i.message })));
}

/** The app's settings from a Worker's bindings or the environment; throws SettingsError. */
export function appSettings(env: Env, { production = true } = {}): AppSettings {
  const v = parse(AppVariables, env);
  return {
    shrinkageK: v.SUARA_SHRINKAGE_K ?? DEFAULT_SETTINGS.shrinkageK,
    minOfficerN: v.SUARA_MIN_OFFICER_N ?? DEFAULT_SETTINGS.minOfficerN,
    secureCookies: v.SUARA_SECURE_COOKIES ?? production,
    widgetQuota: v.SUARA_WIDGET_QUOTA ?? DEFAULT_SETTINGS.widgetQuota,
    publicUrl: v.SUARA_PUBLIC_URL ?? null,
    dbTimeoutMs: v.SUARA_DB_TIMEOUT_MS ?? DEFAULT_SETTINGS.dbTimeoutMs,
    signInsPerIp: v.SUARA_SIGNINS_PER_IP ?? DEFAULT_SETTINGS.signInsPerIp,
  };
}

/** Everything the Node server reads from its environment; throws SettingsError. */
export function nodeSettings(env: Env): NodeSettings {
  const v = parse(NodeVariables, env);
  const production = v.NODE_ENV === "production";
  return {
    app: appSettings(env, { production }),
    port: v.PORT ?? 8787,
    host: v.HOST ?? "127.0.0.1",
    databaseUrl: v.LIBSQL_URL,
    authToken: v.LIBSQL_AUTH_TOKEN,
    demo: !production && v.SUARA_DEMO !== false,
    demoPassword: v.SUARA_DEMO_PASSWORD,
    demoPin: v.SUARA_DEMO_PIN,
    dist: v.SUARA_DIST ?? "./dist",
    production,
    trustProxy: v.SUARA_TRUST_PROXY ?? null,
    metricsToken: v.SUARA_METRICS_TOKEN,
    logLevel: v.SUARA_LOG_LEVEL ?? "info",
  };
}
