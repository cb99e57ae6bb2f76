/**
 * The SKM questionnaire of PermenPANRB 14/2017: nine elements (unsur), each
 * answered 1–4. Elements are keyed by a stable id, never by position, because
 * the printed order of elements 8 and 9 differs between copies of the rule.
 */

/** The locales Suara speaks: Bahasa Indonesia first, English second. */
export const LOCALES = ["id", "en"] as const;
/** A locale code. */
export type Locale = (typeof LOCALES)[number];

/** Text in every locale. */
export type Localized = Record<Locale, string>;

/** Stable ids of the nine SKM elements, in the regulation's usual order. */
export const ELEMENT_IDS = [
  "persyaratan",
  "prosedur",
  "waktu",
  "biaya",
  "produk",
  "kompetensi",
  "perilaku",
  "sarana",
  "pengaduan",
] as const;
/** An element's stable id. */
export type ElementId = (typeof ELEMENT_IDS)[number];

/** One answer on the 1–4 scale. */
export type Answer = 1 | 2 | 3 | 4;

/** A questionnaire element: its name, its question and the labels of answers 1–4. */
export interface Element {
  id: ElementId;
  name: Localized;
  question: Localized;
  /** Labels of answers 1, 2, 3 and 4, in that order. */
  answers: readonly [Localized, Localized, Localized, Localized];
}

/** Pairs the Indonesian and English labels of answers 1–4. Pure, so bundlers drop unused ELEMENTS. */
/* @__NO_SIDE_EFFECTS__ */
const scale = (id: [string, string, string, string], en: [string, string, string, string]) =>
  [0, 1, 2, 3].map((i) => ({ id: id[i], en: en[i] })) as unknown as Element["answers"];

/** The nine elements with the standard form's questions and labels (docs/scoring.md, "Elements"). */
export const ELEMENTS: readonly Element[] = [
  {
    id: "persyaratan",
    name: { id: "Persyaratan", en: "Requirements" },
    question: {
      id: "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
      en: "How well do the service requirements fit the kind of service?",
    },
    answers: scale(
      ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"],
      ["Not appropriate", "Less appropriate", "Appropriate", "Very appropriate"],
    ),
  },
  {
    id: "prosedur",
    name: { id: "Sistem, Mekanisme, dan Prosedur", en: "Systems, mechanisms and procedures" },
    question: {
      id: "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
      en: "How easy are the service procedures in this unit?",
    },
    answers: scale(
      ["Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"],
      ["Not easy", "Less easy", "Easy", "Very easy"],
    ),
  },
  {
    id: "waktu",
    name: { id: "Waktu Penyelesaian", en: "Completion time" },
    question: {
      id: "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
      en: "How fast was the service delivered?",
    },
    answers: scale(
      ["Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"],
      ["Not fast", "Less fast", "Fast", "Very fast"],
    ),
  },
  {
    id: "biaya",
    name: { id: "Biaya/Tarif", en: "Cost/fee" },
    question: {
      id: "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
      en: "How fair was the cost or fee of the service?",
    },
    answers: scale(
      ["Sangat mahal", "Cukup mahal", "Murah", "Gratis"],
      ["Very expensive", "Fairly expensive", "Cheap", "Free"],
    ),
  },
  {
    id: "produk",
    name: { id: "Produk Spesifikasi Jenis Pelayanan", en: "Service product specification" },
    question: {
      id: "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?",
      en: "How well did the result match the product stated in the service standard?",
    },
    answers: scale(
      ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"],
      ["Not appropriate", "Less appropriate", "Appropriate", "Very appropriate"],
    ),
  },
  {
    id: "kompetensi",
    name: { id: "Kompetensi Pelaksana", en: "Staff competence" },
    question: {
      id: "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
      en: "How competent was the officer who served you?",
    },
    answers: scale(
      ["Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"],
      ["Not competent", "Less competent", "Competent", "Very competent"],
    ),
  },
  {
    id: "perilaku",
    name: { id: "Perilaku Pelaksana", en: "Staff conduct" },
    question: {
      id: "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
      en: "How polite and friendly was the officer who served you?",
    },
    answers: scale(
      ["Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah"],
      ["Not polite and friendly", "Less polite and friendly", "Polite and friendly", "Very polite and friendly"],
    ),
  },
  {
    id: "sarana",
    name: { id: "Sarana dan Prasarana", en: "Facilities and infrastructure" },
    question: {
      id: "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
      en: "How good are the facilities and infrastructure?",
    },
    answers: scale(["Buruk", "Cukup", "Baik", "Sangat Baik"], ["Poor", "Fair", "Good", "Very good"]),
  },
  {
    id: "pengaduan",
    name: { id: "Penanganan Pengaduan, Saran dan Masukan", en: "Handling of complaints and suggestions" },
    question: {
      id: "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
      en: "How are complaints from service users handled?",
    },
    answers: scale(
      ["Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik"],
      ["None", "Exists but does not work", "Works, but not fully", "Well managed"],
    ),
  },
];

