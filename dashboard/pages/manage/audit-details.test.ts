import { describe, expect, it } from "vitest";
import { auditDetails, type Names } from "./audit-details.ts";

const names: Names = {
  counters: new Map([["ctr_1", "Loket 1"]]),
  officers: new Map([["off_1", "Siti Rahmawati"]]),
  keys: new Map([["ik_1", "Mesin antrean"]]),
};
const entry = (
  action: string,
  details: unknown,
  target = "x",
  subject: { name: string; at?: string } | null = null,
) => ({
  at: "2026-11-30T08:00:00.000Z",
  action,
  target,
  details,
  actor: "Kepala Bidang Pelayanan",
  subject,
});

describe("audit details in words", () => {
  it("name a stated population's period in words and its number with its unit, never the period's code", () => {
    const stated = entry("population.state", { period: "2026-S2", population: 12000 }, "2026-S2");
    expect(auditDetails(stated, names, "id")).toBe("Semester II 2026: 12.000 penerima layanan");
    expect(auditDetails(entry("population.withdraw", { period: "2026-11", population: 800 }), names, "en")).toBe(
      "November 2026: 800 service users",
    );
  });

  it("count an import's visits by what became of them", () => {
    const sent = entry("visits.import", { accepted: 1200, duplicate: 3, rejected: 1 });
    expect(auditDetails(sent, names, "id")).toBe("1.200 disimpan, 3 sudah ada, 1 ditolak");
    expect(auditDetails(sent, names, "en")).toBe("1,200 stored, 3 already there, 1 refused");
  });

  it("count a kept log mapping's columns and values, never its field codes", () => {
    const mapping = { columns: { service: "Layanan", calledAt: "Panggil" }, services: { KTP: "ktp-el" }, counters: {} };
    expect(auditDetails(entry("visits.map", mapping), names, "id")).toBe("2 kolom, 1 nilai layanan, 0 nilai loket");
    expect(auditDetails(entry("visits.map", mapping), names, "en")).toBe(
      "2 columns, 1 service values, 0 counter values",
    );
  });

  it("say a contest's reason in words, never its code or the contest's id", () => {
    const rating = { name: "KTP Elektronik", at: "2026-11-27T03:55:00.000Z" };
    const contested = entry("rating.contest", { contest: "cst_1", reason: "not_served_by_me" }, "r-1", rating);
    expect(auditDetails(contested, names, "id", "Asia/Jakarta")).toBe(
      "penilaian KTP Elektronik, 27 Nov 2026, 10.55 WIB · Bukan saya yang melayani warga ini",
    );
  });

  it("name a reply by its rating and text, and feedback by its officer and period in words, never an id", () => {
    const rating = { name: "KTP Elektronik", at: "2026-11-27T03:55:00.000Z" };
    const replied = entry("comment.reply", { reply: "rpl_1", text: "Mohon maaf" }, "r-1", rating);
    expect(auditDetails(replied, names, "id", "Asia/Jakarta")).toBe(
      "penilaian KTP Elektronik, 27 Nov 2026, 10.55 WIB · Mohon maaf",
    );
    const given = entry("feedback.give", { officer: "off_1", period: "2026-S2", text: "Pertahankan" }, "fbk_1");
    expect(auditDetails(given, names, "id")).toBe("Siti Rahmawati · Semester II 2026 · Pertahankan");
    expect(auditDetails(entry("feedback.acknowledge", { period: "2026-11" }, "fbk_1"), names, "en")).toBe(
      "November 2026",
    );
  });

  it("name a publication's period, IKM, respondents and RTL rows in words, and say when it corrects one", () => {
    const first = entry("publication.publish", {
      period: "2026-S1",
      ikm: 84.7,
      respondents: 863,
      followUps: 2,
      supersedes: null,
    });
    expect(auditDetails(first, names, "id")).toBe("Semester I 2026: IKM 84,70, 863 responden, 2 baris RTL");
    const again = entry("publication.publish", {
      period: "2026-S1",
      ikm: 85,
      respondents: 1200,
      followUps: 0,
      supersedes: "pub_1",
    });
    expect(auditDetails(again, names, "en")).toBe(
      "Semester I 2026: IKM 85.00, 1,200 respondents, 0 RTL rows · corrects the earlier publication",
    );
  });

  it("word an alert rule's change and a webhook's, never the rule's code", () => {
    const low = entry("alert_rule.update", { rule: "low_faces", enabled: true, count: 4, minutes: 20 }, "low_faces");
    expect(auditDetails(low, names, "id")).toBe(
      "Wajah rendah (1 atau 2) beruntun di satu loket · aktif · 4 wajah rendah dalam 20 menit",
    );
    const off = entry("alert_rule.update", { rule: "levy", enabled: false, count: null, minutes: null }, "levy");
    expect(auditDetails(off, names, "en")).toBe(
      'Possible levy: the reason "I was asked to pay" or a comment speaking of money, at once · off',
    );
    const hook = entry("webhook.set", { url: "https://relay.example/suara" }, "https://relay.example/suara");
    expect(auditDetails(hook, names, "id")).toBe("https://relay.example/suara");
  });

  it("name a duty's counter and officer, where it ended and why, in both languages", () => {
    const ended = entry("duty.end", { counter: "ctr_1", officer: "off_1", via: "board", reason: "Lupa keluar" });
    expect(auditDetails(ended, names, "id")).toBe(
      "Loket 1 · Siti Rahmawati · lewat papan tugas (supervisor) · alasan: Lupa keluar",
    );
    expect(auditDetails(ended, names, "en")).toBe(
      "Loket 1 · Siti Rahmawati · via duty board (supervisor) · reason: Lupa keluar",
    );
    const started = entry("duty.start", { counter: "ctr_1", officer: "off_1", via: "dashboard" });
    expect(auditDetails(started, names, "id")).toBe("Loket 1 · Siti Rahmawati · lewat dasbor");
  });

  it("name the officers an import added and say which got a PIN, never the PIN", () => {
    const imported = entry("officer.import", [
      { id: "off_2", nip: "199005152015031001", name: "Andi Pratama", pinSet: true },
      { id: "off_3", nip: "199310102018011003", name: "Bayu Saputra" },
    ]);
    expect(auditDetails(imported, names, "id")).toMatch(/Andi Pratama \(PIN diatur\), Bayu Saputra$/);
    expect(auditDetails(imported, names, "en")).toMatch(/Andi Pratama \(PIN set\), Bayu Saputra$/);
  });

  it("never show an id, even one they cannot name; a source they have no words for stays as sent", () => {
    const ended = entry("duty.end", { counter: "ctr_gone", officer: "off_1", via: "somewhere" });
    expect(auditDetails(ended, names, "id")).toBe("Siti Rahmawati · lewat somewhere");
  });

  it("name a vouched ticket's officer and a key by its name", () => {
    const vouched = entry("ticket.vouch", { reason: "Antrean mati", service: "ktp-el", counter: null }, "off_1");
    expect(auditDetails(vouched, names, "id")).toBe("Siti Rahmawati · ktp-el · alasan: Antrean mati");
    expect(auditDetails(entry("integration_key.create", { name: "Lantai 1" }, "ik_2"), names, "id")).toBe("Lantai 1");
    expect(auditDetails(entry("integration_key.revoke", null, "ik_1"), names, "en")).toBe("Mesin antrean");
  });

  it("name what a change is about and each field in words, never an id or a code", () => {
    const created = entry("service.create", { id: "svc_1", agencyId: "ag_1", slug: "paspor", name: "Paspor" });
    expect(auditDetails({ ...created, subject: { name: "Paspor" } }, names, "id")).toBe(
      "Paspor · kode alamat: paspor · nama: Paspor",
    );
    const pin = entry("officer.update", { pinChanged: true }, "off_1", { name: "Siti Rahmawati" });
    expect(auditDetails(pin, names, "id")).toBe("Siti Rahmawati · PIN diganti");
    expect(auditDetails(pin, names, "en")).toBe("Siti Rahmawati · PIN changed");
    const role = entry("user.update", { role: "supervisor", passwordChanged: false }, "usr_1", { name: "Budi" });
    expect(auditDetails(role, names, "id")).toBe("Budi · peran: Supervisor");
    const at = "2026-11-02T01:06:00.000Z";
    const included = entry("rating.include", null, "01JXYZ", { name: "KTP-el", at });
    // The rating's time in the agency's zone, named: 01:06 UTC is 08:06 WIB.
    expect(auditDetails(included, names, "id", "Asia/Jakarta")).toMatch(/^penilaian KTP-el, 2 Nov 2026.* 08\.06 WIB$/);
    expect(auditDetails(included, names, "id")).not.toContain("01JXYZ");
    const decided = entry("contest.decide", { rating: "01JXYZ", decision: "exclude", note: "Salah loket" }, "ct_1", {
      name: "KTP-el",
      at,
    });
    expect(auditDetails(decided, names, "en")).toMatch(
      /^rating for KTP-el, .* · decision: excluded · note: Salah loket$/,
    );
  });
});

