/**
 * The role matrix: every non-public route, called by every kind of caller on
 * things that exist. Callers inside a route's rule succeed (2xx); callers
 * outside it get 401 (nobody signed in) or 403 (the wrong role, agency or
 * counter), never a 404 that would hide a rule that lets them through. The
 * device signs its requests as the kiosk does; its token without the signature
 * ("unsigned", a token copied off the tablet) is refused everywhere with 401.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ELEMENT_IDS } from "../core/questionnaire.ts";
import { DEMO_REGIONAL_EMAIL, DEMO_SUPERVISOR_EMAIL } from "../db/seed.ts";
import { AGENCY, OFFICER_NIPS, OTHER_ADMIN_EMAIL, OTHER_AGENCY, PASSWORD, rating, testApp } from "./test-app.ts";

type Caller =
  | "anonymous"
  | "device"
  | "unsigned"
  | "key"
  | "officer"
  | "supervisor"
  | "admin"
  | "otherAdmin"
  | "regional";
/** `unsigned` is a tablet's token copied off it (no signature); `key` is a queue system's integration key of the agency. */
const CALLERS: Caller[] = [
  "anonymous",
  "device",
  "unsigned",
  "key",
  "officer",
  "supervisor",
  "admin",
  "otherAdmin",
  "regional",
];
const READERS: Caller[] = ["supervisor", "admin", "regional"];
const MANAGERS: Caller[] = ["admin", "regional"];
const PEOPLE: Caller[] = ["officer", "supervisor", "admin", "otherAdmin", "regional"];
const STAFF: Caller[] = ["officer", "supervisor", "admin"];

const a = `/api/v1/agencies/${AGENCY}`;
const unique = () => `x${Math.random().toString(36).slice(2, 8)}`;
/** A well-formed NIP nobody has yet: born 1990-05-15, appointed 2015-03, the next sequence number. */
let nipSequence = 0;
const nip = () => `199005152015031${String(++nipSequence).padStart(3, "0")}`;

/** A row of the follow-up plan. */
const followUp = () => ({
  period: "2026-S2",
  element: "sarana",
  action: "Memperbaiki pendingin ruang tunggu",
  due: "2027-Q1",
  responsible: "Sekretaris Dinas",
});

let t: Awaited<ReturnType<typeof testApp>>;
const tokens: Partial<Record<Caller, string>> = {};
let officerId: string;
let ratingId: string;

/** Makes a thing as the agency admin and returns its id, so each call acts on something that exists. */
async function made(collection: string, body: unknown, key: string): Promise<string> {
  const res = await t.call("POST", `${a}/${collection}`, { token: tokens.admin, body });
  if (res.status !== 200) throw new Error(`could not make ${collection}: ${await res.text()}`);
  return (await res.json())[key].id;
}

/** A new rating attributed to the officer, stored as the ingest would, so a contest has one of its own to name. */
const officerRating = () => t.attributedRating(officerId);

/** A new open contest of the officer's, so each decision decides one that exists and waits. */
async function openContest(): Promise<string> {
  const res = await t.call("POST", `/api/v1/me/ratings/${await officerRating()}/contest`, {
    token: tokens.officer,
    body: { reason: "not_served_by_me" },
  });
  if (res.status !== 200) throw new Error(`could not contest: ${await res.text()}`);
  return (await res.json()).contest.id;
}

/** Puts the officer on duty at loket-2, so a check-out has a duty to end. */
const onDuty = () =>
  t.call("POST", "/api/v1/counters/loket-2/duty", { token: tokens.admin, body: { officer: officerId } });

/** A new feedback to the officer, given by the agency admin, so each acknowledgment names one that waits. */
async function feedbackGiven(): Promise<string> {
  const res = await t.call("POST", `${a}/officers/${officerId}/feedback`, {
    token: tokens.admin,
    body: { period: "2026-S2", text: "Terus tingkatkan" },
  });
  if (res.status !== 200) throw new Error(`could not give feedback: ${await res.text()}`);
  return (await res.json()).feedback.id;
}

