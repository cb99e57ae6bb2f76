/**
 * The follow-up plan (RTL) of a named period through the API, with ratings stored both ways: the
 * report's proposed priority elements, writing and changing rows (audited old → new), the bounds of
 * what a row holds, and who may read and write it.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { ELEMENT_IDS } from "../../../core/questionnaire.ts";
import { DEMO_REGIONAL_EMAIL, DEMO_SUPERVISOR_EMAIL } from "../../../db/seed.ts";
import {
  AGENCY_PATH,
  OFFICER_NIPS,
  OTHER_ADMIN_EMAIL,
  OTHER_AGENCY,
  rating,
  STORES,
  type TestApp,
  testApp,
} from "../../test-app.ts";

const plan = `${AGENCY_PATH}/follow-ups`;
const row = (fields: Record<string, unknown> = {}) => ({
  period: "2026-S2",
  element: "waktu",
  action: "Menambah satu loket perekaman KTP-el pada jam sibuk",
  due: "2027-Q1",
  responsible: "Kepala Bidang Pelayanan",
  ...fields,
});

/** Four respondents' answers per element: waktu 1.75, sarana 2, prosedur 2.25, persyaratan 2.5, kompetensi 3, the rest 4. */
const ANSWERS: Record<string, number[]> = {
  waktu: [1, 2, 2, 2],
  sarana: [2, 2, 2, 2],
  prosedur: [2, 2, 2, 3],
  persyaratan: [2, 2, 3, 3],
  kompetensi: [3, 3, 3, 3],
};

describe.each(STORES)("follow-ups, ratings stored through the %s", (store) => {
  let t: TestApp;
  let admin: string;
  beforeEach(async () => {
    t = await testApp({ store });
    admin = await t.login();
    await t.storeAt(
      [0, 1, 2, 3].map((person) =>
        rating({
          overall: undefined,
          createdAt: "2026-08-10T03:00:00Z",
          answers: Object.fromEntries(ELEMENT_IDS.map((id) => [id, ANSWERS[id]?.[person] ?? 4])),
        }),
      ),
    );
  });

  const write = async (token: string, body: unknown) => {
    const res = await t.call("POST", plan, { token, body });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()).followUp;
  };
  const read = async (token: string, period = "2026-S2") => {
    const res = await t.call("GET", `${plan}?period=${period}`, { token });
    expect(res.status, await res.clone().text()).toBe(200);
    return res.json();
  };
  const audit = async () =>
    (await (await t.call("GET", `${AGENCY_PATH}/audit?action=follow_up`, { token: admin })).json()).entries;

  it("proposes the three lowest NRR and any element below band C, each with its NRR, band and whether it is planned", async () => {
    await write(admin, row());
    const { proposed, followUps } = await read(admin);
    expect(
      proposed.map((p: Record<string, unknown>) => [p.element, p.nrr, p.mutu, p.lowest, p.belowC, p.planned]),
    ).toEqual([
      ["waktu", 1.75, "D", true, true, true],
      ["sarana", 2, "D", true, true, false],
      ["prosedur", 2.25, "D", true, true, false],
      ["persyaratan", 2.5, "D", false, true, false],
    ]);
    expect(followUps).toHaveLength(1);
    // The period's own figures only: a semester without ratings proposes nothing.
    expect((await read(admin, "2026-S1")).proposed).toEqual([]);
  });

  it("writes a row, changes it step by step to done, and audits each change old → new", async () => {
    const made = await write(admin, row());
    expect(made).toMatchObject({ ...row(), status: "planned", note: null, updatedAt: null });
    const patch = (body: unknown) => t.call("PATCH", `${plan}/${made.id}`, { token: admin, body });
    expect((await (await patch({ status: "in_progress" })).json()).followUp.status).toBe("in_progress");
    const done = await patch({ status: "done", note: "Loket 5 dibuka sejak 6 Januari 2027." });
    expect(done.status).toBe(200);
    const now = (await done.json()).followUp;
    expect(now).toMatchObject({ status: "done", note: "Loket 5 dibuka sejak 6 Januari 2027." });
    expect(Date.parse(now.updatedAt)).toBeGreaterThan(Date.now() - 60_000);
    // Nothing new, nothing written: the same status again leaves no audit entry.
    expect((await patch({ status: "done" })).status).toBe(200);
    expect((await read(admin)).followUps).toEqual([now]);
    const entries = await audit();
    expect(entries.map((e: { action: string; details: unknown }) => [e.action, e.details])).toEqual([
      [
        "follow_up.update",
        {
          period: "2026-S2",
          element: "waktu",
          from: { status: "in_progress", note: null },
          to: { status: "done", note: "Loket 5 dibuka sejak 6 Januari 2027." },
        },
      ],
      [
        "follow_up.update",
        { period: "2026-S2", element: "waktu", from: { status: "planned" }, to: { status: "in_progress" } },
      ],
      ["follow_up.create", { ...row(), status: "planned", note: null }],
    ]);
  });

  it("deletes a mistaken planned row (audited with what it held), but keeps one under way", async () => {
    const mistaken = await write(admin, row({ element: "sarana" }));
    const started = await write(admin, row({ status: "in_progress" }));
    const res = await t.call("DELETE", `${plan}/${mistaken.id}`, { token: admin });
    expect(res.status).toBe(200);
    const kept = await t.call("DELETE", `${plan}/${started.id}`, { token: admin });
    expect(kept.status).toBe(409);
    expect((await kept.json()).error.code).toBe("conflict");
    expect((await read(admin)).followUps.map((f: { id: string }) => f.id)).toEqual([started.id]);
    const [deleted] = await audit();
    expect(deleted).toMatchObject({
      action: "follow_up.delete",
      details: { ...row({ element: "sarana" }), status: "planned" },
    });
    expect((await t.call("DELETE", `${plan}/${mistaken.id}`, { token: admin })).status).toBe(404);
  });

  it("shows the previous named period's plan with how far it got", async () => {
    const earlier = await write(admin, row({ period: "2026-S1", element: "sarana", due: "2026-09" }));
    await t.call("PATCH", `${plan}/${earlier.id}`, { token: admin, body: { status: "done" } });
    const { previous } = await read(admin);
    expect(previous).toMatchObject({ period: "2026-S1", followUps: [{ element: "sarana", status: "done" }] });
    expect((await read(admin, "2027")).previous).toEqual({ period: "2026", followUps: [] });
  });
});

