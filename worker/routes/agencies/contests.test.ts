import { and, asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { newId } from "../../../core/ids.ts";
import { rebuildRollups } from "../../../db/queries/rollups.ts";
import { agencies, auditLog, officers, ratings, services, users } from "../../../db/schema.ts";
import { DEMO_SUPERVISOR_EMAIL } from "../../../db/seed.ts";
import { AGENCY, OFFICER_NIPS, OTHER_AGENCY, rating, STORES, testApp } from "../../test-app.ts";

let t: Awaited<ReturnType<typeof testApp>>;
let admin: string;
let officer: string;
let supervisor: string;

const path = `/api/v1/agencies/${AGENCY}`;
const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const todays = () => `from=${today()}&to=${today()}`;
const report = async () => (await t.call("GET", `${path}/report?${todays()}`, { token: admin })).json();
const contest = (id: string, token = officer, body: unknown = { reason: "not_served_by_me", note: "Saya istirahat" }) =>
  t.call("POST", `/api/v1/me/ratings/${id}/contest`, { token, body });
const decide = (id: string, decision: "keep" | "exclude", token = supervisor, note = "Sudah dicek di CCTV") =>
  t.call("POST", `${path}/contests/${id}/decide`, { token, body: { decision, note } });
const flagsOf = async (id: string) =>
  (await t.db.select({ flags: ratings.flags, counted: ratings.counted }).from(ratings).where(eq(ratings.id, id)))[0];
const audits = async (target: string) =>
  (await t.db.select().from(auditLog).where(eq(auditLog.target, target)).orderBy(asc(auditLog.id))).map(
    (a) => a.action,
  );
const myComments = async () =>
  (await (await t.call("GET", `/api/v1/me/comments?${todays()}`, { token: officer })).json()).comments as {
    id: string;
    contest: { decision: string | null; decisionNote: string | null; reason: string } | null;
  }[];
const rollups = () => t.rollups();

/** Three commented taps at loket-1 while the first demo officer is on duty, 20 s apart (none a rapid repeat). */
async function served() {
  const device = await t.staffAllDay("loket-1", OFFICER_NIPS[0], admin);
  const start = Date.now();
  const made = [1, 2, 4].map((overall, i) =>
    rating({
      channel: "kiosk",
      overall,
      answers: { kompetensi: overall, perilaku: overall },
      comment: `Komentar ${i}`,
      createdAt: new Date(start + i * 20_000).toISOString(),
    }),
  );
  const res = await t.call("POST", "/api/v1/ratings", { token: device, body: { ratings: made } });
  expect((await res.json()).results.map((r: { status: string }) => r.status)).toEqual([
    "accepted",
    "accepted",
    "accepted",
  ]);
  return made;
}

/** The contest id of a contested rating, as the officer's comments carry it. */
const contestId = async (ratingId: string) => {
  const res = await contest(ratingId);
  expect(res.status).toBe(200);
  return (await res.json()).contest.id as string;
};

describe.each(STORES)("contests, ratings stored through the %s", (store) => {
  beforeEach(async () => {
    t = await testApp({ store });
    admin = await t.login();
    officer = await t.login({ nip: OFFICER_NIPS[0] });
    supervisor = await t.login({ email: DEMO_SUPERVISOR_EMAIL });
  });

  it("an officer contests a rating of theirs once: flagged contested, still counted, audited; again is 409", async () => {
    const made = await served();
    const before = await report();
    const res = await contest(made[0].id);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.contest).toMatchObject({ reason: "not_served_by_me", note: "Saya istirahat", decision: null });
    expect(body.rating).toEqual({ id: made[0].id, flags: ["contested"], counted: true });
    expect(await flagsOf(made[0].id)).toEqual({ flags: ["contested"], counted: true });
    // It counts until decided: the report is the same.
    expect(await report()).toEqual(before);
    expect(await audits(made[0].id)).toEqual(["rating.contest"]);

    const again = await contest(made[0].id, officer, { reason: "abusive" });
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe("already_contested");
    expect(await audits(made[0].id)).toEqual(["rating.contest"]);

    // The officer's comments carry each rating's id and its contest.
    const comments = await myComments();
    expect(comments.map((c) => c.id).sort()).toEqual(made.map((m) => m.id).sort());
    expect(comments.find((c) => c.id === made[0].id)?.contest).toMatchObject({
      reason: "not_served_by_me",
      decision: null,
    });
    expect(comments.find((c) => c.id === made[1].id)?.contest).toBeNull();
  });

  it("a colleague's rating, another agency's and a made-up id are all 404, and stay unflagged", async () => {
    const made = await served();
    const colleague = await t.login({ nip: OFFICER_NIPS[1] });
    const res = await contest(made[0].id, colleague);
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe("not_found");
    expect(await flagsOf(made[0].id)).toEqual({ flags: [], counted: true });

    const [other] = await t.db.select().from(agencies).where(eq(agencies.slug, OTHER_AGENCY));
    const [otherService] = await t.db.select().from(services).where(eq(services.agencyId, other.id));
    const [otherOfficer] = await t.db.select().from(officers).where(eq(officers.agencyId, other.id));
    const foreign = crypto.randomUUID();
    await t.db.insert(ratings).values({
      id: foreign,
      agencyId: other.id,
      serviceId: otherService.id,
      officerId: otherOfficer.id,
      channel: "widget",
      overall: 1,
      createdAt: Date.now(),
      receivedAt: Date.now(),
      day: today(),
      counted: true,
      batch: newId("b"),
    });
    expect((await contest(foreign)).status).toBe(404);
    expect((await contest(crypto.randomUUID())).status).toBe(404);
    expect(await audits(foreign)).toEqual([]);
  });

  it("wants a known reason, a note for 'other', and at most 500 characters", async () => {
    const made = await served();
    const codes = async (body: unknown) => {
      const res = await contest(made[0].id, officer, body);
      return [res.status, (await res.json()).error?.code];
    };
    expect(await codes({ reason: "dislike" })).toEqual([400, "invalid_request"]);
    expect(await codes({ reason: "other", note: "  " })).toEqual([400, "invalid_request"]);
    expect(await codes({ reason: "abusive", note: "x".repeat(501) })).toEqual([400, "invalid_request"]);
    expect(await flagsOf(made[0].id)).toEqual({ flags: [], counted: true });
    expect(await codes({ reason: "other", note: "Warga salah tekan" })).toEqual([200, undefined]);
  });

  it("keep: the flag comes off, the rating still counts, the report is unchanged; a second decision is 409", async () => {
    const made = await served();
    const id = await contestId(made[0].id);
    const before = await report();
    const res = await decide(id, "keep");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.contest).toMatchObject({ id, decision: "kept", decisionNote: "Sudah dicek di CCTV" });
    expect(body.rating).toEqual({ id: made[0].id, flags: [], counted: true });
    expect(await report()).toEqual(before);

    const again = await decide(id, "exclude", admin);
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe("already_decided");
    expect(await flagsOf(made[0].id)).toEqual({ flags: [], counted: true });
    expect(await report()).toEqual(before);
    expect(await audits(id)).toEqual(["contest.decide"]);
    // The officer sees the decision and why.
    expect((await myComments()).find((c) => c.id === made[0].id)?.contest).toMatchObject({
      decision: "kept",
      decisionNote: "Sudah dicek di CCTV",
    });
  });

  it("exclude: the report moves by exactly that rating and the rollups equal a recount", async () => {
    const made = await served();
    const id = await contestId(made[0].id);
    const before = await report();
    const res = await decide(id, "exclude");
    expect(res.status).toBe(200);
    expect((await res.json()).rating).toEqual({ id: made[0].id, flags: ["excluded"], counted: false });
    const after = await report();
    expect(after.quick.n).toBe(before.quick.n - 1);
    expect(after.respondents).toBe(before.respondents - 1);
    expect(after.elements.kompetensi.n).toBe(before.elements.kompetensi.n - 1);
    expect(after.byOfficer[0].n).toBe(before.byOfficer[0].n - 1);
    // Faces 2 and 4 still count; the excluded 1 is gone from the officer's spread.
    const score = await (await t.call("GET", `/api/v1/me/score?${todays()}`, { token: officer })).json();
    expect(score.faces).toEqual([0, 1, 0, 1]);
    const kept = await rollups();
    const [agency] = await t.db.select().from(agencies).where(eq(agencies.slug, AGENCY));
    await rebuildRollups(t.db, agency.id);
    expect(await rollups()).toEqual(kept);
    expect(await audits(made[0].id)).toEqual(["rating.contest", "rating.exclude"]);
    expect(await audits(id)).toEqual(["contest.decide"]);
    expect((await myComments()).find((c) => c.id === made[0].id)?.contest?.decision).toBe("excluded");
    expect((await decide(id, "keep")).status).toBe(409);
    expect(await report()).toEqual(after);
  });

  it("officers may not decide, not even their own; nor may anyone linked to the contesting officer", async () => {
    const made = await served();
    const id = await contestId(made[0].id);
    const own = await decide(id, "exclude", officer);
    expect(own.status).toBe(403);
    const colleague = await t.login({ nip: OFFICER_NIPS[1] });
    expect((await decide(id, "exclude", colleague)).status).toBe(403);
    // An officer made supervisor (their account keeps its officer link) is refused their own contest too.
    const linked = await t.officerId(OFFICER_NIPS[0]);
    await t.db.update(users).set({ role: "supervisor" }).where(eq(users.officerId, linked));
    expect((await decide(id, "keep", officer)).status).toBe(403);
    expect(await flagsOf(made[0].id)).toEqual({ flags: ["contested"], counted: true });
    expect((await decide(id, "keep")).status).toBe(200);
  });

  it("lists open contests with their ratings for supervisors, then decided ones with their decision", async () => {
    const made = await served();
    const first = await contestId(made[0].id);
    const second = await contestId(made[1].id);
    const list = async (status: string) =>
      (await t.call("GET", `${path}/contests?status=${status}`, { token: supervisor })).json();
    const open = await list("open");
    expect(open).toMatchObject({ status: "open", open: 2, page: 1, more: false });
    expect(open.contests.map((c: { id: string }) => c.id)).toEqual([first, second]);
    expect(open.contests[0]).toMatchObject({
      reason: "not_served_by_me",
      note: "Saya istirahat",
      decision: null,
      officer: { name: "Siti Rahmawati, S.Kom" },
      rating: { id: made[0].id, overall: 1, comment: "Komentar 0", service: "KTP Elektronik", counter: "loket-1" },
    });
    expect(open.contests[0].rating.createdAt).toBe(made[0].createdAt);
    await decide(second, "exclude");
    const decided = await list("decided");
    expect(decided.open).toBe(1);
    expect(decided.contests).toHaveLength(1);
    expect(decided.contests[0]).toMatchObject({
      id: second,
      decision: "excluded",
      decisionNote: "Sudah dicek di CCTV",
      decidedBy: "Kepala Bidang Pelayanan",
      rating: { counted: false },
    });
    expect((await list("open")).contests.map((c: { id: string }) => c.id)).toEqual([first]);
    expect((await t.call("GET", `${path}/contests?status=closed`, { token: supervisor })).status).toBe(400);
  });
});