interface Route {
  method: string;
  /** The path as the API documents it, for the test's name. */
  name: string;
  /** The path, made fresh per call where the call changes what it names. */
  path: () => string | Promise<string>;
  body?: (caller: Caller) => unknown;
  allowed: Caller[];
  /** Callers refused with another status than 401/403, and why. */
  refused?: Partial<Record<Caller, number>>;
}

const ROUTES: Route[] = [
  { method: "GET", name: "/agencies/:slug/report", path: () => `${a}/report?period=2026`, allowed: READERS },
  {
    method: "GET",
    name: "/agencies/:slug/ratings.csv",
    path: () => `${a}/ratings.csv?period=2026-11`,
    allowed: READERS,
  },
  {
    method: "GET",
    name: "/agencies/:slug/report/profile",
    path: () => `${a}/report/profile?period=2026`,
    allowed: READERS,
  },
  {
    method: "GET",
    name: "/agencies/:slug/report/reasons",
    path: () => `${a}/report/reasons?period=2026`,
    allowed: READERS,
  },
  { method: "GET", name: "/agencies/:slug/flagged", path: () => `${a}/flagged?period=2026-11`, allowed: READERS },
  {
    method: "GET",
    name: "/agencies/:slug/flagged/visits",
    path: () => `${a}/flagged/visits?period=2026-11`,
    allowed: READERS,
  },
  { method: "GET", name: "/agencies/:slug/comments", path: () => `${a}/comments?period=2026-11`, allowed: READERS },
  {
    method: "POST",
    name: "/agencies/:slug/ratings/:id/exclude",
    path: () => `${a}/ratings/${ratingId}/exclude`,
    allowed: MANAGERS,
  },
  {
    method: "POST",
    name: "/agencies/:slug/ratings/:id/include",
    path: () => `${a}/ratings/${ratingId}/include`,
    allowed: MANAGERS,
  },
  // Supervisors decide contests too (they may not exclude otherwise); officers never, not even their own.
  {
    method: "GET",
    name: "/agencies/:slug/contests",
    path: () => `${a}/contests?status=open`,
    allowed: READERS,
  },
  {
    method: "POST",
    name: "/agencies/:slug/contests/:id/decide",
    path: async () => `${a}/contests/${await openContest()}/decide`,
    body: () => ({ decision: "keep", note: "Diperiksa" }),
    allowed: READERS,
  },
  { method: "GET", name: "/agencies/:slug/services", path: () => `${a}/services`, allowed: READERS },
  {
    method: "POST",
    name: "/agencies/:slug/services",
    path: () => `${a}/services`,
    body: () => ({ slug: unique(), name: "Layanan Baru" }),
    allowed: MANAGERS,
  },
  {
    method: "PATCH",
    name: "/agencies/:slug/services/:id",
    path: async () => `${a}/services/${await made("services", { slug: unique(), name: "S" }, "service")}`,
    body: () => ({ name: "Ganti" }),
    allowed: MANAGERS,
  },
  {
    method: "DELETE",
    name: "/agencies/:slug/services/:id",
    path: async () => `${a}/services/${await made("services", { slug: unique(), name: "S" }, "service")}`,
    allowed: MANAGERS,
  },
  { method: "GET", name: "/agencies/:slug/counters", path: () => `${a}/counters`, allowed: READERS },
  {
    method: "POST",
    name: "/agencies/:slug/counters",
    path: () => `${a}/counters`,
    body: () => ({ code: unique(), name: "Loket Baru" }),
    allowed: MANAGERS,
  },
  {
    method: "PATCH",
    name: "/agencies/:slug/counters/:id",
    path: async () => `${a}/counters/${await made("counters", { code: unique(), name: "L" }, "counter")}`,
    body: () => ({ name: "Ganti" }),
    allowed: MANAGERS,
  },
  {
    method: "DELETE",
    name: "/agencies/:slug/counters/:id",
    path: async () => `${a}/counters/${await made("counters", { code: unique(), name: "L" }, "counter")}`,
    allowed: MANAGERS,
  },
  { method: "GET", name: "/agencies/:slug/officers", path: () => `${a}/officers`, allowed: READERS },
  {
    method: "POST",
    name: "/agencies/:slug/officers",
    path: () => `${a}/officers`,
    body: () => ({ nip: nip(), name: "Petugas Baru" }),
    allowed: MANAGERS,
  },
  {
    method: "PATCH",
    name: "/agencies/:slug/officers/:id",
    path: async () => `${a}/officers/${await made("officers", { nip: nip(), name: "P" }, "officer")}`,
    body: () => ({ name: "Ganti" }),
    allowed: MANAGERS,
  },
  {
    method: "DELETE",
    name: "/agencies/:slug/officers/:id",
    path: async () => `${a}/officers/${await made("officers", { nip: nip(), name: "P" }, "officer")}`,
    allowed: MANAGERS,
  },
  { method: "GET", name: "/agencies/:slug/users", path: () => `${a}/users`, allowed: READERS },
  {
    method: "POST",
    name: "/agencies/:slug/users",
    path: () => `${a}/users`,
    body: () => ({ email: `${unique()}@demo.suara.id`, name: "Staf", role: "supervisor", password: "long-enough-1" }),
    allowed: MANAGERS,
  },
  {
    method: "PATCH",
    name: "/agencies/:slug/users/:id",
    path: async () =>
      `${a}/users/${await made("users", { email: `${unique()}@demo.suara.id`, name: "U", role: "supervisor", password: "long-enough-1" }, "user")}`,
    body: () => ({ name: "Ganti" }),
    allowed: MANAGERS,
  },
  {
    method: "DELETE",
    name: "/agencies/:slug/users/:id",
    path: async () =>
      `${a}/users/${await made("users", { email: `${unique()}@demo.suara.id`, name: "U", role: "supervisor", password: "long-enough-1" }, "user")}`,
    allowed: MANAGERS,
  },
  {
    method: "POST",
    name: "/agencies/:slug/users/:id/password-reset",
    path: async () =>
      `${a}/users/${await made("users", { email: `${unique()}@demo.suara.id`, name: "U", role: "supervisor", password: "long-enough-1" }, "user")}/password-reset`,
    allowed: MANAGERS,
  },
  // Each person changes their own password once here (so "tokens" below signs in as someone else).
  {
    method: "POST",
    name: "/auth/password",
    path: () => "/api/v1/auth/password",
    body: (caller) => ({ currentPassword: PASSWORD, newPassword: `new-password-of-${caller}` }),
    allowed: PEOPLE,
  },
  { method: "GET", name: "/agencies/:slug/setup", path: () => `${a}/setup`, allowed: READERS },
  { method: "GET", name: "/agencies/:slug/audit", path: () => `${a}/audit`, allowed: MANAGERS },
  {
    method: "POST",
    name: "/agencies/:slug/officers/import",
    path: () => `${a}/officers/import`,
    // A preview (no `commit`): it checks the rows and writes nothing, so every allowed caller gets 200.
    body: () => ({ csv: `${nip()},Petugas Impor,Verifikator` }),
    allowed: MANAGERS,
  },
  { method: "GET", name: "/agencies/:slug/devices", path: () => `${a}/devices`, allowed: READERS },
  {
    method: "POST",
    name: "/agencies/:slug/devices",
    path: () => `${a}/devices`,
    body: () => ({ counter: "loket-4", name: "Tablet" }),
    allowed: MANAGERS,
  },
  {
    method: "DELETE",
    name: "/agencies/:slug/devices/:id",
    path: async () => `${a}/devices/${await made("devices", { counter: "loket-4", name: "T" }, "device")}`,
    allowed: MANAGERS,
  },
  { method: "GET", name: "/agencies/:slug/origins", path: () => `${a}/origins`, allowed: READERS },
  {
    method: "PUT",
    name: "/agencies/:slug/origins",
    path: () => `${a}/origins`,
    body: () => ({ origins: ["https://disdukcapil.tebingtinggikota.go.id"] }),
    allowed: MANAGERS,
  },
  // The stated population is the agency's own figure: its admins state it, everyone else reads it in the report.
  {
    method: "PUT",
    name: "/agencies/:slug/populations/:period",
    path: () => `${a}/populations/2026-S2`,
    body: () => ({ population: 1200 }),
    allowed: ["admin"],
  },
  {
    method: "DELETE",
    name: "/agencies/:slug/populations/:period",
    path: async () => {
      await t.call("PUT", `${a}/populations/2026-S1`, { token: tokens.admin, body: { population: 1200 } });
      return `${a}/populations/2026-S1`;
    },
    allowed: ["admin"],
  },
  // The follow-up plan (RTL): read with the report, written by the agency's own admins (each call on a row that exists).
  { method: "GET", name: "/agencies/:slug/follow-ups", path: () => `${a}/follow-ups?period=2026-S2`, allowed: READERS },
  {
    method: "POST",
    name: "/agencies/:slug/follow-ups",
    path: () => `${a}/follow-ups`,
    body: () => followUp(),
    allowed: ["admin"],
  },
  {
    method: "PATCH",
    name: "/agencies/:slug/follow-ups/:id",
    path: async () => `${a}/follow-ups/${await made("follow-ups", followUp(), "followUp")}`,
    body: () => ({ status: "in_progress" }),
    allowed: ["admin"],
  },
  {
    method: "DELETE",
    name: "/agencies/:slug/follow-ups/:id",
    path: async () => `${a}/follow-ups/${await made("follow-ups", followUp(), "followUp")}`,
    allowed: ["admin"],
  },
  // Publishing is the agency's own act: its admins only (its regional admin reads the list, as supervisors do).
  { method: "GET", name: "/agencies/:slug/publications", path: () => `${a}/publications`, allowed: READERS },
  {
    method: "POST",
    name: "/agencies/:slug/publications",
    path: () => `${a}/publications`,
    body: () => ({ period: "2026-S1" }),
    allowed: ["admin"],
  },
  // Alerts: each reader their own notifications (regional admins get none); the rules and webhook are the managers'.
  {
    method: "GET",
    name: "/agencies/:slug/notifications",
    path: () => `${a}/notifications`,
    allowed: ["supervisor", "admin"],
  },
  {
    method: "POST",
    name: "/agencies/:slug/notifications/read",
    path: () => `${a}/notifications/read`,
    body: () => ({ all: true }),
    allowed: ["supervisor", "admin"],
  },
  { method: "GET", name: "/agencies/:slug/alert-rules", path: () => `${a}/alert-rules`, allowed: MANAGERS },
  {
    method: "PUT",
    name: "/agencies/:slug/alert-rules/:rule",
    path: () => `${a}/alert-rules/low_faces`,
    body: () => ({ enabled: true, count: 4, minutes: 20 }),
    allowed: MANAGERS,
  },
  { method: "GET", name: "/agencies/:slug/webhook", path: () => `${a}/webhook`, allowed: MANAGERS },
  {
    method: "PUT",
    name: "/agencies/:slug/webhook",
    path: () => `${a}/webhook`,
    body: () => ({ url: "https://relay.example/suara", secret: "a-shared-secret-of-the-agency" }),
    allowed: MANAGERS,
  },
  {
    method: "DELETE",
    name: "/agencies/:slug/webhook",
    path: async () => {
      await t.call("PUT", `${a}/webhook`, {
        token: tokens.admin,
        body: { url: "https://relay.example/suara", secret: "a-shared-secret-of-the-agency" },
      });
      return `${a}/webhook`;
    },
    allowed: MANAGERS,
  },
  // The visit import's log mapping: the agency's admins who import (importVisits), no one else.
  {
    method: "GET",
    name: "/agencies/:slug/visit-import-mapping",
    path: () => `${a}/visit-import-mapping`,
    allowed: ["admin"],
  },
  {
    method: "PUT",
    name: "/agencies/:slug/visit-import-mapping",
    path: () => `${a}/visit-import-mapping`,
    body: () => ({ columns: { service: "Layanan" }, services: { KTP: "ktp-el" }, counters: {} }),
    allowed: ["admin"],
  },
  { method: "GET", name: "/agencies", path: () => "/api/v1/agencies", allowed: ["regional"] },
  {
    method: "POST",
    name: "/agencies",
    path: () => "/api/v1/agencies",
    body: () => ({ slug: unique(), name: "Dinas Baru", timezone: "Asia/Jakarta" }),
    allowed: ["regional"],
  },
  { method: "GET", name: "/me", path: () => "/api/v1/me", allowed: PEOPLE },
  { method: "GET", name: "/devices/self", path: () => "/api/v1/devices/self", allowed: ["device"] },
  {
    method: "PUT",
    name: "/devices/self/status",
    path: () => "/api/v1/devices/self/status",
    body: () => ({ waiting: 0, aside: 0 }),
    allowed: ["device"],
  },
  { method: "GET", name: "/me/score", path: () => "/api/v1/me/score?period=2026", allowed: ["officer"] },
  { method: "GET", name: "/me/comments", path: () => "/api/v1/me/comments?period=2026", allowed: ["officer"] },
  // Volume and speed: the agency's and any of its officers' for its readers; an officer only their own.
  { method: "GET", name: "/me/indicators", path: () => "/api/v1/me/indicators?period=2026", allowed: ["officer"] },
  { method: "GET", name: "/agencies/:slug/indicators", path: () => `${a}/indicators?period=2026`, allowed: READERS },
  {
    method: "GET",
    name: "/agencies/:slug/indicators.csv",
    path: () => `${a}/indicators.csv?period=2026`,
    allowed: READERS,
  },
  {
    method: "GET",
    name: "/agencies/:slug/officers/:id/indicators",
    path: () => `${a}/officers/${officerId}/indicators?period=2026`,
    allowed: READERS,
  },
  // Only an account linked to an officer, for a rating of their own (a colleague's is 404: contests.test.ts).
  {
    method: "POST",
    name: "/me/ratings/:id/contest",
    path: async () => `/api/v1/me/ratings/${await officerRating()}/contest`,
    body: () => ({ reason: "other", note: "Bukan layanan sungguhan" }),
    allowed: ["officer"],
  },
  // Officers answer: their own comments and feedback only (a colleague's is 404: routes/me/replies.test.ts,
  // routes/agencies/feedback.test.ts); feedback is written by supervisors and agency admins, read by readers.
  {
    method: "POST",
    name: "/me/comments/:id/reply",
    path: async () => `/api/v1/me/comments/${await officerRating()}/reply`,
    body: () => ({ text: "Terima kasih atas masukannya" }),
    allowed: ["officer"],
  },
  { method: "GET", name: "/me/feedback", path: () => "/api/v1/me/feedback?period=2026-S2", allowed: ["officer"] },
  {
    method: "POST",
    name: "/me/feedback/:id/acknowledge",
    path: async () => `/api/v1/me/feedback/${await feedbackGiven()}/acknowledge`,
    allowed: ["officer"],
  },
  {
    method: "GET",
    name: "/agencies/:slug/officers/:id/feedback",
    path: () => `${a}/officers/${officerId}/feedback`,
    allowed: READERS,
  },
  {
    method: "POST",
    name: "/agencies/:slug/officers/:id/feedback",
    path: () => `${a}/officers/${officerId}/feedback`,
    body: () => ({ period: "2026-S2", text: "Pertahankan" }),
    allowed: ["supervisor", "admin"],
  },
  // Counter codes are per agency: the other agency has no loket-2, so its admin is told it does not exist.
  {
    method: "GET",
    name: "/counters/loket-2/duty",
    path: () => "/api/v1/counters/loket-2/duty",
    allowed: STAFF,
    refused: { otherAdmin: 404 },
  },
  {
    method: "POST",
    name: "/counters/loket-2/duty",
    path: () => "/api/v1/counters/loket-2/duty",
    body: (caller) => (caller === "officer" ? {} : { officer: officerId }),
    allowed: STAFF,
    refused: { otherAdmin: 404 },
  },
  {
    method: "DELETE",
    name: "/counters/loket-2/duty",
    path: async () => {
      await onDuty();
      return "/api/v1/counters/loket-2/duty";
    },
    // Ending someone else's duty needs a reason; the officer ends their own.
    body: (caller) => (caller === "officer" ? undefined : { reason: "forgotten at closing time" }),
    allowed: STAFF,
    refused: { otherAdmin: 404 },
  },
  { method: "GET", name: "/agencies/:slug/duties", path: () => `${a}/duties`, allowed: READERS },
  {
    method: "POST",
    name: "/agencies/:slug/duties/:id/end",
    path: async () => {
      await onDuty();
      const board = await (await t.call("GET", `${a}/duties`, { token: tokens.admin })).json();
      const open = board.counters.find((counter: { code: string }) => counter.code === "loket-2");
      return `${a}/duties/${open.duty.id}/end`;
    },
    body: () => ({ reason: "forgotten at closing time" }),
    allowed: READERS,
  },
  { method: "GET", name: "/agencies/:slug/integration-keys", path: () => `${a}/integration-keys`, allowed: MANAGERS },
  {
    method: "POST",
    name: "/agencies/:slug/integration-keys",
    path: () => `${a}/integration-keys`,
    body: () => ({ name: `Antrean ${unique()}` }),
    allowed: MANAGERS,
  },
  {
    method: "DELETE",
    name: "/agencies/:slug/integration-keys/:id",
    path: async () => `${a}/integration-keys/${await made("integration-keys", { name: unique() }, "key")}`,
    allowed: MANAGERS,
  },
  // The other agency's admin reads their own loket-1.
  {
    method: "GET",
    name: "/counters/loket-1/duty",
    path: () => "/api/v1/counters/loket-1/duty",
    allowed: ["device", ...STAFF, "otherAdmin"],
  },
  {
    method: "POST",
    name: "/tickets",
    path: () => "/api/v1/tickets",
    // A key names the counter that served (the other agency has a loket-1 too).
    body: (caller) => ({ service: "ktp-el", ...(caller === "key" ? { counter: "loket-1" } : {}) }),
    allowed: ["device", "key", ...STAFF, "otherAdmin"],
  },
  {
    method: "POST",
    name: "/agencies/:slug/visits",
    path: () => `${a}/visits`,
    // Every call a new visit of loket-1, the device's own counter (the body is per caller, so ids are too).
    body: () => ({
      visits: [
        { id: unique(), service: "ktp-el", counter: "loket-1", servedAt: new Date(Date.now() - 60_000).toISOString() },
      ],
    }),
    allowed: ["device", "key", "admin"],
  },
];

