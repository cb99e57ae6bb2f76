/**
 * Alerts through the API, on both stores (docs/design.md, "Alerts"): each rule fires exactly once per
 * event whatever is resent, the right people are told (never the officer rated), the webhook body
 * verifies with its secret at a real local receiver, a failing receiver is retried on the schedule
 * with each try in the log (time driven by the sender's clock), and bad input is a 400.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WEBHOOK_BACKOFF_MS } from "../../../core/alerts.ts";
import { newId } from "../../../core/ids.ts";
import { checkRatings, checkWeeks } from "../../../db/queries/alerts.ts";
import { rebuildRollups } from "../../../db/queries/rollups.ts";
import { agencies, alertEvents, auditLog, ratings, services, users } from "../../../db/schema.ts";
import { DEMO_SUPERVISOR_EMAIL } from "../../../db/seed.ts";
import { sendDue } from "../../alerts.ts";
import { AGENCY, AGENCY_PATH, OFFICER_NIPS, rating, STORES, type TestApp, testApp } from "../../test-app.ts";

const SECRET = "a-shared-secret-of-the-agency";

/** A real HTTP receiver on a free local port that answers `status` and keeps what it got. */
async function receiver(status = 200) {
  const got: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      got.push({ headers: req.headers, body });
      res.writeHead(receive.status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const receive = {
    got,
    status,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return receive;
}

/** What an agency's receiver does (docs/operations.md, "Alerts and the webhook"): the signature over "<t>.<body>". */
function verifies(header: string, body: string, secret: string): boolean {
  const { t, v1 } = Object.fromEntries(header.split(",").map((part) => part.split("="))) as Record<string, string>;
  const expected = createHmac("sha256", secret).update(`${t}.${body}`).digest();
  const given = Buffer.from(v1 ?? "", "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

describe.each(STORES)("alerts (%s store)", (store) => {
  let t: TestApp;
  let admin: string;
  let supervisor: string;
  let officer: string;
  let device: string;
  let hook: Awaited<ReturnType<typeof receiver>> | undefined;

  beforeEach(async () => {
    t = await testApp({ store });
    admin = await t.login();
    supervisor = await t.login({ email: DEMO_SUPERVISOR_EMAIL });
    officer = await t.login({ nip: OFFICER_NIPS[0] });
    device = await t.staffAllDay("loket-1", OFFICER_NIPS[0], admin);
  });
  afterEach(async () => {
    await hook?.close();
    hook = undefined;
  });

  /** Sends kiosk taps from the tablet, `gap` ms apart ending now (no rapid repeat), and waits for the alert check. */
  const tap = async (items: Record<string, unknown>[]) => {
    const res = await t.call("POST", "/api/v1/ratings", { token: device, body: { ratings: items } });
    expect(res.status, await res.clone().text()).toBe(200);
    await t.settled();
    return (await res.json()).results as { status: string }[];
  };
  const taps = (faces: number[], end = Date.now(), gap = 60_000) =>
    faces.map((overall, i) =>
      rating({ channel: "kiosk", overall, createdAt: new Date(end - (faces.length - 1 - i) * gap).toISOString() }),
    );
  const inbox = async (token: string) => {
    const res = await t.call("GET", `${AGENCY_PATH}/notifications`, { token });
    expect(res.status).toBe(200);
    return (await res.json()) as {
      unread: number;
      notifications: { id: string; readAt: string | null; subject: Record<string, unknown> }[];
    };
  };
  const events = () => t.db.select().from(alertEvents);

  it('a "Diminta biaya" tap alerts its admins and supervisors once, however often it is sent, never its officer', async () => {
    const [levy] = taps([1]).map((r) => ({ ...r, reasons: ["biaya"] }));
    expect((await tap([levy]))[0].status).toBe("accepted");
    expect((await tap([levy]))[0].status).toBe("duplicate");
    await tap([levy, ...taps([4], Date.now() - 600_000)]);
    const mine = await inbox(admin);
    expect(mine.unread).toBe(1);
    expect(mine.notifications).toHaveLength(1);
    expect(mine.notifications[0].subject).toMatchObject({
      rule: "levy",
      rating: levy.id,
      reason: true,
      money: false,
      counter: { code: "loket-1" },
    });
    expect((await inbox(supervisor)).unread).toBe(1);
    // The officer has no notifications route at all; the event is one row.
    expect((await t.call("GET", `${AGENCY_PATH}/notifications`, { token: officer })).status).toBe(403);
    expect(await events()).toHaveLength(1);
  });

  it("two checks of the same rating at once (two servers, a retry) store one event: the key decides", async () => {
    const [levy] = taps([2]).map((r) => ({ ...r, reasons: ["biaya"] }));
    await t.storeAt([{ ...levy, channel: "widget" }]);
    const fired = await Promise.all([1, 2, 3].map(() => checkRatings(t.db, [levy.id], Date.now())));
    expect(fired.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await events()).toHaveLength(1);
    expect((await inbox(admin)).unread).toBe(1);
  });

  it("a comment speaking of money alerts; one denying it does not; only counted ratings alert", async () => {
    const now = Date.now();
    await tap([
      rating({
        channel: "kiosk",
        overall: 3,
        comment: "Disuruh bayar 50rb biar cepat",
        createdAt: new Date(now - 300_000).toISOString(),
      }),
      rating({
        channel: "kiosk",
        overall: 4,
        comment: "Tidak dipungut biaya, cepat",
        createdAt: new Date(now - 200_000).toISOString(),
      }),
      // 2 s after the one before on the same tablet: a rapid repeat, not counted, never an alert.
      rating({ channel: "kiosk", overall: 4, reasons: ["biaya"], createdAt: new Date(now - 198_000).toISOString() }),
    ]);
    const { notifications } = await inbox(admin);
    expect(notifications.map((n) => n.subject.money)).toEqual([true]);
  });

  it("N low faces within M minutes at one counter fire once per slot, across batches and resends", async () => {
    const end = Date.now();
    const [first, second, third] = taps([1, 2, 1], end, 120_000);
    await tap([first, second]);
    expect(await events()).toHaveLength(0);
    await tap([third]);
    await tap([first, second, third]);
    expect((await events()).map((e) => e.rule)).toEqual(["low_faces"]);
    const [note] = (await inbox(admin)).notifications;
    expect(note.subject).toEqual({
      rule: "low_faces",
      counter: { code: "loket-1", name: "Loket 1" },
      count: 3,
      minutes: 30,
    });
  });

  it("a rule switched off fires nothing, and N and M are the admin's", async () => {
    const put = (rule: string, body: unknown) =>
      t.call("PUT", `${AGENCY_PATH}/alert-rules/${rule}`, { token: admin, body });
    expect((await put("levy", { enabled: false })).status).toBe(200);
    expect((await put("low_faces", { enabled: true, count: 4, minutes: 10 })).status).toBe(200);
    const rules = (await (await t.call("GET", `${AGENCY_PATH}/alert-rules`, { token: admin })).json()).rules;
    expect(rules).toEqual([
      { rule: "levy", enabled: false, count: null, minutes: null, custom: true },
      { rule: "low_faces", enabled: true, count: 4, minutes: 10, custom: true },
      { rule: "band_drop", enabled: true, count: null, minutes: null, custom: false },
    ]);
    // Three low faces in 10 minutes, one a levy: neither rule fires now.
    await tap(taps([1, 1, 2], Date.now(), 60_000).map((r, i) => (i === 0 ? { ...r, reasons: ["biaya"] } : r)));
    expect(await events()).toHaveLength(0);
    const audited = await t.db.select().from(auditLog).where(eq(auditLog.action, "alert_rule.update"));
    expect(audited.map((a) => a.target)).toEqual(["levy", "low_faces"]);
  });

  it("an officer's account that is also a reader is not told of that officer's ratings", async () => {
    // The first demo officer, on duty at loket-1, becomes a supervisor (their account stays linked to them).
    await t.db
      .update(users)
      .set({ role: "supervisor" })
      .where(eq(users.officerId, await t.officerId(OFFICER_NIPS[0])));
    const rated = await t.login({ nip: OFFICER_NIPS[0] });
    await tap(taps([2]).map((r) => ({ ...r, reasons: ["biaya"] })));
    expect((await inbox(admin)).unread).toBe(1);
    expect((await inbox(supervisor)).unread).toBe(1);
    expect((await inbox(rated)).unread).toBe(0);
  });

  it("marks some or all read, each reader their own", async () => {
    await tap(taps([1, 1, 1], Date.now(), 60_000).map((r) => ({ ...r, reasons: ["biaya"] })));
    const before = await inbox(admin);
    expect(before.unread).toBe(4);
    const read = await t.call("POST", `${AGENCY_PATH}/notifications/read`, {
      token: admin,
      body: { ids: [before.notifications[0].id] },
    });
    expect(await read.json()).toEqual({ unread: 3 });
    expect((await inbox(supervisor)).unread).toBe(4);
    await t.call("POST", `${AGENCY_PATH}/notifications/read`, { token: admin, body: { all: true } });
    const after = await inbox(admin);
    expect(after.unread).toBe(0);
    expect(after.notifications.every((n) => n.readAt !== null)).toBe(true);
    const count = await t.call("GET", `${AGENCY_PATH}/notifications?limit=0`, { token: supervisor });
    expect(await count.json()).toEqual({ unread: 4, notifications: [] });
  });

  it("posts each event once to the webhook, signed so that it verifies with the secret", async () => {
    hook = await receiver(204);
    const set = await t.call("PUT", `${AGENCY_PATH}/webhook`, {
      token: admin,
      body: { url: hook.url, secret: SECRET },
    });
    expect(set.status).toBe(200);
    const shown = await set.json();
    expect(shown.webhook).toMatchObject({ url: hook.url, secret: "set" });
    expect(JSON.stringify(shown)).not.toContain(SECRET);
    const [levy] = taps([1]).map((r) => ({ ...r, reasons: ["biaya"], comment: "Diminta uang 50rb" }));
    await tap([levy]);
    await tap([levy]);
    expect(hook.got).toHaveLength(1);
    const [{ headers, body }] = hook.got;
    expect(verifies(String(headers["x-suara-signature"]), body, SECRET)).toBe(true);
    expect(verifies(String(headers["x-suara-signature"]), body, "another-secret-of-16")).toBe(false);
    expect(verifies(String(headers["x-suara-signature"]), body.replace("levy", "lavy"), SECRET)).toBe(false);
    const sent = JSON.parse(body);
    expect(sent).toMatchObject({
      type: "alert.levy",
      agency: AGENCY,
      data: { rating: levy.id, reason: true, money: true },
    });
    // No comment and no officer's name leave the server.
    expect(body).not.toContain("50rb");
    expect(body).not.toContain("officer");
    const log = (await (await t.call("GET", `${AGENCY_PATH}/webhook`, { token: admin })).json()).deliveries;
    expect(log).toMatchObject([
      { rule: "levy", status: "delivered", attempts: [{ statusCode: 204, error: null, nextAt: null }] },
    ]);
  });

  it("retries a receiver that answers 500 on the backoff schedule, logs each try, then gives up", async () => {
    hook = await receiver(500);
    await t.call("PUT", `${AGENCY_PATH}/webhook`, { token: admin, body: { url: hook.url, secret: SECRET } });
    await tap(taps([2]).map((r) => ({ ...r, reasons: ["biaya"] })));
    expect(hook.got).toHaveLength(1);
    const log = async () =>
      (await (await t.call("GET", `${AGENCY_PATH}/webhook`, { token: admin })).json()).deliveries[0];
    let clock = Date.parse((await log()).attempts[0].at);
    for (const wait of WEBHOOK_BACKOFF_MS) {
      // Just before the next try is due nothing is sent; at its time it is.
      expect(await sendDue(t.db, { now: () => clock + wait - 1 })).toBe(0);
      clock += wait;
      expect(await sendDue(t.db, { now: () => clock })).toBe(1);
    }
    expect(await sendDue(t.db, { now: () => clock + 86_400_000 })).toBe(0);
    expect(hook.got).toHaveLength(5);
    const { status, attempts } = await log();
    expect(status).toBe("failed");
    expect(attempts.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 500, 500, 500, 500]);
    const gaps = attempts.map((a: { at: string; nextAt: string | null }) =>
      a.nextAt === null ? null : Date.parse(a.nextAt) - Date.parse(a.at),
    );
    expect(gaps).toEqual([...WEBHOOK_BACKOFF_MS, null]);
    // Every try was signed afresh: each verifies.
    for (const got of hook.got) expect(verifies(String(got.headers["x-suara-signature"]), got.body, SECRET)).toBe(true);
  });

  it("two senders at the same time (two servers, a timer and a check) try a delivery due once", async () => {
    hook = await receiver(500);
    await t.call("PUT", `${AGENCY_PATH}/webhook`, { token: admin, body: { url: hook.url, secret: SECRET } });
    await tap(taps([2]).map((r) => ({ ...r, reasons: ["biaya"] })));
    const log = async () =>
      (await (await t.call("GET", `${AGENCY_PATH}/webhook`, { token: admin })).json()).deliveries[0];
    const due = Date.parse((await log()).attempts[0].nextAt);
    const tried = await Promise.all([sendDue(t.db, { now: () => due }), sendDue(t.db, { now: () => due })]);
    expect(tried.sort()).toEqual([0, 1]);
    expect(hook.got).toHaveLength(2);
    expect((await log()).attempts).toHaveLength(2);
  });

  it("a receiver that is down is a try with its error, retried; one that recovers gets it delivered", async () => {
    hook = await receiver(200);
    const url = hook.url;
    await hook.close();
    hook = undefined;
    await t.call("PUT", `${AGENCY_PATH}/webhook`, { token: admin, body: { url, secret: SECRET } });
    await tap(taps([1]).map((r) => ({ ...r, reasons: ["biaya"] })));
    const log = async () =>
      (await (await t.call("GET", `${AGENCY_PATH}/webhook`, { token: admin })).json()).deliveries[0];
    const first = await log();
    expect(first).toMatchObject({ status: "pending", attempts: [{ statusCode: null }] });
    expect(first.attempts[0].error).toBe("unreachable");
    hook = await receiver(200);
    await t.call("PUT", `${AGENCY_PATH}/webhook`, { token: admin, body: { url: hook.url, secret: SECRET } });
    expect(await sendDue(t.db, { now: () => Date.parse(first.attempts[0].nextAt) })).toBe(1);
    expect(hook.got).toHaveLength(1);
    expect((await log()).status).toBe("delivered");
  });

  it("an officer's weekly fair score falling a band alerts their readers once, never the officer", async () => {
    const [agency] = await t.db.select().from(agencies).where(eq(agencies.slug, AGENCY));
    const [service] = await t.db.select().from(services).where(eq(services.agencyId, agency.id));
    const [falls, holds] = [await t.officerId(OFFICER_NIPS[0]), await t.officerId(OFFICER_NIPS[1])];
    const rated = (officerId: string, overall: number, day: string) =>
      Array.from({ length: 40 }, () => {
        const at = Date.parse(`${day}T03:00:00Z`);
        return {
          id: crypto.randomUUID(),
          agencyId: agency.id,
          serviceId: service.id,
          officerId,
          channel: "qr" as const,
          overall,
          createdAt: at,
          receivedAt: at,
          day,
          counted: true,
          batch: newId("b"),
        };
      });
    // Last week (16–22 Nov) both served well; this week the first officer's citizens are unhappy.
    await t.db
      .insert(ratings)
      .values([
        ...rated(falls, 4, "2026-11-18"),
        ...rated(holds, 4, "2026-11-18"),
        ...rated(falls, 1, "2026-11-23"),
        ...rated(holds, 4, "2026-11-23"),
      ]);
    await rebuildRollups(t.db, agency.id);
    // The officer who falls is also a supervisor (their account stays linked to them).
    await t.db.update(users).set({ role: "supervisor" }).where(eq(users.officerId, falls));
    const own = await t.login({ nip: OFFICER_NIPS[0] });
    const now = Date.parse("2026-11-24T03:00:00Z");
    await checkWeeks(t.db, now);
    expect(await checkWeeks(t.db, now)).toBe(0);
    const fell = (await events()).map((e) => e.subject as { officer: { id: string } | null; from: string; to: string });
    expect(fell.find((e) => e.officer?.id === falls)).toMatchObject({ from: "A", to: "D" });
    const told = (await inbox(admin)).notifications.map((n) => n.subject.officer as { id: string } | null);
    expect(told.some((o) => o?.id === falls)).toBe(true);
    // Their own account, a supervisor's, is not told of their own fall.
    expect((await inbox(own)).notifications.map((n) => (n.subject.officer as { id: string } | null)?.id)).not.toContain(
      falls,
    );
  });

  it("a week's quick index falling a band alerts once per week and band", async () => {
    // Tuesday 2026-11-24 10:00 WIB; last week (16–22 Nov) all happy, this week unhappy.
    const now = Date.parse("2026-11-24T03:00:00Z");
    const at = (day: string) => new Date(`${day}T03:00:00Z`).toISOString();
    await t.storeAt([
      ...Array.from({ length: 30 }, () => rating({ overall: 4, createdAt: at("2026-11-18") })),
      ...Array.from({ length: 30 }, () => rating({ overall: 2, createdAt: at("2026-11-23") })),
    ]);
    expect(await checkWeeks(t.db, now)).toBe(1);
    expect(await checkWeeks(t.db, now + 3_600_000)).toBe(0);
    const [note] = (await inbox(admin)).notifications;
    expect(note.subject).toEqual({ rule: "band_drop", week: "2026-11-23", officer: null, from: "A", to: "D" });
    await t.call("PUT", `${AGENCY_PATH}/alert-rules/band_drop`, { token: admin, body: { enabled: false } });
    await t.storeAt(Array.from({ length: 30 }, () => rating({ overall: 4, createdAt: at("2026-11-10") })));
    expect(await checkWeeks(t.db, Date.parse("2026-11-17T03:00:00Z"))).toBe(0);
  });
});

describe("bad input", () => {
  let t: TestApp;
  let admin: string;
  beforeEach(async () => {
    t = await testApp();
    admin = await t.login();
  });

  it.each([
    ["a URL that is none", { url: "not a url", secret: SECRET }],
    ["another scheme", { url: "ftp://relay.example/x", secret: SECRET }],
    ["a password in the URL", { url: "https://user:pw@relay.example/x", secret: SECRET }],
    ["an empty secret", { url: "https://relay.example/x", secret: "" }],
    ["a short secret", { url: "https://relay.example/x", secret: "short" }],
    ["no secret", { url: "https://relay.example/x" }],
  ])("PUT webhook with %s is a 400", async (_, body) => {
    const res = await t.call("PUT", `${AGENCY_PATH}/webhook`, { token: admin, body });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("invalid_request");
  });

  it.each([
    ["low_faces", { enabled: true, count: 1 }],
    ["low_faces", { enabled: true, count: 21 }],
    ["low_faces", { enabled: true, minutes: 4 }],
    ["low_faces", { enabled: true, minutes: 241 }],
    ["low_faces", { enabled: true, count: 2.5 }],
    ["low_faces", { count: 3 }],
    ["levy", { enabled: true, count: 3 }],
    ["no_such_rule", { enabled: true }],
  ])("PUT alert-rules/%s %j is a 400", async (rule, body) => {
    const res = await t.call("PUT", `${AGENCY_PATH}/alert-rules/${rule}`, { token: admin, body });
    expect(res.status).toBe(400);
  });

  it("reads with a bad limit or marks with nothing are 400s; removing no webhook is a 404", async () => {
    expect((await t.call("GET", `${AGENCY_PATH}/notifications?limit=101`, { token: admin })).status).toBe(400);
    expect(
      (await t.call("POST", `${AGENCY_PATH}/notifications/read`, { token: admin, body: { ids: [] } })).status,
    ).toBe(400);
    expect(
      (await t.call("POST", `${AGENCY_PATH}/notifications/read`, { token: admin, body: { all: false } })).status,
    ).toBe(400);
    expect((await t.call("DELETE", `${AGENCY_PATH}/webhook`, { token: admin })).status).toBe(404);
  });
});