export { FACES } from "./faces.ts";

/** Looks an element up by its stable id. */
export const elementById = (id: ElementId): Element => ELEMENTS.find((e) => e.id === id) as Element;

/** The words of a code from one of the lists below (REASONS, PROFILE), or the code itself if the list has none. */
export const labelOf = (list: readonly { code: string; label: Localized }[], code: string, locale: Locale): string =>
  list.find((o) => o.code === code)?.label[locale] ?? code;

/** Reasons a citizen may give after a low face (1 or 2), by stable code (the API's `reasons`). */
export const REASONS: readonly { code: string; label: Localized }[] = [
  { code: "antrian", label: { id: "Antrean terlalu lama", en: "The wait was too long" } },
  { code: "petugas", label: { id: "Petugas kurang ramah", en: "Staff were not friendly" } },
  { code: "persyaratan", label: { id: "Persyaratan tidak jelas", en: "Requirements were unclear" } },
  { code: "biaya", label: { id: "Diminta biaya", en: "I was asked to pay" } },
  { code: "belum-selesai", label: { id: "Urusan belum selesai", en: "My matter is not resolved" } },
  { code: "sarana", label: { id: "Ruang tunggu kurang nyaman", en: "The waiting room was uncomfortable" } },
  { code: "lainnya", label: { id: "Lainnya", en: "Something else" } },
];

/** The standard form's respondent profile (docs/scoring.md, "Respondent profile"): every question optional, codes as the API takes them. */
export const PROFILE = {
  gender: [
    { code: "L", label: { id: "Laki-laki", en: "Male" } },
    { code: "P", label: { id: "Perempuan", en: "Female" } },
  ],
  education: [
    { code: "SD", label: { id: "SD", en: "Primary" } },
    { code: "SMP", label: { id: "SMP", en: "Junior high" } },
    { code: "SMA", label: { id: "SMA", en: "Senior high" } },
    { code: "D1-D3", label: { id: "D1–D3", en: "Diploma" } },
    { code: "D4/S1", label: { id: "D4/S1", en: "Bachelor" } },
    { code: "S2", label: { id: "S2", en: "Master" } },
    { code: "S3", label: { id: "S3", en: "Doctorate" } },
  ],
  occupation: [
    { code: "PNS", label: { id: "PNS", en: "Civil servant" } },
    { code: "TNI", label: { id: "TNI", en: "Armed forces" } },
    { code: "POLRI", label: { id: "POLRI", en: "Police" } },
    { code: "Swasta", label: { id: "Pegawai swasta", en: "Private employee" } },
    { code: "Wirausaha", label: { id: "Wirausaha", en: "Self-employed" } },
    { code: "Lainnya", label: { id: "Lainnya", en: "Other" } },
  ],
} as const satisfies Record<string, readonly { code: string; label: Localized }[]>;
