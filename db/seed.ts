/**
 * The demo agency (docs/design.md, "Demo data"): Disdukcapil Kota Tebing Tinggi with
 * four services, four counters, six officers, an admin, a supervisor, a
 * regional admin, and thirty weeks of plausible kiosk ratings attributed through
 * real duties, so every screen has something to show, and its past semester published.
 * Deterministic for a given day.
 */
import { count, eq } from "drizzle-orm";
import { nextQuarter, previousPeriod, priorityElements } from "../core/follow-up-plan.ts";
import { newId } from "../core/ids.ts";
import { hashSecret } from "../core/password.ts";
import { currentSemester, localDay, parsePeriod, startOfLocalDay, type Timezone } from "../core/period.ts";
import { ELEMENT_IDS, type ElementId } from "../core/questionnaire.ts";
import { addStat, elementFigures, emptyStat } from "../core/scoring.ts";
import { uuidv7 } from "../core/uuid7.ts";
import type { Db } from "./client.ts";
import { periodSnapshot, publishStatements } from "./queries/publications.ts";
import { rebuildRollups } from "./queries/rollups.ts";
import {
  agencies,
  commentReplies,
  counterServices,
  counters,
  duties,
  followUps,
  officerFeedback,
  officers,
  ratings,
  services,
  users,
} from "./schema.ts";

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
function prng(seed: number) {
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
  for (let i = 0; i < ratingRows.length; i += 400) await db.insert(ratings).values(ratingRows.slice(i, i + 400));
  await rebuildRollups(db, agencyId);
  // Before anything is published from the demo: a publication freezes the plan as it stands.
  const plan = demoFollowUps(ratingRows, { agencyId, createdBy: adminId, now, timezone });
  if (plan.length) await db.insert(followUps).values(plan);
  await seedAnswers(db, { agencyId, officerId: officerRows[0].id, supervisorId, ratingRows, timezone });
  await publishPastSemester(db, agencyId, now, timezone);
  return { agencyId, ratings: ratingRows.length };
}

/**
 * Officers answer, in the demo's oldest semester (so today's pages start clean): the first officer
 * replied to their oldest comment, and the supervisor wrote them feedback for that semester, which
 * they read the next day.
 */
async function seedAnswers(
  db: Db,
  given: {
    agencyId: string;
    officerId: string;
    supervisorId: string;
    ratingRows: (typeof ratings.$inferInsert)[];
    timezone: Timezone;
  },
) {
  const { agencyId, officerId, supervisorId, timezone } = given;
  const oldest = given.ratingRows.find((r) => r.officerId === officerId && r.comment);
  const [account] = await db.select({ id: users.id }).from(users).where(eq(users.officerId, officerId));
  if (!oldest || !account) return;
  const day = 86_400_000;
  await db.batch([
    db.insert(commentReplies).values({
      id: newId("rpl"),
      agencyId,
      officerId,
      ratingId: oldest.id,
      text: "Terima kasih atas masukannya; kami sampaikan ke bagian umum.",
      createdBy: account.id,
      createdAt: oldest.createdAt + day,
    }),
    db.insert(officerFeedback).values({
      id: newId("fbk"),
      agencyId,
      officerId,
      period: currentSemester(oldest.createdAt, timezone),
      text: "Pelayanan Anda konsisten baik. Tanggapi komentar warga dengan cepat seperti yang sudah Anda lakukan.",
      createdBy: supervisorId,
      createdAt: oldest.createdAt + 2 * day,
      acknowledgedAt: oldest.createdAt + 3 * day,
    }),
  ]);
}

/** A follow-up plan's row as stored. */
type Row = typeof followUps.$inferInsert;

/** What a Disdukcapil would plan for each element when it is a priority (program / kegiatan). */
const DEMO_ACTIONS: Record<ElementId, string> = {
  persyaratan: "Memasang papan dan brosur persyaratan tiap layanan di ruang tunggu dan di laman dinas",
  prosedur: "Menyusun alur layanan (SOP) bergambar dan memasangnya di setiap loket",
  waktu: "Menambah satu loket perekaman KTP-el pada jam sibuk (08.00–11.00)",
  biaya: "Memasang maklumat layanan tanpa biaya di setiap loket dan di laman dinas",
  produk: "Memeriksa ulang data KK dan akta bersama pemohon sebelum dicetak",
  kompetensi: "Bimbingan teknis aplikasi SIAK bagi operator layanan",
  perilaku: "Pelatihan pelayanan prima dan budaya 5S (senyum, salam, sapa, sopan, santun) bagi petugas loket",
  sarana: "Memperbaiki pendingin ruangan dan menambah kursi di ruang tunggu",
  pengaduan: "Membalas setiap pengaduan SP4N-LAPOR! dan kotak saran paling lambat 5 hari kerja",
};

