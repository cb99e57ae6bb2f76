/**
 * The role matrix: every non-public route, called by every kind of caller.
 * Callers outside a route's rule get 401 (nobody signed in) or 403/404 (the
 * wrong role, agency or counter); callers inside it get past the rule.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_REGIONAL_EMAIL, DEMO_SUPERVISOR_EMAIL } from "../db/seed.ts";
import { AGENCY, OFFICER_NIPS, OTHER_ADMIN_EMAIL, testApp } from "./test-app.ts";

type Caller = "anonymous" | "device" | "officer" | "supervisor" | "admin" | "otherAdmin" | "regional";
const CALLERS: Caller[] = ["anonymous", "device", "officer", "supervisor", "admin", "otherAdmin", "regional"];
const READERS: Caller[] = ["supervisor", "admin", "regional"];
const MANAGERS: Caller[] = ["admin", "regional"];
const PEOPLE: Caller[] = ["officer", "supervisor", "admin", "otherAdmin", "regional"];

const a = `/api/v1/agencies/${AGENCY}`;
const unique = () => `x${Math.random().toString(36).slice(2, 8)}`;

/** [method, path, body, callers allowed past the rule] */
const ROUTES: [string, string, () => unknown, Caller[]][] = [
  ["GET", `${a}/report?period=2026`, () => undefined, READERS],
  ["GET", `${a}/ratings.csv?period=2026-11`, () => undefined, READERS],
  ["GET", `${a}/services`, () => undefined, READERS],
  ["POST", `${a}/services`, () => ({ slug: unique(), name: "Layanan Baru" }), MANAGERS],
  ["PATCH", `${a}/services/svc_missing`, () => ({ name: "Ganti" }), MANAGERS],
  ["DELETE", `${a}/services/svc_missing`, () => undefined, MANAGERS],
  ["GET", `${a}/counters`, () => undefined, READERS],
  ["POST", `${a}/counters`, () => ({ code: unique(), name: "Loket Baru" }), MANAGERS],
  ["PATCH", `${a}/counters/ctr_missing`, () => ({ name: "Ganti" }), MANAGERS],
  ["DELETE", `${a}/counters/ctr_missing`, () => undefined, MANAGERS],
  ["GET", `${a}/officers`, () => undefined, READERS],
  [
    "POST",
    `${a}/officers`,
    () => ({ nip: String(Math.floor(Math.random() * 1e17)).padStart(18, "1"), name: "Petugas Baru" }),
    MANAGERS,
  ],
  ["PATCH", `${a}/officers/off_missing`, () => ({ name: "Ganti" }), MANAGERS],
  ["DELETE", `${a}/officers/off_missing`, () => undefined, MANAGERS],
  ["GET", `${a}/users`, () => undefined, READERS],
  [
    "POST",
    `${a}/users`,
    () => ({ email: `${unique()}@demo.suara.id`, name: "Staf", role: "supervisor", password: "long-enough-1" }),
    MANAGERS,
  ],
  ["PATCH", `${a}/users/usr_missing`, () => ({ name: "Ganti" }), MANAGERS],
  ["DELETE", `${a}/users/usr_missing`, () => undefined, MANAGERS],
  ["GET", `${a}/devices`, () => undefined, READERS],
  ["POST", `${a}/devices`, () => ({ counter: "loket-4", name: "Tablet" }), MANAGERS],
  ["DELETE", `${a}/devices/dev_missing`, () => undefined, MANAGERS],
  ["GET", `${a}/origins`, () => undefined, READERS],
  ["PUT", `${a}/origins`, () => ({ origins: ["https://disdukcapil.tebingtinggikota.go.id"] }), MANAGERS],
  ["GET", "/api/v1/agencies", () => undefined, ["regional"]],
  ["POST", "/api/v1/agencies", () => ({ slug: unique(), name: "Dinas Baru", timezone: "Asia/Jakarta" }), ["regional"]],
  ["GET", "/api/v1/me", () => undefined, PEOPLE],
  ["GET", "/api/v1/me/score?period=2026", () => undefined, ["officer"]],
  ["GET", "/api/v1/me/comments?period=2026", () => undefined, ["officer"]],
  ["GET", "/api/v1/counters/loket-2/duty", () => undefined, ["officer", "supervisor", "admin"]],
  ["POST", "/api/v1/counters/loket-2/duty", () => ({}), ["officer", "supervisor", "admin"]],
  ["DELETE", "/api/v1/counters/loket-2/duty", () => undefined, ["officer", "supervisor", "admin"]],
  // Counter codes are per agency: the other agency's admin reads their own loket-1.
  ["GET", "/api/v1/counters/loket-1/duty", () => undefined, ["device", "officer", "supervisor", "admin", "otherAdmin"]],
  [
    "POST",
    "/api/v1/tickets",
    () => ({ service: "ktp-el" }),
    ["device", "officer", "supervisor", "admin", "otherAdmin"],
  ],
];

let t: Awaited<ReturnType<typeof testApp>>;
const tokens: Partial<Record<Caller, string>> = {};

beforeAll(async () => {
  t = await testApp();
  tokens.admin = await t.login();
  tokens.device = await t.pairDevice("loket-1", tokens.admin);
  tokens.officer = await t.login({ nip: OFFICER_NIPS[0] });
  tokens.supervisor = await t.login({ email: DEMO_SUPERVISOR_EMAIL });
  tokens.otherAdmin = await t.login({ email: OTHER_ADMIN_EMAIL });
  tokens.regional = await t.login({ email: DEMO_REGIONAL_EMAIL });
});

describe.each(ROUTES)("%s %s", (method, path, body, allowed) => {
  it.each(CALLERS)("as %s", async (caller) => {
    const res = await t.call(method, path, { body: body(), token: tokens[caller] });
    if (allowed.includes(caller)) {
      expect(res.status, await res.clone().text()).not.toBe(401);
      expect(res.status).not.toBe(403);
      expect(res.status).toBeLessThan(500);
    } else {
      expect([401, 403, 404]).toContain(res.status);
      if (caller === "anonymous") expect(res.status).toBe(401);
      const json = await res.json();
      expect(json.error.code).toMatch(/^[a-z_]+$/);
    }
  });
});

describe("public routes need no sign-in", () => {
  it.each([
    ["GET", "/health"],
    ["GET", `${a}/form`],
    ["GET", `/api/v1/public/agencies/${AGENCY}/ikm`],
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
    const token = await t.login({ email: DEMO_SUPERVISOR_EMAIL });
    expect((await t.call("POST", "/api/v1/auth/logout", { token })).status).toBe(200);
    expect((await t.call("GET", "/api/v1/me", { token })).status).toBe(401);
  });
});
