import { describe, expect, it } from "vitest";
import { VISIT_ID } from "./patterns.ts";
import { MAX_VISITS, VisitInput } from "./visit-contract.ts";
import {
  distinctValues,
  guessColumns,
  LOG_CHUNK,
  type LogContext,
  type LogMapping,
  logSheet,
  logVisitId,
  matchValue,
  readLog,
} from "./visit-log.ts";

const context: LogContext = {
  timezone: "Asia/Jakarta",
  services: [
    { key: "ktp-el", name: "KTP Elektronik" },
    { key: "kk", name: "Kartu Keluarga" },
  ],
  counters: [
    { key: "loket-1", name: "Loket 1", opensAt: "08:00", closesAt: "15:00" },
    { key: "loket-2", name: "Loket 2", opensAt: "08:00", closesAt: "15:00" },
  ],
};

describe("guessColumns", () => {
  it("guesses a queue machine's Indonesian header row", () => {
    const headers = [
      "No",
      "Nomor Antrian",
      "Layanan",
      "Loket",
      "Tanggal",
      "Jam Ambil",
      "Jam Panggil",
      "Mulai Layanan",
      "Jam Selesai",
      "NIP Petugas",
    ];
    expect(guessColumns(headers)).toEqual({
      queueNumber: "Nomor Antrian",
      service: "Layanan",
      counter: "Loket",
      date: "Tanggal",
      takenAt: "Jam Ambil",
      calledAt: "Jam Panggil",
      servedAt: "Mulai Layanan",
      finishedAt: "Jam Selesai",
      officer: "NIP Petugas",
    });
  });

  it("guesses an English one, and gives each column to one field only", () => {
    expect(
      guessColumns(["id", "ticket", "service", "counter", "taken_at", "called_at", "served_at", "finished_at"]),
    ).toEqual({
      id: "id",
      queueNumber: "ticket",
      service: "service",
      counter: "counter",
      takenAt: "taken_at",
      calledAt: "called_at",
      servedAt: "served_at",
      finishedAt: "finished_at",
    });
    expect(guessColumns(["Waktu", "Keterangan"])).toEqual({});
  });
});

describe("matchValue", () => {
  it("matches a value by key or name without case, spaces or punctuation; a kept choice comes first while it exists", () => {
    expect(matchValue("KTP-EL", context.services, {})).toBe("ktp-el");
    expect(matchValue("kartu keluarga", context.services, {})).toBe("kk");
    expect(matchValue("LOKET 1", context.counters, {})).toBe("loket-1");
    expect(matchValue("A", context.services, {})).toBeNull();
    expect(matchValue("A", context.services, { A: "kk" })).toBe("kk");
    expect(matchValue("KTP", context.services, { KTP: "archived-service" })).toBeNull();
  });
});

/** A log as a queue machine writes it: a date column, times alone, service and counter as it names them. */
const LOG = [
  ["Nomor", "Layanan", "Loket", "Tanggal", "Ambil", "Panggil", "Selesai", "NIP"],
  ["A001", "KTP", "Loket 1", "30/11/2026", "08:01:00", "08:05:12", "08:15:00", ""],
  ["A002", "KTP", "Loket 1", "30/11/2026", "08:02:00", "08:16:00", "08:10:00", ""],
  ["", "", "", "", "", "", "", ""],
  ["B001", "Kartu Keluarga", "Loket 9", "30/11/2026", "08:03:00", "08:20:00", "08:30:00", ""],
  ["B002", "KK", "Loket 2", "30/11/2026", "jam 8", "", "", ""],
  ["B003", "Akta", "Loket 2", "30/11/2026", "08:04:00", "", "", ""],
  ["B004", "KK", "Loket 2", "30/11/2026", "", "", "", ""],
  ["A001", "KTP", "Loket 1", "30/11/2026", "08:01:00", "08:05:12", "08:15:00", ""],
  ["B005", "KK", "Loket 2", "30/11/2026", "16:00:00", "16:10:00", "16:20:00", "1990 0515 2015 0310 01"],
  ["B006", "KK", "", "30/11/2026", "09:00:00", "", "", "12345"],
];
const mapping: LogMapping = {
  columns: guessColumns(LOG[0]),
  services: { KTP: "ktp-el", KK: "kk" },
  counters: {},
};

