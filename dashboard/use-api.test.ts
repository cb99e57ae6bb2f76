import { expect, describe as group, it } from "vitest";
import { ApiFailure } from "./api.ts";
import { describe } from "./use-api.ts";

group("an API failure in words", () => {
  it("says how long a limit lasts, and what is wrong with a period", () => {
    expect(describe(new ApiFailure(429, "rate_limited", "", undefined, 840), "id")).toBe(
      "Terlalu banyak permintaan dari alamat ini. Coba lagi dalam 14 menit.",
    );
    expect(describe(new ApiFailure(429, "rate_limited", ""), "en")).toMatch(/Try again in 1 min/);
    expect(describe(new ApiFailure(400, "invalid_period", ""), "id")).toMatch(/^Periode tidak dapat dibaca/);
  });

  it("never shows a code, whatever the API says", () => {
    for (const [status, code] of [
      [400, "invalid_request"],
      [400, "invalid_period"],
      [404, "not_found"],
      [409, "something_new"],
      [413, "payload_too_large"],
      [429, "rate_limited"],
      [500, "internal"],
      [0, "network"],
    ] as const) {
      for (const locale of ["id", "en"] as const) {
        expect(describe(new ApiFailure(status, code, "English message"), locale)).not.toMatch(/[a-z]_[a-z]|English/);
      }
    }
  });
});
