/**
 * The population an agency states per named period: only its own admins state or withdraw it,
 * bad values are 400s, and the report's minimum sample follows it for every reader.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { DEMO_REGIONAL_EMAIL, DEMO_SUPERVISOR_EMAIL } from "../../../db/seed.ts";
import { AGENCY, OFFICER_NIPS, OTHER_ADMIN_EMAIL, testApp } from "../../test-app.ts";

type TestApp = Awaited<ReturnType<typeof testApp>>;
let t: TestApp;
let admin: string;
beforeEach(async () => {
  t = await testApp();
  admin = await t.login();
});

const populations = (period: string) => `/api/v1/agencies/${AGENCY}/populations/${period}`;
const report = async (token: string, query = "period=2026-S2") => {
  const res = await t.call("GET", `/api/v1/agencies/${AGENCY}/report?${query}`, { token });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()).sampleSize;
};

describe("PUT /api/v1/agencies/:slug/populations/:period", () => {
  it("keeps the number for the period: every reader's report, on any computer, takes the table's minimum for it", async () => {
    const res = await t.call("PUT", populations("2026-S2"), { token: admin, body: { population: 100 } });
    expect(res.status, await res.clone().text()).toBe(200);
    const stated = await res.json();
    expect(stated).toMatchObject({ period: "2026-S2", population: 100, statedBy: expect.any(String) });
    expect(Date.parse(stated.statedAt)).toBeGreaterThan(Date.now() - 60_000);
    for (const token of [
      admin,
      await t.login({ email: DEMO_SUPERVISOR_EMAIL }),
      await t.login({ email: DEMO_REGIONAL_EMAIL }),
    ]) {
      expect(await report(token)).toMatchObject({
        population: 100,
        populationSource: "stated",
        statedBy: stated.statedBy,
        statedAt: stated.statedAt,
        required: 80,
      });
    }
    // Another period keeps its own (none): a semester's population is not a month's.
    expect(await report(admin, "period=2026-11")).toMatchObject({
      population: null,
      populationSource: null,
      required: 384,
    });
  });

  it("restates the number, and the report's population= still stands over it for one view", async () => {
    await t.call("PUT", populations("2026-S2"), { token: admin, body: { population: 100 } });
    const res = await t.call("PUT", populations("2026-S2"), { token: admin, body: { population: 1000 } });
    expect((await res.json()).population).toBe(1000);
    expect(await report(admin)).toMatchObject({ population: 1000, required: 278 });
    expect(await report(admin, "period=2026-S2&population=100")).toMatchObject({
      population: 100,
      populationSource: "query",
      statedBy: null,
      required: 80,
    });
  });

  it("keeps nothing for a from/to range: the report asks per view there", async () => {
    await t.call("PUT", populations("2026-S2"), { token: admin, body: { population: 100 } });
    expect(await report(admin, "from=2026-07-01&to=2026-12-31")).toMatchObject({ population: null, required: 384 });
    const res = await t.call("PUT", populations("2026-07-01..2026-12-31"), { token: admin, body: { population: 100 } });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("invalid_period");
  });

  it.each([
    ["zero", { population: 0 }],
    ["negative", { population: -5 }],
    ["a fraction", { population: 12.5 }],
    ["text", { population: "1200" }],
    ["over a hundred million", { population: 100_000_001 }],
    ["missing", {}],
    ["with another field", { population: 100, note: "x" }],
  ])("refuses %s with a 400", async (_what, body) => {
    const res = await t.call("PUT", populations("2026-S2"), { token: admin, body });
    expect(res.status, await res.clone().text()).toBe(400);
    expect((await res.json()).error.code).toBe("invalid_request");
    expect(await report(admin)).toMatchObject({ population: null, required: 384 });
  });

  it.each(["2026-S3", "semester", "2026-13"])("refuses the period %s with a 400", async (period) => {
    const res = await t.call("PUT", populations(period), { token: admin, body: { population: 100 } });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("invalid_period");
  });

  it("lets only the agency's own admins state it: not its officer, supervisor or regional admin, nor another agency's admin", async () => {
    const callers = {
      officer: await t.login({ nip: OFFICER_NIPS[0] }),
      supervisor: await t.login({ email: DEMO_SUPERVISOR_EMAIL }),
      regional: await t.login({ email: DEMO_REGIONAL_EMAIL }),
      otherAdmin: await t.login({ email: OTHER_ADMIN_EMAIL }),
    };
    for (const [who, token] of Object.entries(callers)) {
      for (const method of ["PUT", "DELETE"]) {
        const res = await t.call(method, populations("2026-S2"), {
          token,
          body: method === "PUT" ? { population: 100 } : undefined,
        });
        expect(res.status, `${method} as ${who}`).toBe(403);
      }
    }
    const anonymous = await t.call("PUT", populations("2026-S2"), { body: { population: 100 } });
    expect(anonymous.status).toBe(401);
    expect(await report(admin)).toMatchObject({ population: null, required: 384 });
  });
});

describe("DELETE /api/v1/agencies/:slug/populations/:period", () => {
  it("withdraws it: the report assumes 384 again, and both changes are in the audit log", async () => {
    await t.call("PUT", populations("2026-S2"), { token: admin, body: { population: 100 } });
    const res = await t.call("DELETE", populations("2026-S2"), { token: admin });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toEqual({ period: "2026-S2", population: null, statedBy: null, statedAt: null });
    expect(await report(admin)).toMatchObject({ population: null, populationSource: null, required: 384 });
    const audit = await (
      await t.call("GET", `/api/v1/agencies/${AGENCY}/audit?action=population`, { token: admin })
    ).json();
    expect(audit.entries.map((e: { action: string; details: unknown }) => [e.action, e.details])).toEqual([
      ["population.withdraw", { period: "2026-S2", population: 100 }],
      ["population.state", { period: "2026-S2", population: 100 }],
    ]);
  });

  it("answers 404 when nothing was stated for the period", async () => {
    const res = await t.call("DELETE", populations("2026-S2"), { token: admin });
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe("not_found");
  });
});
