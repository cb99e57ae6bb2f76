/**
 * Officers reply to comments about them (issue 20, item 4): once, masked, audited; read by the
 * officer, their agency's supervisors and admins and its regional admin; refused to everyone else
 * without telling them whether the comment exists.
 */
import { asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { MAX_REPLY } from "../../../core/patterns.ts";
import { auditLog, officers } from "../../../db/schema.ts";
import { AGENCY, OFFICER_NIPS, OTHER_AGENCY, STORES, testApp } from "../../test-app.ts";

let t: Awaited<ReturnType<typeof testApp>>;
const tokens: Record<string, string> = {};

const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const todays = () => `from=${today()}&to=${today()}`;
const reply = (id: string, token: string | undefined, body: unknown = { text: "Terima kasih, akan saya perbaiki." }) =>
  t.call("POST", `/api/v1/me/comments/${id}/reply`, { token, body });
const audits = async (target: string) =>
  (await t.db.select().from(auditLog).where(eq(auditLog.target, target)).orderBy(asc(auditLog.id))).map((a) => ({
    action: a.action,
    details: a.details,
  }));

/** A rating of an agency's KTP service attributed to an officer (by NIP), with a comment unless null. */
const commented = async (
  nip: string,
  comment: string | null = "Petugas lambat, saya menunggu lama.",
  agency = AGENCY,
) => {
  const [officer] = await t.db.select({ id: officers.id }).from(officers).where(eq(officers.nip, nip));
  return t.attributedRating(officer.id, { comment, agency });
};

/** The reply the agency's comments page shows under a rating's comment, as `token` reads it. */
async function agencyReply(id: string, token: string, slug = AGENCY) {
  const res = await t.call("GET", `/api/v1/agencies/${slug}/comments?${todays()}`, { token });
  if (res.status !== 200) return res.status;
  const body = await res.json();
  return body.comments.find((c: { id: string }) => c.id === id)?.reply ?? null;
}

describe.each(STORES)("replies to comments, ratings stored through the %s", (store) => {
  beforeEach(async () => {
    t = await testApp({ store });
    Object.assign(tokens, await t.signInEveryone());
  });

  it("an officer replies once, masked; their comments and the agency's show it to its readers; audited", async () => {
    const id = await commented(OFFICER_NIPS[0]);
    const res = await reply(id, tokens.officer, { text: "  Mohon maaf, hubungi saya di 0812-3456-7890.  " });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ ratingId: id, reply: { text: "Mohon maaf, hubungi saya di [nomor telepon]." } });
    expect(await audits(id)).toEqual([
      { action: "comment.reply", details: { reply: body.reply.id, text: body.reply.text } },
    ]);

    const mine = await (await t.call("GET", `/api/v1/me/comments?${todays()}`, { token: tokens.officer })).json();
    expect(mine.comments.find((c: { id: string }) => c.id === id).reply).toEqual(body.reply);
    // The evidence page asks for the replied ones only.
    const unreplied = await commented(OFFICER_NIPS[0], "Ruang tunggu panas");
    const url = `/api/v1/me/comments?${todays()}&replied=1`;
    const replied = await (await t.call("GET", url, { token: tokens.officer })).json();
    expect(replied.comments.map((c: { id: string }) => c.id)).toEqual([id]);
    expect(unreplied).not.toBe(id);
    for (const reader of ["supervisor", "admin", "regional"])
      expect(await agencyReply(id, tokens[reader])).toEqual(body.reply);

    // The audit page names the rating it answers, never its id alone.
    const log = await t.call("GET", `/api/v1/agencies/${AGENCY}/audit?action=comment`, { token: tokens.admin });
    expect((await log.json()).entries[0]).toMatchObject({
      action: "comment.reply",
      subject: { name: "KTP Elektronik", at: expect.any(String) },
    });

    const again = await reply(id, tokens.officer, { text: "Ralat" });
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe("already_replied");
    expect((await audits(id)).map((a) => a.action)).toEqual(["comment.reply"]);
  });

  it("two replies sent at once: one is kept and audited, the other is 409", async () => {
    const id = await commented(OFFICER_NIPS[0]);
    const both = await Promise.all([
      reply(id, tokens.officer, { text: "Satu" }),
      reply(id, tokens.officer, { text: "Dua" }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await both.find((r) => r.status === 409)!.json()).error.code).toBe("already_replied");
    expect((await audits(id)).map((a) => a.action)).toEqual(["comment.reply"]);
  });

  it("nobody else sees the reply: another officer, another agency, nobody, a device", async () => {
    const id = await commented(OFFICER_NIPS[0]);
    expect((await reply(id, tokens.officer)).status).toBe(200);
    const theirs = await (await t.call("GET", `/api/v1/me/comments?${todays()}`, { token: tokens.colleague })).json();
    expect(theirs.comments.map((c: { id: string }) => c.id)).not.toContain(id);
    expect(await agencyReply(id, tokens.colleague)).toBe(403);
    expect(await agencyReply(id, tokens.otherAdmin)).toBe(403);
    const device = await t.pairDevice("loket-1", tokens.admin);
    expect(await agencyReply(id, device)).toBe(403);
    expect((await t.call("GET", `/api/v1/agencies/${AGENCY}/comments?${todays()}`)).status).toBe(401);
  });

  it("a colleague's comment, another agency's, one without a comment and an unknown one are all 404", async () => {
    const colleagues = await commented(OFFICER_NIPS[1]);
    const otherAgency = await commented("199101012020011001", "Lama", OTHER_AGENCY);
    const purged = await commented(OFFICER_NIPS[0], null);
    for (const id of [colleagues, otherAgency, purged, crypto.randomUUID()]) {
      const res = await reply(id, tokens.officer);
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe("not_found");
    }
    expect(await audits(colleagues)).toEqual([]);
    expect(await agencyReply(colleagues, tokens.supervisor)).toBeNull();
  });

  it("only an account linked to the officer replies: supervisors, admins, regional admins, devices and nobody are refused", async () => {
    const id = await commented(OFFICER_NIPS[0]);
    for (const who of ["supervisor", "admin", "regional", "otherAdmin"])
      expect((await reply(id, tokens[who])).status).toBe(403);
    expect((await reply(id, await t.pairDevice("loket-1", tokens.admin))).status).toBe(403);
    expect((await reply(id, undefined)).status).toBe(401);
    expect(await audits(id)).toEqual([]);
  });

  it("bad input is a 400: empty, too long, unknown fields, no body, an id that is no UUID", async () => {
    const id = await commented(OFFICER_NIPS[0]);
    for (const body of [{ text: "   " }, { text: "x".repeat(MAX_REPLY + 1) }, { text: "ok", extra: 1 }, {}, "teks"]) {
      const res = await reply(id, tokens.officer, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await reply("not-a-uuid", tokens.officer)).status).toBe(400);
    expect(await audits(id)).toEqual([]);
  });
});