describe("what a row may hold", () => {
  let t: TestApp;
  let admin: string;
  beforeEach(async () => {
    t = await testApp();
    admin = await t.login();
  });

  it.each([
    ["a due date that is neither month nor quarter", row({ due: "2027-S1" })],
    ["month 13", row({ due: "2027-13" })],
    ["a due date as a day", row({ due: "2027-01-15" })],
    ["an element not of the nine", row({ element: "kebersihan" })],
    ["a from/to range as period", row({ period: "2026-07-01..2026-12-31" })],
    ["a semester that is not one", row({ period: "2026-S3" })],
    ["an empty action", row({ action: "   " })],
    ["an action over 500 characters", row({ action: "a".repeat(501) })],
    ["a person responsible over 120 characters", row({ responsible: "b".repeat(121) })],
    ["a note over 500 characters", row({ note: "c".repeat(501) })],
    ["an unknown status", row({ status: "cancelled" })],
    ["another field", row({ budget: 1000 })],
    ["no person responsible", { ...row(), responsible: undefined }],
  ])("refuses %s with a 400, and writes nothing", async (_what, body) => {
    const res = await t.call("POST", `${AGENCY_PATH}/follow-ups`, { token: admin, body });
    expect(res.status, await res.clone().text()).toBe(400);
    expect((await res.json()).error.code).toBe("invalid_request");
    const { followUps } = await (await t.call("GET", `${plan}?period=2026-S2`, { token: admin })).json();
    expect(followUps).toEqual([]);
  });

  it.each([
    ["nothing", {}],
    ["a new period", { period: "2026-S1" }],
    ["a new element", { element: "sarana" }],
    ["an unknown status", { status: "cancelled" }],
    ["an empty program", { action: "" }],
  ])("refuses a change of %s with a 400", async (_what, body) => {
    const { followUp } = await (await t.call("POST", plan, { token: admin, body: row() })).json();
    const res = await t.call("PATCH", `${plan}/${followUp.id}`, { token: admin, body });
    expect(res.status, await res.clone().text()).toBe(400);
    expect((await res.json()).error.code).toBe("invalid_request");
  });

  it.each(["", "period=2026-07-01..2026-12-31", "period=semester", "from=2026-07-01&to=2026-12-31"])(
    "refuses to read ?%s with a 400",
    async (query) => {
      const res = await t.call("GET", `${plan}?${query}`, { token: admin });
      expect(res.status).toBe(400);
    },
  );
});

describe("who may read and write the plan", () => {
  it("lets the agency's readers read and only its admins write; nobody else, and never another agency's row", async () => {
    const t = await testApp();
    const admin = await t.login();
    const { followUp } = await (await t.call("POST", plan, { token: admin, body: row() })).json();
    const callers = {
      officer: await t.login({ nip: OFFICER_NIPS[0] }),
      supervisor: await t.login({ email: DEMO_SUPERVISOR_EMAIL }),
      regional: await t.login({ email: DEMO_REGIONAL_EMAIL }),
      otherAdmin: await t.login({ email: OTHER_ADMIN_EMAIL }),
      device: await t.pairDevice("loket-1", admin),
      nobody: undefined,
    };
    const readers = ["supervisor", "regional"];
    for (const [who, token] of Object.entries(callers)) {
      const refused = who === "nobody" ? 401 : 403;
      const get = await t.call("GET", `${plan}?period=2026-S2`, { token });
      expect(get.status, `GET as ${who}`).toBe(readers.includes(who) ? 200 : refused);
      const writes = [
        await t.call("POST", plan, { token, body: row() }),
        await t.call("PATCH", `${plan}/${followUp.id}`, { token, body: { status: "done" } }),
        await t.call("DELETE", `${plan}/${followUp.id}`, { token }),
      ];
      expect(
        writes.map((r) => r.status),
        `writes as ${who}`,
      ).toEqual([refused, refused, refused]);
    }
    const { followUps } = await (await t.call("GET", `${plan}?period=2026-S2`, { token: admin })).json();
    expect(followUps).toEqual([followUp]);
    // Another agency's admin writes their own plan; its row is not found under this agency.
    const other = await t.call("POST", `/api/v1/agencies/${OTHER_AGENCY}/follow-ups`, {
      token: callers.otherAdmin,
      body: row(),
    });
    expect(other.status).toBe(200);
    const theirs = (await other.json()).followUp.id;
    const crossed = await t.call("PATCH", `${plan}/${theirs}`, { token: admin, body: { status: "done" } });
    expect(crossed.status).toBe(404);
  });
});
