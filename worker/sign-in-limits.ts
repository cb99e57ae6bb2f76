/**
 * How many passwords anyone may try (OWASP Authentication Cheat Sheet, "Slow Down Online
 * Guessing Attacks with Device Cookies"). Every attempt is counted in the database before
 * the password is checked, so concurrent guesses gain nothing and every server counts alike.
 *
 * A browser that signed in to an account before holds a device cookie for it. An attempt that
 * presents one for the account it names is counted against that cookie only: 5 an hour, after
 * which that cookie alone is locked until the hour ends. Failures anywhere else never refuse it.
 *
 * Every other attempt (a new browser, a bearer-token client, a guesser) is counted three ways:
 * 5 per address and account per 15 minutes, 10 per account per hour from all addresses together,
 * and 30 per address per hour over all accounts. So someone without the password tries at most
 * **240 passwords a day at one account** (they cannot get its device cookie without it), and one
 * address at most **720 a day** over all accounts. A right password gives its attempt back.
 */
import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { newToken } from "../core/ids.ts";
import { hashToken } from "../core/password.ts";
import type { Statement } from "../db/client.ts";
import {
  countAttempts,
  deviceCookieOwner,
  forgetCounts,
  pruneCounts,
  pruneDevices,
  refundAttempts,
  rememberDevice,
} from "../db/queries/sign-in.ts";
import type { AppEnv } from "./env.ts";
import { ApiError } from "./errors.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The limits, each a number of attempts per window. */
export const SIGN_IN_LIMITS = {
  /** One browser that signed in to the account before (its device cookie). */
  perDevice: { limit: 5, windowMs: HOUR },
  /** One address at one account. */
  perAddressAndAccount: { limit: 5, windowMs: 15 * MINUTE },
  /** One account, from every address together (without its device cookie). */
  perAccount: { limit: 10, windowMs: HOUR },
  /** One address, over all accounts. */
  perAddress: { limit: 30, windowMs: HOUR },
} as const;

/** Name of the device cookie; sent only to the sign-in routes. */
export const DEVICE_COOKIE = "suara_device";
/** How long a device cookie is believed. */
export const DEVICE_COOKIE_MS = 365 * 24 * HOUR;
const DEVICE_COOKIE_PATH = "/api/v1/auth";

type Limit = keyof typeof SIGN_IN_LIMITS;

/** Why each count refuses, as the code the sign-in page words. */
const REFUSALS: Record<Limit, { code: string; message: string }> = {
  perDevice: {
    code: "sign_in_device_locked",
    message: "This browser gave wrong passwords for this account too often",
  },
  perAddressAndAccount: {
    code: "sign_in_locked",
    message: "There were too many failed sign-ins to this account",
  },
  perAccount: {
    code: "sign_in_locked",
    message: "There were too many failed sign-ins to this account",
  },
  perAddress: {
    code: "sign_in_address_limited",
    message: "There were too many sign-in attempts from this network address",
  },
};

/** A counted sign-in attempt, to settle once the password is checked. */
export interface SignInAttempt {
  /** The counts it was added to. */
  keys: string[];
  /** Whether it came with a device cookie of the account it named. */
  trusted: boolean;
}

const keyOf = (...parts: string[]) => hashToken(parts.join("\u0000"));

/**
 * Counts a sign-in attempt at an account (its user id, or the identity typed when no account has it)
 * before the password is checked; throws a 429 with Retry-After when a count is over its limit.
 */
export async function countSignIn(c: Context<AppEnv>, account: string, userId: string | undefined) {
  const db = c.get("db");
  const now = Date.now();
  const cookie = getCookie(c, DEVICE_COOKIE);
  const deviceHash = cookie?.startsWith("sid_") ? await hashToken(cookie) : undefined;
  const owner = deviceHash && userId ? await deviceCookieOwner(db, deviceHash, now - DEVICE_COOKIE_MS) : undefined;
  const trusted = owner !== undefined && owner === userId;
  const address = c.get("clientIp");
  const limits: [Limit, string][] = trusted
    ? [["perDevice", await keyOf("device", deviceHash!)]]
    : [
        ["perAddressAndAccount", await keyOf("address-account", address, account)],
        ["perAccount", await keyOf("account", account)],
        ["perAddress", await keyOf("address", address)],
      ];
  const counted = await countAttempts(
    db,
    limits.map(([limit, key]) => ({ key, windowMs: SIGN_IN_LIMITS[limit].windowMs })),
    now,
  );
  let refusal: { limit: Limit; wait: number } | undefined;
  counted.forEach(({ hits, windowEnd }, i) => {
    const [limit] = limits[i];
    const wait = Math.max(1, Math.ceil((windowEnd - now) / 1000));
    if (hits > SIGN_IN_LIMITS[limit].limit && wait > (refusal?.wait ?? 0)) refusal = { limit, wait };
  });
  if (refusal) {
    const { code, message } = REFUSALS[refusal.limit];
    const minutes = Math.ceil(refusal.wait / 60);
    throw new ApiError(
      429,
      code,
      `${message}; try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      { retryAfter: refusal.wait },
      { "Retry-After": String(refusal.wait) },
    );
  }
  return { keys: limits.map(([, key]) => key), trusted } satisfies SignInAttempt;
}

/**
 * The statements that settle a right password, for the batch that starts the session: a device
 * cookie's count (or the address's count at the account) starts over, the account's and address's
 * get the attempt back, and a browser without the account's device cookie gets one.
 */
export async function signInSucceeded(c: Context<AppEnv>, attempt: SignInAttempt, userId: string) {
  const db = c.get("db");
  const now = Date.now();
  const [first, ...others] = attempt.keys;
  const statements: Statement[] = [
    forgetCounts(db, [first]),
    pruneCounts(db, now),
    pruneDevices(db, now - DEVICE_COOKIE_MS),
  ];
  if (others.length) statements.push(refundAttempts(db, others, now));
  if (!attempt.trusted) {
    const token = newToken("sid");
    statements.push(rememberDevice(db, await hashToken(token), userId, now));
    setCookie(c, DEVICE_COOKIE, token, {
      httpOnly: true,
      sameSite: "Strict",
      secure: c.get("settings").secureCookies,
      path: DEVICE_COOKIE_PATH,
      maxAge: Math.floor(DEVICE_COOKIE_MS / 1000),
    });
  }
  return statements;
}
