/**
 * POST /agencies/:slug/officers/import as Excel's files reach it: the server reads and
 * checks every row itself (whatever a browser previewed), adds the good rows with their
 * PINs hashed as the form's, skips the others saying why, and never sends a PIN back.
 */
import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { readSheet } from "read-excel-file/node";
import { beforeEach, describe, expect, it } from "vitest";
import { importColumns, xlsxCells } from "../../../core/officer-sheet.ts";
import { verifySecret } from "../../../core/password.ts";
import { auditLog, officers } from "../../../db/schema.ts";
import { DEMO_SUPERVISOR_EMAIL } from "../../../db/seed.ts";
import { AGENCY_PATH, appWithAdmin, OFFICER_NIPS, OTHER_ADMIN_EMAIL, type TestApp } from "../../test-app.ts";

let t: TestApp;
let admin: string;
beforeEach(async () => {
  ({ t, admin } = await appWithAdmin());
});

const fixture = (name: string) => readFileSync(new URL(`../../../tests/fixtures/officers/${name}`, import.meta.url));
const send = (body: unknown, token = admin) => t.call("POST", `${AGENCY_PATH}/officers/import`, { token, body });
const importing = async (body: unknown) => {
  const res = await send(body);
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
};
const list = async () => (await (await t.call("GET", `${AGENCY_PATH}/officers`, { token: admin })).json()).officers;
const pinHashOf = async (nip: string) =>
  (await t.db.select({ pinHash: officers.pinHash }).from(officers).where(eq(officers.nip, nip)))[0]?.pinHash;
const codes = (rows: { line: number; code: string | null }[]) => rows.map((r) => [r.line, r.code]);

