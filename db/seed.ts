/**
 * The demo agency (docs/design.md, "Demo data"): Disdukcapil Kota Tebing Tinggi with
 * four services, four counters, six officers, an admin, a supervisor, a
 * regional admin, and thirty weeks of plausible kiosk ratings attributed through
 * real duties with the queue log of those duties (seed-visits.ts), so every screen has something to
 * show, and its past semester published.
 * Deterministic for a given day.
 */
import { count } from "drizzle-orm";
import { newId } from "../core/ids.ts";
import { hashSecret } from "../core/password.ts";
import { localDay, startOfLocalDay } from "../core/period.ts";
import { ELEMENT_IDS } from "../core/questionnaire.ts";
import { uuidv7 } from "../core/uuid7.ts";
import type { Db } from "./client.ts";
import { rebuildRollups } from "./queries/rollups.ts";
import { agencies, counterServices, counters, duties, officers, ratings, services, users } from "./schema.ts";
import { seedHistory } from "./seed-history.ts";
import { seedVisits } from "./seed-visits.ts";

/** The demo agency's slug. */
export const DEMO_AGENCY = "disdukcapil-tebingtinggi";
/** The demo agency admin's e-mail. */
export const DEMO_ADMIN_EMAIL = "admin@demo.suara.id";
/** The demo supervisor's e-mail. */
export const DEMO_SUPERVISOR_EMAIL = "supervisor@demo.suara.id";
/** The demo regional admin's e-mail. */
export const DEMO_REGIONAL_EMAIL = "regional@demo.suara.id";

/** The demo officers: name, position, NIP, and how citizens tend to rate them (mean face). */
export const DEMO_OFFICERS = [
  { name: "Siti Rahmawati, S.Kom", position: "Operator Layanan", nip: "198803122010012004", mean: 3.6 },
  { name: "Budi Santoso", position: "Operator Layanan", nip: "199001052015031002", mean: 3.3 },
  { name: "Dewi Lestari Nasution", position: "Verifikator", nip: "198512202009022003", mean: 3.45 },
  { name: "Ahmad Fauzi Lubis", position: "Operator Layanan", nip: "199207142019031005", mean: 3.0 },
  { name: "Rina Marpaung, A.Md", position: "Petugas Loket", nip: "199405302020122001", mean: 3.5 },
  { name: "Hendra Saputra Siregar", position: "Petugas Loket", nip: "198709092011011006", mean: 3.2 },
] as const;

const COMMENTS = [
  "Pelayanannya cepat dan petugasnya ramah.",
  "Antrian agak lama, mohon ditambah loket.",
  "Terima kasih, KTP saya selesai hari ini.",
  "Ruang tunggu panas, AC tidak menyala.",
  "Petugas menjelaskan persyaratan dengan jelas.",
  "Sistem sempat offline, harus menunggu.",
  "Sangat membantu, prosesnya mudah.",
];

/** Reasons the demo's low faces give (codes of core/questionnaire.ts REASONS). */
const DEMO_REASONS = [
  ["antrian"],
  ["petugas"],
  ["antrian", "sarana"],
  ["persyaratan"],
  ["belum-selesai"],
  ["sarana"],
  ["antrian"],
  ["lainnya"],
];

/** What the demo's possible levies say (docs/scoring.md, "Reasons and possible levies"). */
const LEVY_COMMENTS = [
  "Diminta uang Rp50.000 untuk percepatan.",
  "Petugas minta uang rokok supaya berkas cepat selesai.",
  null,
];

/** mulberry32: a small seeded PRNG, so the demo is the same on every machine for a given day. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 1–4 answer around a mean. */
const answerAround = (mean: number, random: () => number) =>
  Math.max(1, Math.min(4, Math.round(mean + (random() + random() + random() - 1.5) * 0.9)));

/** True when the database has no agency yet. */
export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(agencies);
  return row.n === 0;
}

/** Settings of the demo seed. */
export interface SeedOptions {
  password: string;
  pin: string;
  /** Origins allowed to embed the widget (Suara's own pages need not be listed). */
  origins: string[];
  now?: number;
  weeks?: number;
}

