import { describe, expect, it } from "vitest";
import * as z from "zod";
import { uuidv7 } from "./uuid7.ts";

describe("uuidv7", () => {
  it("makes UUIDs the API takes, version 7, that sort by the time they were made", () => {
    const times = [Date.UTC(2026, 10, 22, 3, 0, 0), Date.UTC(2026, 10, 22, 3, 0, 0, 1), Date.UTC(2030, 0, 1)];
    const ids = times.map((t) => uuidv7(t));
    for (const id of ids) {
      expect(z.uuid().safeParse(id).success).toBe(true);
      expect(id[14]).toBe("7");
      expect("89ab").toContain(id[19]);
    }
    expect([...ids].sort()).toEqual(ids);
    expect(ids[0].slice(0, 13)).toBe(
      `${times[0].toString(16).padStart(12, "0").slice(0, 8)}-${times[0].toString(16).padStart(12, "0").slice(8)}`,
    );
    expect(new Set(Array.from({ length: 1000 }, () => uuidv7(times[0]))).size).toBe(1000);
  });
});
