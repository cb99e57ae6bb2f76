import { describe, expect, it } from "vitest";
import { nipProblem } from "./nip.ts";

describe("nipProblem", () => {
  it.each(["198803122010012004", "199001052015031002", "199405302020122001"])("accepts %s", (nip) => {
    expect(nipProblem(nip)).toBeNull();
  });

  it.each([
    ["12345", "18 digits"],
    ["198813122010012004", "birth date"],
    ["198802302010012004", "birth date"],
    ["198803122000012004", "appointment"],
    ["198803122010132004", "appointment"],
    ["198803122010013004", "gender"],
  ])("refuses %s (%s)", (nip, why) => {
    expect(nipProblem(nip)).toMatch(new RegExp(why));
  });
});