describe("importing officers", () => {
  it("reads an Indonesian-locale Excel CSV (semicolons, BOM, CRLF), adds the good rows with their PINs and skips the rest", async () => {
    const csv = fixture("excel-id.csv").toString("utf8");
    const before = (await list()).length;
    const preview = await importing({ csv });
    expect(preview.created).toBe(0);
    expect(codes(preview.rows)).toEqual([
      [2, null],
      [3, "nip_rounded"],
      [4, "pin"],
      [6, null],
    ]);
    expect(preview.rows.map((r: { pin: boolean }) => r.pin)).toEqual([true, false, true, false]);
    expect(preview.rows[1].error).toMatch(/format the NIP column as Text/);
    expect((await list()).length).toBe(before);

    const done = await importing({ csv, commit: true });
    expect(done.created).toBe(2);
    expect(codes(done.rows)).toEqual(codes(preview.rows));
    const now = await list();
    expect(now.length).toBe(before + 2);
    const andi = now.find((o: { nip: string }) => o.nip === "199005152015031001");
    expect(andi).toMatchObject({ name: "Andi Pratama", position: "Operator Layanan", active: true, hasPin: true });
    expect(now.find((o: { nip: string }) => o.nip === "199310102018011003").hasPin).toBe(false);
    // The PIN is hashed as a PIN set in the form is, and it is the file's.
    expect(await verifySecret("246810", (await pinHashOf("199005152015031001"))!)).toBe(true);
    // No PIN in any answer or in the audit log, which says a PIN was set.
    expect(JSON.stringify([preview, done, now])).not.toMatch(/246810|pbkdf2/);
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, "officer.import"));
    expect(JSON.stringify(entry)).not.toMatch(/246810|pbkdf2/);
    expect(entry.details).toEqual([
      expect.objectContaining({ nip: "199005152015031001", name: "Andi Pratama", pinSet: true }),
      expect.not.objectContaining({ pinSet: true }),
    ]);
  });

  it("signs the imported officer in at a kiosk with the file's PIN", async () => {
    await importing({ csv: "NIP;Nama;PIN\r\n199105152016032003;Sari Dewi;135790\r\n", commit: true });
    const device = await t.pairDevice("loket-2", admin);
    const duty = (pin: string) =>
      t.call("POST", "/api/v1/counters/loket-2/duty", { token: device, body: { nip: "199105152016032003", pin } });
    expect((await duty("135791")).status).toBe(401);
    expect((await duty("135790")).status).toBe(200);
  });

  it("reads a comma CSV with quoted names, and a semicolon one whose quoted names hold semicolons", async () => {
    const en = await importing({ csv: fixture("excel-en.csv").toString("utf8") });
    expect(codes(en.rows)).toEqual([
      [2, null],
      [3, null],
      [4, "nip_rounded"],
      [5, "nip_rounded"],
    ]);
    expect(en.rows[1].name).toBe("Sari Dewi, S.Kom");
    const quoted = await importing({ csv: fixture("quoted-semicolon.csv").toString("utf8") });
    expect(quoted.rows.map((r: { name: string; position: string }) => [r.name, r.position])).toEqual([
      ["Budi; Santoso", "Operator"],
      ['Ani "Nana" Kusuma', "Verifikator; senior"],
    ]);
  });

  it("reads an .xlsx sheet's cells as the dashboard sends them, and tells an NIP stored as a number", async () => {
    const sheet = await readSheet(fixture("officers.xlsx"), { parseNumber: (digits) => ({ number: digits }) });
    const cells = importColumns(xlsxCells(sheet));
    const done = await importing({ cells, commit: true });
    expect(codes(done.rows)).toEqual([
      [2, null],
      [3, "nip_number"],
      [4, "pin"],
      [6, null],
    ]);
    expect(done.rows[1].nip).toBe("1.99106152017031E+17");
    expect(done.created).toBe(2);
    expect(await pinHashOf("199310102018011003")).toMatch(/^pbkdf2\$/);
  });

  it("re-checks everything itself: an NIP that exists or comes twice is skipped, not added again", async () => {
    const csv = [
      "nip,nama,jabatan",
      `${OFFICER_NIPS[0]},Sudah Ada,Operator`,
      "199005152015031001,Andi Pratama,Operator",
      "199005152015031001,Kembar,Operator",
      "199013152015031002,Tanggal Salah,Operator",
      "199105152016032003,,Operator",
      "199105152016032003,Sari,Operator,12 34 56",
    ].join("\n");
    const done = await importing({ csv, commit: true });
    expect(codes(done.rows)).toEqual([
      [2, "nip_exists"],
      [3, null],
      [4, "nip_twice"],
      [5, "nip_birth"],
      [6, "name"],
      [7, null],
    ]);
    expect(done.created).toBe(2);
    // Importing the same file again adds nothing: every good row now exists.
    const again = await send({ csv, commit: true });
    expect(again.status).toBe(400);
    const refused = await again.json();
    expect(refused.error.code).toBe("invalid_import");
    expect(refused.error.details.rows.filter((r: { code: string }) => r.code === "nip_exists")).toHaveLength(3);
  });

  it("refuses a file it cannot read or too long, and a body with neither or both of csv and cells, with 4xx", async () => {
    expect(codes((await importing({ csv: 'nip,nama\n"199005152015031001,Andi' })).rows)).toEqual([[0, "not_csv"]]);
    const long = ["nip,nama", ...Array.from({ length: 501 }, (_, i) => `1990051520150310${i},N`)].join("\n");
    expect(codes((await importing({ cells: long.split("\n").map((l) => l.split(",")) })).rows)).toEqual([
      [0, "too_many"],
    ]);
    for (const body of [{}, { csv: "a", cells: [["a"]] }, { cells: [[{ number: 1 }]] }]) {
      expect((await send(body)).status).toBe(400);
    }
    expect((await send({ csv: "x".repeat(70_000) })).status).toBe(413);
  });

  it("is refused to a supervisor, an officer and another agency's admin, who add nobody", async () => {
    const before = (await list()).length;
    const body = { csv: "199005152015031001;Andi Pratama;Operator;246810", commit: true };
    for (const identity of [{ email: DEMO_SUPERVISOR_EMAIL }, { nip: OFFICER_NIPS[0] }, { email: OTHER_ADMIN_EMAIL }]) {
      const res = await send(body, await t.login(identity));
      expect(res.status, JSON.stringify(identity)).toBe(403);
    }
    expect((await send(body, "no-such-token")).status).toBe(401);
    expect((await list()).length).toBe(before);
  });
});