describe("readLog", () => {
  const rows = readLog(logSheet(LOG), mapping, context);
  const byLine = (line: number) => rows.find((r) => r.line === line)!;

  it("reads a good row into the visit the API takes, times in the agency's offset, its id derived", () => {
    const row = byLine(2);
    expect(row.problems).toEqual([]);
    expect(row.flags).toEqual([]);
    expect(row.visit).toEqual({
      id: "log:2026-11-30:ktp-el:A001",
      service: "ktp-el",
      counter: "loket-1",
      queueNumber: "A001",
      takenAt: "2026-11-30T08:01:00+07:00",
      calledAt: "2026-11-30T08:05:12+07:00",
      finishedAt: "2026-11-30T08:15:00+07:00",
    });
    expect(VisitInput.safeParse(row.visit).success).toBe(true);
  });

  it("skips empty rows and keeps each row's line in the file", () => {
    expect(rows.map((r) => r.line)).toEqual([2, 3, 5, 6, 7, 8, 9, 10, 11]);
  });

  it("sends an implausible row with the flags it will get: finished before called, served outside the counter's hours", () => {
    expect(byLine(3).flags).toEqual(["finished_before_served"]);
    expect(byLine(3).visit).not.toBeNull();
    expect(byLine(10).flags).toEqual(["outside_hours"]);
    expect(byLine(10).visit?.officer).toBe("199005152015031001");
  });

  it("names each problem that keeps a row back", () => {
    expect(byLine(5).problems).toEqual([{ code: "unknown_counter", field: "counter", value: "Loket 9" }]);
    expect(byLine(6).problems).toEqual([{ code: "bad_time", field: "takenAt", value: "jam 8" }]);
    expect(byLine(7).problems).toEqual([{ code: "unknown_service", field: "service", value: "Akta" }]);
    expect(byLine(8).problems).toEqual([{ code: "no_time" }]);
    expect(byLine(9).problems).toEqual([{ code: "duplicate", value: "2" }]);
    expect(byLine(11).problems).toEqual([{ code: "bad_officer", field: "officer", value: "12345" }]);
    for (const line of [5, 6, 7, 8, 9, 11]) expect(byLine(line).visit).toBeNull();
  });

  it("says a time alone needs a date column, and a row needs a service", () => {
    const { date: _, ...noDate } = mapping.columns;
    const [row] = readLog(logSheet(LOG.slice(0, 2)), { ...mapping, columns: noDate }, context);
    expect(row.problems.map((p) => p.code)).toEqual(["no_date", "no_date", "no_date"]);
    const { service: __, ...noService } = mapping.columns;
    expect(readLog(logSheet(LOG.slice(0, 2)), { ...mapping, columns: noService }, context)[0].problems).toEqual([
      { code: "no_service", field: "service" },
    ]);
  });

  it("uses the log's own ids when a column is mapped to them, refusing one the API would", () => {
    const sheet = logSheet([
      ["ID", "Layanan", "Dilayani"],
      ["antrian-2026-11-30-A012", "KTP", "2026-11-30 09:00"],
      ["bad id!", "KTP", "2026-11-30 09:00"],
      ["antrian-2026-11-30-A012", "KTP", "2026-11-30 09:30"],
    ]);
    const read = readLog(sheet, { ...mapping, columns: guessColumns(sheet.headers) }, context);
    expect(read[0].visit?.id).toBe("antrian-2026-11-30-A012");
    expect(read[0].visit?.servedAt).toBe("2026-11-30T09:00:00+07:00");
    expect(read[1].problems).toEqual([{ code: "bad_id", field: "id", value: "bad id!" }]);
    expect(read[2].problems).toEqual([{ code: "duplicate", value: "2" }]);
  });

  it("gives the same ids to the same log read again", () => {
    const again = readLog(logSheet(LOG), mapping, context);
    expect(again.map((r) => r.visit?.id)).toEqual(rows.map((r) => r.visit?.id));
  });
});

describe("logVisitId", () => {
  const at = Date.parse("2026-11-30T23:30:05+07:00");
  it("is the local day, service and queue number; the local time and counter without a number", () => {
    expect(logVisitId({ service: "kk", queueNumber: "B 12/3" }, at, "Asia/Jakarta")).toBe("log:2026-11-30:kk:B_12_3");
    expect(logVisitId({ service: "kk", queueNumber: "B12" }, at, "Asia/Jayapura")).toBe("log:2026-12-01:kk:B12");
    expect(logVisitId({ service: "kk", counter: "loket-2" }, at, "Asia/Jakarta")).toBe(
      "log:2026-11-30:kk:t233005-loket-2",
    );
    expect(logVisitId({ service: "kk" }, at, "Asia/Jakarta")).toBe("log:2026-11-30:kk:t233005");
  });

  it("stays within VISIT_ID's 64 characters with the longest slug and queue number", () => {
    const service = "a".repeat(64);
    const id = logVisitId({ service, queueNumber: "Q".repeat(20) }, at, "Asia/Jakarta");
    expect(id).toMatch(VISIT_ID);
    expect(id).toMatch(/^log:2026-11-30:[0-9a-f]{8}:Q{20}$/);
    expect(logVisitId({ service: "b".repeat(64), queueNumber: "Q".repeat(20) }, at, "Asia/Jakarta")).not.toBe(id);
  });
});

describe("distinctValues", () => {
  it("lists a column's values once each, first met first", () => {
    const sheet = logSheet(LOG);
    expect(distinctValues(sheet, 1)).toEqual(["KTP", "Kartu Keluarga", "KK", "Akta"]);
    expect(distinctValues(sheet, undefined)).toEqual([]);
  });
});

describe("LOG_CHUNK", () => {
  it("is the most visits one POST carries", () => {
    expect(LOG_CHUNK).toBe(MAX_VISITS);
  });
});