describe("GET /me/score selfIssued", () => {
  it("counts the officer's self-issued, non-excluded ratings apart, with their quick index", async () => {
    t = await testApp();
    officer = await t.login({ nip: OFFICER_NIPS[0] });
    const officerId = await t.officerId(OFFICER_NIPS[0]);
    /** A QR rating from a ticket made by `issuer` for the officer (themself, or a supervisor with a reason). */
    const fromTicket = async (overall: number, issuer = officer) => {
      const body =
        issuer === officer
          ? { service: "ktp-el" }
          : { service: "ktp-el", officer: officerId, reason: "Meja tanpa tablet" };
      const issued = await t.call("POST", "/api/v1/tickets", { token: issuer, body });
      const { ticket } = await issued.json();
      const [stored] = await t.storeAt([rating({ channel: "qr", ticket, overall })]);
      return stored.id;
    };
    const selfIssued = [await fromTicket(4), await fromTicket(3), await fromTicket(1)];
    const vouched = await fromTicket(2, await t.login({ email: "supervisor@demo.suara.id" }));
    const flagged = await t.db.select({ id: ratings.id, flags: ratings.flags }).from(ratings);
    expect(
      flagged
        .filter((r) => r.flags.includes("self_issued"))
        .map((r) => r.id)
        .sort(),
    ).toEqual([...selfIssued].sort());
    await t.db
      .update(ratings)
      .set({ flags: ["self_issued", "excluded"], counted: false })
      .where(eq(ratings.id, selfIssued[2]));
    const stored = await t.db
      .select()
      .from(ratings)
      .where(and(eq(ratings.officerId, officerId), eq(ratings.id, vouched)));
    expect(stored).toHaveLength(1);

    const score = await (await t.call("GET", `/api/v1/me/score?${todays()}`, { token: officer })).json();
    // 4 and 3: mean 3.5 × 25; the excluded 1 and the vouched-for 2 are not among them.
    expect(score.selfIssued).toEqual({ n: 2, index: 87.5 });
    const none = await (await t.call("GET", "/api/v1/me/score?period=2020", { token: officer })).json();
    expect(none.selfIssued).toEqual({ n: 0, index: null });
  });
});