beforeAll(async () => {
  t = await testApp();
  tokens.admin = await t.login();
  tokens.device = await t.pairDevice("loket-1", tokens.admin);
  const key = await t.call("POST", `${a}/integration-keys`, { token: tokens.admin, body: { name: "Antrean" } });
  tokens.key = (await key.json()).secret;
  tokens.unsigned = tokens.device;
  tokens.officer = await t.login({ nip: OFFICER_NIPS[0] });
  tokens.supervisor = await t.login({ email: DEMO_SUPERVISOR_EMAIL });
  tokens.otherAdmin = await t.login({ email: OTHER_ADMIN_EMAIL });
  tokens.regional = await t.login({ email: DEMO_REGIONAL_EMAIL });
  officerId = await t.officerId(OFFICER_NIPS[0]);
  ratingId = (await t.storeAt([rating()]))[0].id;
  // A respondent of 2026-S1 who answered every element: that period has an IKM to publish (and then public).
  await t.storeAt([
    rating({ createdAt: "2026-03-10T03:00:00Z", answers: Object.fromEntries(ELEMENT_IDS.map((e) => [e, 3])) }),
  ]);
});

describe.each(ROUTES.map((r) => [r.method, r.name, r] as const))("%s %s", (_method, _name, route) => {
  it.each(CALLERS)("as %s", async (caller) => {
    const path = await route.path();
    const signed = caller !== "unsigned";
    const res = await t.call(route.method, path, { body: route.body?.(caller), token: tokens[caller], signed });
    const text = await res.clone().text();
    if (route.allowed.includes(caller)) {
      expect(res.status, text).toBeGreaterThanOrEqual(200);
      expect(res.status, text).toBeLessThan(300);
    } else {
      const expected = caller === "anonymous" || !signed ? 401 : (route.refused?.[caller] ?? 403);
      expect(res.status, text).toBe(expected);
      expect((await res.json()).error.code).toEqual(signed ? expect.stringMatching(/^[a-z_]+$/) : "signature_required");
    }
  });
});

