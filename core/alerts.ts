/**
 * Alert rules: what in the ratings should reach an agency's admins and supervisors at once,
 * with the defaults every agency has before its admins change anything, the bounds of what
 * they may set, the key that makes each event fire exactly once, and the webhook's signature
 * and retry schedule (docs/design.md, "Alerts"). Plain data and WebCrypto, so every layer
 * (the API, the dashboard's forms) shares it.
 */

/** The rules: a possible levy, low faces at one counter, a weekly band falling. */
export const ALERT_RULES = ["levy", "low_faces", "band_drop"] as const;
/** One alert rule. */
export type AlertRule = (typeof ALERT_RULES)[number];

/** What an agency's rule is set to. `count` and `minutes` are low_faces' N and M (null for the others). */
export interface AlertRuleSetting {
  rule: AlertRule;
  enabled: boolean;
  count: number | null;
  minutes: number | null;
}

/** Bounds of low_faces' N (low faces) and M (minutes): two taps are chance, and a day is no longer "at once". */
export const LOW_FACES_BOUNDS = { count: { min: 2, max: 20 }, minutes: { min: 5, max: 240 } } as const;

/** The defaults of an agency no admin has set up: every rule on, 3 low faces in 30 minutes. */
export const ALERT_DEFAULTS: Record<AlertRule, AlertRuleSetting> = {
  levy: { rule: "levy", enabled: true, count: null, minutes: null },
  low_faces: { rule: "low_faces", enabled: true, count: 3, minutes: 30 },
  band_drop: { rule: "band_drop", enabled: true, count: null, minutes: null },
};

/** Every rule of an agency: its stored settings where an admin changed them, the defaults elsewhere. */
export function alertSettings(stored: readonly AlertRuleSetting[]): AlertRuleSetting[] {
  return ALERT_RULES.map((rule) => stored.find((s) => s.rule === rule) ?? ALERT_DEFAULTS[rule]);
}

/** A face that counts as low for low_faces: 1 (very unhappy) or 2 (unhappy). */
export const isLowFace = (overall: number | null | undefined): boolean => overall === 1 || overall === 2;

/** Whose figure fell a band: one officer's fair score, or the unit's quick index. */
export type BandSubject = { kind: "officer"; officer: string } | { kind: "unit" };

/**
 * Each event's unique key (the database refuses a second row with it), so a resent rating,
 * a second batch, a retried evaluation or a second server never makes a second alert:
 * a levy is its rating; low faces are the counter and the M-minute slot of the tap that
 * reached N (at most one alert per counter per slot); a band drop is its subject, week and band.
 */
export const alertKey = {
  levy: (ratingId: string) => `levy:${ratingId}`,
  lowFaces: (counterId: string, minutes: number, at: number) =>
    `low_faces:${counterId}:${minutes}:${Math.floor(at / (minutes * 60_000))}`,
  bandDrop: (subject: BandSubject, week: string, band: string) =>
    `band_drop:${subject.kind === "officer" ? subject.officer : "unit"}:${week}:${band}`,
};

/** Bands from best to worst (core/scoring.ts MUTU): a fall is a later letter. */
export const bandFell = (before: string | null, after: string | null): boolean =>
  before !== null && after !== null && after > before;

/** After each failed webhook try, the wait before the next; after the last, the delivery gives up. */
export const WEBHOOK_BACKOFF_MS = [60_000, 300_000, 1_800_000, 7_200_000] as const;

/** When the next try comes after `tries` failed ones (1 = the first try failed), or null: given up. */
export const nextTryAt = (tries: number, now: number): number | null =>
  tries <= WEBHOOK_BACKOFF_MS.length ? now + WEBHOOK_BACKOFF_MS[tries - 1] : null;

/** Whether a webhook URL may be set: http(s), no user name or password in it (the secret signs; nothing rides in the URL). */
export function isWebhookUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === "https:" || url.protocol === "http:") && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** The header every webhook delivery carries. */
export const SIGNATURE_HEADER = "X-Suara-Signature";

const hex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");

/**
 * The `X-Suara-Signature` value of a body sent at `now`: `t=<unix seconds>,v1=<hex HMAC-SHA256
 * of "<t>.<body>">` with the agency's secret (the scheme Stripe's webhooks made familiar; the
 * timestamp lets a receiver refuse replays). WebCrypto: the same on Node and Workers.
 */
export async function signWebhook(secret: string, body: string, now: number): Promise<string> {
  const t = Math.floor(now / 1000);
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  return `t=${t},v1=${hex(await crypto.subtle.sign("HMAC", key, encoder.encode(`${t}.${body}`)))}`;
}

/**
 * The week (Monday to Sunday, local days) an instant falls in, named by its Monday, and the week
 * before it: band_drop compares the running week with the last.
 */
export function weeksOf(day: string): { week: { from: string; to: string }; last: { from: string; to: string } } {
  const at = Date.parse(`${day}T00:00:00Z`);
  const monday = at - ((new Date(at).getUTCDay() + 6) % 7) * 86_400_000;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return {
    week: { from: iso(monday), to: iso(monday + 6 * 86_400_000) },
    last: { from: iso(monday - 7 * 86_400_000), to: iso(monday - 86_400_000) },
  };
}
