/**
 * What the demo's people did with its ratings (docs/design.md, "Demo data"), after db/seed.ts made
 * them: the follow-up plans of the past two semesters, an officer's reply and a supervisor's
 * feedback in the oldest semester, and the past semester published, in that order, since a
 * publication freezes the plan as it stands.
 */
import { eq } from "drizzle-orm";
import { nextQuarter, previousPeriod, priorityElements } from "../core/follow-up-plan.ts";
import { newId } from "../core/ids.ts";
import { currentSemester, parsePeriod, startOfLocalDay, type Timezone } from "../core/period.ts";
import { ELEMENT_IDS, type ElementId } from "../core/questionnaire.ts";
import { addStat, elementFigures, emptyStat } from "../core/scoring.ts";
import type { Db } from "./client.ts";
import { periodSnapshot, publishStatements } from "./queries/publications.ts";
import { commentReplies, followUps, officerFeedback, type ratings, users } from "./schema.ts";

/** The demo's plans, answers and publication, for its agency, admin, supervisor and first officer. */
export async function seedHistory(
  db: Db,
  demo: {
    agencyId: string;
    adminId: string;
    supervisorId: string;
    officerId: string;
    ratingRows: (typeof ratings.$inferInsert)[];
    now: number;
    timezone: Timezone;
  },
) {
  const { agencyId, adminId, supervisorId, officerId, ratingRows, now, timezone } = demo;
  const plan = demoFollowUps(ratingRows, { agencyId, createdBy: adminId, now, timezone });
  if (plan.length) await db.insert(followUps).values(plan);
  await seedAnswers(db, { agencyId, officerId, supervisorId, ratingRows, timezone });
  await publishPastSemester(db, agencyId, adminId, now, timezone);
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
async function publishPastSemester(db: Db, agencyId: string, adminId: string, now: number, timezone: Timezone) {
  const period = parsePeriod(previousPeriod(currentSemester(now, timezone))!)!;
  const snapshot = await periodSnapshot(db, agencyId, period);
  if (!snapshot.ikm) return;
  const row = { id: newId("pub"), agencyId, period: period.label, snapshot, publishedBy: adminId, publishedAt: now };
  await db.batch([...publishStatements(db, row)]);
}