/** Who answers for each row of the demo's plans, in turn. */
const DEMO_RESPONSIBLE = [
  "Kepala Bidang Pelayanan Pendaftaran Penduduk",
  "Sekretaris Dinas",
  "Kepala Seksi Identifikasi",
];

/**
 * The demo's follow-up plans (docs/scoring.md, "Follow-up plan"): for the past semester, a row for each
 * of its three weakest elements as core/follow-up-plan.ts proposes them from the seeded ratings (one
 * done, one in progress, one planned); for the semester before, two rows, both done, so the past
 * semester's report has a previous plan to look back on. None without ratings (the API tests' seed).
 */
function demoFollowUps(
  rows: (typeof ratings.$inferInsert)[],
  { agencyId, createdBy, now, timezone }: { agencyId: string; createdBy: string; now: number; timezone: Timezone },
): Row[] {
  const past = previousPeriod(currentSemester(now, timezone))!;
  const { from, to } = parsePeriod(past)!;
  const stats = Object.fromEntries(ELEMENT_IDS.map((e) => [e, emptyStat()]));
  for (const row of rows) {
    if (row.day < from || row.day > to) continue;
    for (const e of ELEMENT_IDS) {
      const answer = row[e];
      if (typeof answer === "number") addStat(stats[e], { n: 1, sum: answer, sumSq: answer * answer });
    }
  }
  const figures = Object.fromEntries(ELEMENT_IDS.map((e) => [e, elementFigures(stats[e])])) as Record<
    ElementId,
    ReturnType<typeof elementFigures>
  >;
  const weakest = priorityElements(figures).slice(0, 3);
  if (!weakest.length) return [];
  // Written the day after each semester ended, a minute apart, in the order of the plan.
  const writtenAfter = (period: string, i: number) =>
    startOfLocalDay(parsePeriod(period)!.to, timezone) + 86_400_000 + 9 * 3_600_000 + i * 60_000;
  const updated = (createdAt: number) => Math.min(now - 86_400_000, createdAt + 45 * 86_400_000);
  // Due the next quarter; the plan not yet started, the one after.
  const soon = nextQuarter(to);
  const later = nextQuarter(parsePeriod(soon)!.to);
  const statuses = [
    { status: "done" as const, note: "Selesai dilaksanakan; dipantau pada survei berikutnya." },
    { status: "in_progress" as const, note: "Sedang berjalan: anggaran perubahan sudah disetujui." },
    { status: "planned" as const, note: null },
  ];
  /** A row written after `period` ended, `i`-th of its plan. */
  const written = (period: string, i: number, element: ElementId, fields: Pick<Row, "due" | "status" | "note">) => {
    const createdAt = writtenAfter(period, i);
    return {
      id: newId("rtl"),
      agencyId,
      period,
      element,
      action: DEMO_ACTIONS[element],
      responsible: DEMO_RESPONSIBLE[i % DEMO_RESPONSIBLE.length],
      ...fields,
      createdBy,
      createdAt,
      updatedAt: fields.status === "planned" ? null : updated(createdAt),
    };
  };
  const pastPlan = weakest.map(({ element }, i) =>
    written(past, i, element, { due: i === 2 ? later : soon, ...statuses[i] }),
  );
  const before = previousPeriod(past)!;
  // Done within the past semester: its first and second quarter.
  const firstQuarter = nextQuarter(parsePeriod(before)!.to);
  const beforePlan = [
    written(before, 0, "waktu", {
      due: firstQuarter,
      status: "done",
      note: "Loket tambahan dibuka pada jam sibuk sejak awal semester.",
    }),
    written(before, 1, "sarana", {
      due: nextQuarter(parsePeriod(firstQuarter)!.to),
      status: "done",
      note: "Dua unit AC baru dipasang.",
    }),
  ];
  return [...beforePlan, ...pastPlan];
}

/**
 * The demo's past semester published by its admin (docs/design.md, "Publications"), with whatever
 * RTL rows it has by then, so the public page and the badge have a period to show; nothing when
 * the semester has no IKM (a seed without weeks of ratings).
 */
async function publishPastSemester(db: Db, agencyId: string, now: number, timezone: Timezone) {
  const [year, half] = currentSemester(now, timezone).split("-S").map(Number);
  const period = parsePeriod(half === 2 ? `${year}-S1` : `${year - 1}-S2`)!;
  const snapshot = await periodSnapshot(db, agencyId, period);
  if (!snapshot.ikm) return;
  const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_ADMIN_EMAIL));
  const row = { id: newId("pub"), agencyId, period: period.label, snapshot, publishedBy: admin.id, publishedAt: now };
  await db.batch([...publishStatements(db, row)]);
}