describe("a follow-up plan's audit entries in words", () => {
  const row = {
    period: "2026-S2",
    element: "waktu",
    action: "Menambah loket",
    due: "2027-Q1",
    responsible: "Kepala Bidang Pelayanan",
    status: "planned",
    note: null,
  };

  it("say what a new row holds: period, element, time and status in words, never their codes", () => {
    expect(auditDetails(entry("follow_up.create", row, "rtl_1"), names, "id")).toBe(
      "Semester II 2026 · Waktu Penyelesaian · program / kegiatan: Menambah loket · waktu: Triwulan I 2027 · penanggung jawab: Kepala Bidang Pelayanan · status: Direncanakan",
    );
    expect(auditDetails(entry("follow_up.delete", { ...row, due: "2027-01" }, "rtl_1"), names, "en")).toBe(
      "Semester II 2026 · Completion time · programme / activity: Menambah loket · time: January 2027 · person responsible: Kepala Bidang Pelayanan · status: Planned",
    );
  });

  it("say each change old → new, in both languages", () => {
    const changed = entry("follow_up.update", {
      period: "2026-S2",
      element: "sarana",
      from: { status: "in_progress", note: null },
      to: { status: "done", note: "AC diganti" },
    });
    expect(auditDetails(changed, names, "id")).toBe(
      "Semester II 2026 · Sarana dan Prasarana · status: Sedang berjalan → Selesai · catatan: kosong → AC diganti",
    );
    expect(auditDetails(changed, names, "en")).toBe(
      "Semester II 2026 · Facilities and infrastructure · status: In progress → Done · note: empty → AC diganti",
    );
  });
});