/** Creates the demo agency and its history. Call only on an empty database. */
export async function seedDemo(db: Db, { password, pin, origins, now = Date.now(), weeks = 30 }: SeedOptions) {
  const timezone = "Asia/Jakarta";
  const agencyId = newId("agc");
  const passwordHash = await hashSecret(password);
  const pinHash = await hashSecret(pin);
  const adminId = newId("usr");
  const serviceRows = [
    ["ktp-el", "KTP Elektronik"],
    ["kartu-keluarga", "Kartu Keluarga"],
    ["akta-kelahiran", "Akta Kelahiran"],
    ["pindah-datang", "Pindah Datang"],
  ].map(([slug, name]) => ({ id: newId("svc"), agencyId, slug, name }));
  const counterRows = [1, 2, 3, 4].map((n) => ({ id: newId("ctr"), agencyId, code: `loket-${n}`, name: `Loket ${n}` }));
  // What each counter gives (by index into serviceRows), its default first: loket-2 only birth certificates.
  const givenAt = [[0, 1], [2], [3, 1], [0, 1, 2, 3]];
  const counterServiceRows = counterRows.flatMap((counter, c) =>
    givenAt[c].map((s, position) => ({ counterId: counter.id, serviceId: serviceRows[s].id, position })),
  );
  const supervisorId = newId("usr");
  const officerRows = DEMO_OFFICERS.map((o) => ({
    id: newId("off"),
    agencyId,
    nip: o.nip,
    name: o.name,
    position: o.position,
    pinHash,
  }));
  await db.batch([
    db.insert(agencies).values({
      id: agencyId,
      slug: DEMO_AGENCY,
      name: "Dinas Kependudukan dan Pencatatan Sipil Kota Tebing Tinggi",
      region: "Sumatera Utara",
      timezone,
      embedOrigins: origins,
    }),
    db.insert(services).values(serviceRows),
    db.insert(counters).values(counterRows),
    db.insert(counterServices).values(counterServiceRows),
    db.insert(officers).values(officerRows),
    db.insert(users).values([
      {
        id: adminId,
        email: DEMO_ADMIN_EMAIL,
        name: "Admin Disdukcapil",
        role: "agency_admin",
        agencyId,
        passwordHash,
      },
      {
        id: supervisorId,
        email: DEMO_SUPERVISOR_EMAIL,
        name: "Kepala Bidang Pelayanan",
        role: "supervisor",
        agencyId,
        passwordHash,
      },
      {
        id: newId("usr"),
        email: DEMO_REGIONAL_EMAIL,
        name: "Ortala Provinsi",
        role: "regional_admin",
        region: "Sumatera Utara",
        passwordHash,
      },
      ...officerRows.map((o) => ({
        id: newId("usr"),
        name: o.name,
        role: "officer" as const,
        agencyId,
        officerId: o.id,
        passwordHash,
      })),
    ]),
  ]);

  const random = prng(Number(localDay(now, timezone).replaceAll("-", "")));
  const dutyRows: (typeof duties.$inferInsert)[] = [];
  const ratingRows: (typeof ratings.$inferInsert)[] = [];
  const today = startOfLocalDay(localDay(now, timezone), timezone);
  for (let d = weeks * 7; d >= 1; d--) {
    const dayStart = today - d * 86_400_000;
    const day = localDay(dayStart, timezone);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    counterRows.forEach((counter, c) => {
      // Officers rotate over the counters day by day; two of six rest each day.
      const officer = officerRows[(c + d) % officerRows.length];
      const mean = DEMO_OFFICERS[(c + d) % officerRows.length].mean;
      const startedAt = dayStart + 8 * 3_600_000;
      const endedAt = dayStart + 16 * 3_600_000;
      dutyRows.push({
        id: newId("dut"),
        counterId: counter.id,
        officerId: officer.id,
        startedAt,
        endedAt,
        startedVia: "tablet",
        endedVia: "tablet",
      });
      const served = 8 + Math.floor(random() * 14);
      for (let i = 0; i < served; i++) {
        const createdAt = startedAt + Math.floor(((i + random()) / served) * (endedAt - startedAt));
        const detailed = random() < 0.35;
        const answers = Object.fromEntries(
          ELEMENT_IDS.map((e) => [e, detailed ? answerAround(e === "biaya" ? 3.9 : mean, random) : null]),
        );
        // Drawn in the order they always were, so a day's demo stays the same as before reasons.
        const serviceId = serviceRows[givenAt[c][Math.floor(random() * givenAt[c].length)]].id;
        const overall = answerAround(mean, random);
        const comment = random() < 0.08 ? COMMENTS[Math.floor(random() * COMMENTS.length)] : null;
        // A low face gives reasons, and now and then a possible levy, picked without drawing.
        const levy = overall <= 2 && (i * 7 + d) % 41 === 0;
        ratingRows.push({
          id: uuidv7(createdAt),
          agencyId,
          serviceId,
          counterId: counter.id,
          officerId: officer.id,
          channel: "kiosk",
          overall,
          ...answers,
          reasons: levy ? ["biaya"] : overall <= 2 ? DEMO_REASONS[(i + c + d) % DEMO_REASONS.length] : null,
          comment: levy ? LEVY_COMMENTS[d % LEVY_COMMENTS.length] : comment,
          locale: "id",
          createdAt,
          receivedAt: createdAt + Math.floor(random() * 5000),
          day,
          flags: [],
          counted: true,
          batch: "seed",
        });
      }
    });
  }
  if (dutyRows.length) await db.insert(duties).values(dutyRows);
  // The queue log of those duties; it sets each kiosk rating's visit, so it comes before their insert.
  const visitCount = await seedVisits(db, {
    agencyId,
    timezone,
    services: serviceRows,
    counters: counterRows,
    servicesAt: new Map(counterRows.map((counter, c) => [counter.id, givenAt[c].map((s) => serviceRows[s].id)])),
    duties: dutyRows,
    ratings: ratingRows,
    fewVisitsOfficer: officerRows[officerRows.length - 1].id,
    random,
  });
  for (let i = 0; i < ratingRows.length; i += 400) await db.insert(ratings).values(ratingRows.slice(i, i + 400));
  await rebuildRollups(db, agencyId);
  await seedHistory(db, { agencyId, adminId, supervisorId, officerId: officerRows[0].id, ratingRows, now, timezone });
  return { agencyId, ratings: ratingRows.length, visits: visitCount };
}
