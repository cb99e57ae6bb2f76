import { describe, expect, it } from "vitest";
import { withhold } from "./withhold.ts";

describe("withhold (no officer score below the minimum n)", () => {
  const scored = { n: 40, enough: true, index: 88.1, ci95: [84, 91] as const, fair: 87.9, band: "B" };

  it("keeps every figure of an officer with enough ratings", () => {
    expect(withhold(scored)).toEqual(scored);
  });

  it("takes out the index, the interval and the fair score below the minimum, keeping n", () => {
    const few = withhold({ ...scored, n: 1, enough: false, band: null });
    expect(few).toEqual({ n: 1, enough: false, index: null, ci95: null, fair: null, band: null });
  });
});
