import { describe, expect, it } from "vitest";
import { Respondent } from "./contract.ts";
import { AGE_RANGE, readAge } from "./profile.ts";

describe("the profile's age", () => {
  it("takes whole years within the contract's bounds, and nothing typed as not answered", () => {
    expect(readAge(" 35 ")).toEqual({ age: 35 });
    expect(readAge(String(AGE_RANGE.min))).toEqual({ age: AGE_RANGE.min });
    expect(readAge(String(AGE_RANGE.max))).toEqual({ age: AGE_RANGE.max });
    expect(readAge("")).toEqual({ age: undefined });
  });

  it("refuses impossible ages in both languages, with the bounds named", () => {
    for (const typed of ["150", "9", "0", "-5", "35.5", "3e1", "tiga puluh", "1000"]) {
      const read = readAge(typed);
      expect("problem" in read, typed).toBe(true);
      if ("problem" in read) expect(read.problem.id && read.problem.en, typed).toBeTruthy();
    }
    expect(readAge("150")).toMatchObject({ problem: { id: expect.stringContaining("antara 10 dan 120 tahun") } });
  });

  it("agrees with the contract: what a screen takes the API stores, what it refuses the API refuses", () => {
    for (let age = 0; age <= 200; age++) {
      const read = readAge(String(age));
      expect(Respondent.safeParse({ age }).success, String(age)).toBe("age" in read);
    }
  });
});