/**
 * An agency of another region (test-app's Jayapura agency, in Papua): the demo region's regional admin,
 * like the demo agency's own people, is refused there; its own admin is let in (so a refusal is the rule,
 * not a path that answers nobody).
 */
describe("another region's agency", () => {
  const other = `/api/v1/agencies/${OTHER_AGENCY}`;
  it.each([
    ["GET", "/report?period=2026"],
    ["GET", "/indicators?period=2026"],
    ["GET", "/setup"],
    ["GET", "/officers"],
    ["GET", "/audit"],
    ["GET", "/duties"],
    ["POST", "/services"],
    ["GET", "/alert-rules"],
    ["GET", "/webhook"],
  ])("%s %s", async (method, path) => {
    const body = method === "POST" ? () => ({ slug: unique(), name: "Layanan Baru" }) : () => undefined;
    for (const caller of ["regional", "admin", "supervisor"] as const) {
      const res = await t.call(method, `${other}${path}`, { token: tokens[caller], body: body() });
      expect(res.status, `${caller}: ${await res.clone().text()}`).toBe(403);
    }
    const own = await t.call(method, `${other}${path}`, { token: tokens.otherAdmin, body: body() });
    expect(own.status, await own.text()).toBe(200);
  });
});

describe("public routes need no sign-in", () => {
  it.each([
    ["GET", "/health"],
    ["GET", `${a}/form`],
    ["GET", `/api/v1/public/agencies/${AGENCY}/publications`],
    ["GET", `/publik/${AGENCY}`],
    ["GET", "/api/v1/openapi.json"],
  ])("%s %s", async (method, path) => {
    expect((await t.call(method, path)).status).toBe(200);
  });
});

describe("tokens", () => {
  it("refuses a made-up bearer token with 401", async () => {
    const res = await t.call("GET", "/api/v1/me", { token: "ses_madeup" });
    expect(res.status).toBe(401);
  });

  it("ends a session at logout", async () => {
    const token = await t.login({ nip: OFFICER_NIPS[1] });
    expect((await t.call("POST", "/api/v1/auth/logout", { token })).status).toBe(200);
    expect((await t.call("GET", "/api/v1/me", { token })).status).toBe(401);
  });
});
