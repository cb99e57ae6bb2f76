/**
 * A real app over a real libSQL file for API tests: migrated, with the demo
 * agency's set-up (no ratings) and a second agency in another region, so tests
 * can show who may not see what. Used only by *.test.ts files.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { and, asc, eq, inArray } from "drizzle-orm";
import { afterAll } from "vitest";
import type { RatingInput } from "../core/contract.ts";
import { requestTarget } from "../core/device-signature.ts";
import { newId } from "../core/ids.ts";
import { hashSecret } from "../core/password.ts";
import { openEmbedded } from "../db/embedded.ts";
import { FileIdentity } from "../db/file-identity.ts";
import { migrateDatabase, openDatabase } from "../db/node.ts";
import { ingestRatings } from "../db/queries/ingest.ts";
import { agencies, counters, officers, ratingRollups, ratings, services, users } from "../db/schema.ts";
import {
  DEMO_ADMIN_EMAIL,
  DEMO_AGENCY,
  DEMO_OFFICERS,
  DEMO_REGIONAL_EMAIL,
  DEMO_SUPERVISOR_EMAIL,
  seedDemo,
} from "../db/seed.ts";
import { createDeviceSigner, type DeviceSigner } from "../tests/device-signer.ts";
import { type HranaServer, startHranaServer } from "../tests/hrana-server.ts";
import { createApp } from "./app.ts";
import { clientAddress } from "./client-ip.ts";
import type { DeviceKeys } from "./device-keys.ts";
import { nodeCryptoKeys } from "./device-keys-node.ts";
import type { AppSettings } from "./env.ts";
import { createIngestQueue } from "./ingest-queue.ts";
import type { Log } from "./log.ts";
import type { Metrics } from "./metrics.ts";
import { nodeSettings } from "./settings.ts";
import { fileVisits } from "./visit-store.ts";

export const PASSWORD = "test-password-1";
export const PIN = "246810";
export const AGENCY = DEMO_AGENCY;
export const OTHER_AGENCY = "dukcapil-jayapura";
export const OTHER_ADMIN_EMAIL = "admin@jayapura.test";
export const ORIGIN = "https://disdukcapil.tebingtinggikota.go.id";
export const OFFICER_NIPS = DEMO_OFFICERS.map((o) => o.nip);

/** The demo agency's API path, where most API tests call. */
export const AGENCY_PATH = `/api/v1/agencies/${AGENCY}`;

/**
 * Where the app's database is and how ratings are stored: "file", the embedded file with ratings on its own
 * connection (Node's default); "client", the same file through the libSQL client only (as Workers store);
 * "remote", over the wire through a Hrana server on the file (tests/hrana-server.ts), as Node with sqld or
 * Turso (LIBSQL_URL): no embedded connection, everything through the HTTP client, errors with primary codes.
 */
export type Store = "file" | "client" | "remote";
/** Every way of storing, for tests that must hold for each. */
export const STORES: Store[] = ["file", "client", "remote"];

/** Each test app's directory, removed when its test file is done (a full run left 1,700 in /tmp). */
const made: string[] = [];
/** Each "remote" test app's Hrana server, stopped when its test file is done. */
const servers: HranaServer[] = [];
afterAll(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Opens a fresh database and app. */
export async function testApp({
  settings = {},
  store = "file",
  deviceKeys = nodeCryptoKeys,
  trustProxy,
  lanUrls = [],
  metrics,
  log,
  joining,
}: {
  settings?: Partial<AppSettings>;
  /** SUARA_TRUST_PROXY as the Node server would be given it (default unset: no forwarded header believed). */
  trustProxy?: string;
  /** The server's addresses on the office network, as a Node server bound to 0.0.0.0 would find them. */
  lanUrls?: string[];
  store?: Store;
  /** How the app verifies tablets' signatures (default node:crypto's, as the Node server does). */
  deviceKeys?: DeviceKeys;
  /** A metrics store (worker/metrics-node.ts), also told each group commit, as the Node server does. */
  metrics?: Metrics;
  /** Where the app logs (default: the console). */
  log?: Log;
  /**
   * Another test app whose database this one opens too, with nothing set up of its own: a second
   * server on one database, sharing no memory with the first (tablets paired on either sign alike).
   */
  joining?: { file: string; signers: Map<string, DeviceSigner> };
} = {}) {
  const dir = joining ? "" : mkdtempSync(join(tmpdir(), "suara-test-"));
  if (dir) made.push(dir);
  const file = joining?.file ?? join(dir, "test.db");
  // As on the Node server, every call fails once the file is deleted or replaced (db/file-identity.ts).
  let identity: FileIdentity | undefined;
  const remote = store === "remote" ? await startHranaServer({ path: file }) : null;
  if (remote) servers.push(remote);
  // Over the wire the Node server checks no file (it has none); here the file is the Hrana server's.
  const afterCall = remote ? undefined : () => identity?.assertSame();
  const db = await openDatabase({ url: remote?.url ?? `file:${file}`, afterCall });
  if (!joining) await migrateDatabase(db);
  if (!joining) await seedDemo(db, { password: PASSWORD, pin: PIN, origins: [ORIGIN], weeks: 0 });
  const otherId = newId("agc");
  if (!joining)
    await db.batch([
      db.insert(agencies).values({
        id: otherId,
        slug: OTHER_AGENCY,
        name: "Dinas Dukcapil Kota Jayapura",
        region: "Papua",
        timezone: "Asia/Jayapura",
      }),
      db.insert(services).values({ id: newId("svc"), agencyId: otherId, slug: "ktp-el", name: "KTP Elektronik" }),
      db.insert(counters).values({ id: newId("ctr"), agencyId: otherId, code: "loket-1", name: "Loket 1" }),
      db
        .insert(officers)
        .values({ id: newId("off"), agencyId: otherId, nip: "199101012020011001", name: "Yohanes Wenda" }),
      db.insert(users).values({
        id: newId("usr"),
        email: OTHER_ADMIN_EMAIL,
        name: "Admin Jayapura",
        role: "agency_admin",
        agencyId: otherId,
        passwordHash: await hashSecret(PASSWORD),
      }),
    ]);
  // The same group-commit queue as the Node server, on the file's own connection, so API tests cover it.
  const embedded = store === "file" ? openEmbedded(`file:${file}`) : null;
  identity = embedded?.identity ?? (remote ? undefined : new FileIdentity(file));
  const ingest = createIngestQueue(db, { file: embedded, onCommit: metrics && ((size) => metrics.commit(size)) });
  // Tests name the socket's address with x-test-ip, to show limits that are per IP; the app takes the
  // client's address from it and X-Forwarded-For through the Node server's own function and setting.
  const trust = nodeSettings({ SUARA_TRUST_PROXY: trustProxy }).trustProxy;
  // Work the app runs after answering (alerts) is kept, so a test can wait for it: `settled()`.
  const pending: Promise<unknown>[] = [];
  const settled = async () => {
    while (pending.length) await Promise.all(pending.splice(0));
  };
  const app = createApp({
    db: () => db,
    background: (_c, task) => void pending.push(task),
    ingest: () => ingest,
    visits: embedded ? () => fileVisits(embedded, 4000) : undefined,
    clientIp: (c) => clientAddress(c.req.header("x-test-ip"), c.req.header("x-forwarded-for"), trust),
    settings: { secureCookies: false, ...settings },
    deviceKeys,
    lanUrls: () => lanUrls,
    metrics,
    log,
  });

  /** The signing key of every tablet `pairDevice` paired, by its token. */
  const signers = joining?.signers ?? new Map<string, DeviceSigner>();

  /**
   * A JSON request; `token` is sent as a bearer token. A device token's request is
   * signed with that tablet's key, as the kiosk signs it, unless `signed` is false.
   */
  const call = (method: string, path: string, { body, token, headers = {}, signed = true }: CallOptions = {}) => {
    const raw = body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body);
    const signer = signed && token ? signers.get(token) : undefined;
    return app.request(path, {
      method,
      headers: {
        ...(raw === undefined ? {} : { "content-type": "application/json" }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...signer?.headers(method, requestTarget(new URL(path, "http://localhost").href), raw),
        ...headers,
      },
      body: raw,
    });
  };

  /** Signs in and returns the bearer token. */
  const login = async (identity: { email?: string; nip?: string; password?: string } = { email: DEMO_ADMIN_EMAIL }) => {
    const res = await call("POST", "/api/v1/auth/login", { body: { password: PASSWORD, ...identity } });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { token: string }).token;
  };

  /** Chooses a new password for a signed-in person (as they must after an admin made theirs); returns it. */
  const changePassword = async (token: string, currentPassword: string, newPassword = "my-own-password-1") => {
    const res = await call("POST", "/api/v1/auth/password", { token, body: { currentPassword, newPassword } });
    if (res.status !== 200) throw new Error(`password change failed: ${res.status} ${await res.text()}`);
    return newPassword;
  };

  /** Creates a device for a counter (of the demo agency unless named) and returns its single-use pairing code. */
  const pairingCode = async (counter = "loket-1", adminToken?: string, agency = AGENCY) => {
    const token = adminToken ?? (await login());
    const made = await call("POST", `/api/v1/agencies/${agency}/devices`, {
      token,
      body: { counter, name: `Tablet ${counter}` },
    });
    return ((await made.json()) as { pairingCode: string }).pairingCode;
  };

  /** Pairs a tablet with a pairing code and a new key (or the one given); returns its token, which `call` then signs with. */
  const pairWith = async (code: string, signer = createDeviceSigner()) => {
    const paired = await call("POST", "/api/v1/devices/pair", { body: { code, publicKey: signer.publicKey } });
    if (paired.status !== 200) throw new Error(`pairing failed: ${paired.status} ${await paired.text()}`);
    const { token } = (await paired.json()) as { token: string };
    signers.set(token, signer);
    return token;
  };

  /** Creates a device for a counter (of the demo agency unless named) and pairs it with a new key; returns the device token. */
  const pairDevice = async (counter = "loket-1", adminToken?: string, agency = AGENCY) =>
    pairWith(await pairingCode(counter, adminToken, agency));

  /** The id of a demo officer by NIP. */
  const officerId = async (nip: string) => {
    const [row] = await db.select({ id: officers.id }).from(officers).where(eq(officers.nip, nip));
    return row.id;
  };

  /**
   * Stores widget ratings through the real ingest with the server clock set to each
   * rating's createdAt: how tests fill past periods, now that the API times widget
   * ratings by its own clock.
   */
  const storeAt = async (inputs: Record<string, unknown>[]) => {
    const byTime = new Map<string, Record<string, unknown>[]>();
    for (const r of inputs) byTime.set(String(r.createdAt), [...(byTime.get(String(r.createdAt)) ?? []), r]);
    const results = [];
    for (const [createdAt, group] of byTime) {
      const items = group.map((input) => ({ input: input as RatingInput, sender: { device: null, origin: ORIGIN } }));
      results.push(...(await ingestRatings(db, items, Date.parse(createdAt), newId("b"))));
    }
    if (results.some((r) => r.status !== "accepted")) throw new Error(`not stored: ${JSON.stringify(results)}`);
    return results;
  };

  /** Takes the database's write lock from another connection, as another process would; returns its release. */
  const holdWriteLock = async () => {
    const other = createClient({ url: `file:${file}` });
    const transaction = await other.transaction("write");
    return async () => {
      await transaction.rollback();
      other.close();
    };
  };

  /** The rollups as stored, in a stable order (to compare with a recount). */
  const rollups = () =>
    db
      .select()
      .from(ratingRollups)
      .orderBy(
        asc(ratingRollups.day),
        asc(ratingRollups.serviceId),
        asc(ratingRollups.counterId),
        asc(ratingRollups.officerId),
      );

  /** Signs in one of each: the demo agency's admin, first two officers and supervisor, its regional admin, the other agency's admin. */
  const signInEveryone = async () => ({
    admin: await login(),
    officer: await login({ nip: OFFICER_NIPS[0] }),
    colleague: await login({ nip: OFFICER_NIPS[1] }),
    supervisor: await login({ email: DEMO_SUPERVISOR_EMAIL }),
    regional: await login({ email: DEMO_REGIONAL_EMAIL }),
    otherAdmin: await login({ email: OTHER_ADMIN_EMAIL }),
  });

  /**
   * A new QR rating of an agency's KTP service attributed to an officer, stored directly as the ingest
   * would (no duty needed), with a comment unless null: something of the officer's to contest or reply to.
   */
  const attributedRating = async (
    officerId: string,
    { comment = "Lama sekali" as string | null, agency = AGENCY } = {},
  ) => {
    const [service] = await db
      .select({ id: services.id, agencyId: services.agencyId })
      .from(services)
      .innerJoin(agencies, eq(agencies.id, services.agencyId))
      .where(and(eq(agencies.slug, agency), eq(services.slug, "ktp-el")));
    const id = crypto.randomUUID();
    const now = Date.now();
    const day = new Date(now + 7 * 3_600_000).toISOString().slice(0, 10);
    const row = { id, agencyId: service.agencyId, serviceId: service.id, officerId, channel: "qr" as const };
    await db
      .insert(ratings)
      .values({ ...row, overall: 2, comment, createdAt: now, receivedAt: now, day, counted: true, batch: newId("b") });
    return id;
  };

  /**
   * Opens a counter around the clock (so no tap is flagged outside_hours whenever a test runs), pairs a
   * tablet there and checks an officer in with it; returns the tablet's token.
   */
  const staffAllDay = async (counter = "loket-1", nip = OFFICER_NIPS[0], adminToken?: string) => {
    const token = adminToken ?? (await login());
    const demo = db.select({ id: agencies.id }).from(agencies).where(eq(agencies.slug, AGENCY));
    await db
      .update(counters)
      .set({ opensAt: "00:00", closesAt: "00:00" })
      .where(and(eq(counters.code, counter), inArray(counters.agencyId, demo)));
    const device = await pairDevice(counter, token);
    await call("POST", `/api/v1/counters/${counter}/duty`, { token: device, body: { nip, pin: PIN } });
    return device;
  };

  return {
    app,
    db,
    file,
    embedded,
    call,
    login,
    changePassword,
    pairingCode,
    pairWith,
    pairDevice,
    signers,
    officerId,
    storeAt,
    holdWriteLock,
    rollups,
    staffAllDay,
    attributedRating,
    signInEveryone,
    settled,
  };
}

/** Options of a test request. */
export interface CallOptions {
  body?: unknown;
  token?: string;
  /** Headers added last (they override the signature's, to forge one). */
  headers?: Record<string, string>;
  /** Whether a device token's request is signed (default true). */
  signed?: boolean;
}

/** A rating as a client would send it. */
export const rating = (fields: Record<string, unknown> = {}) => ({
  id: crypto.randomUUID(),
  agency: AGENCY,
  service: "ktp-el",
  channel: "widget",
  overall: 4,
  createdAt: new Date().toISOString(),
  ...fields,
});

/** An app as `testApp` opens it. */
export type TestApp = Awaited<ReturnType<typeof testApp>>;

/** A fresh app with the demo agency's admin signed in: the set-up of most API test files (run it in `beforeEach`). */
export async function appWithAdmin(options?: Parameters<typeof testApp>[0]) {
  const t = await testApp(options);
  return { t, admin: await t.login() };
}
