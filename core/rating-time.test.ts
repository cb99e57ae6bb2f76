import { describe, expect, it } from "vitest";
import { aheadOfServer, deviceTimeRefusal, mayComplete, rapidRepeat, serverCheckedTime } from "./rating-time.ts";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const now = Date.parse("2026-11-30T03:00:00Z");

describe("a tablet's time", () => {
  const pairedAt = now - 60 * DAY;

  it("is trusted from five minutes before pairing and for 30 days", () => {
    expect(deviceTimeRefusal(now - 30 * DAY, now - 40 * DAY, now)).toBeNull();
    expect(deviceTimeRefusal(now - 30 * DAY - 1, now - 40 * DAY, now)).toBe("too_old");
    expect(deviceTimeRefusal(now - 5 * MINUTE, now, now)).toBeNull();
    expect(deviceTimeRefusal(now - 5 * MINUTE - 1, now, now)).toBe("before_pairing");
  });

  it("says before_pairing first when both hold", () => {
    expect(deviceTimeRefusal(pairedAt - DAY, pairedAt, now)).toBe("before_pairing");
  });

  it("runs ahead only beyond five minutes", () => {
    expect(aheadOfServer(now + 5 * MINUTE, now)).toBe(false);
    expect(aheadOfServer(now + 5 * MINUTE + 1, now)).toBe(true);
  });
});

describe("a widget or ticket rating's time", () => {
  it("is its own within five minutes either way, else the server's", () => {
    expect(serverCheckedTime(now - 5 * MINUTE, now)).toBe(now - 5 * MINUTE);
    expect(serverCheckedTime(now + 5 * MINUTE, now)).toBe(now + 5 * MINUTE);
    expect(serverCheckedTime(now - 5 * MINUTE - 1, now)).toBe(now);
    expect(serverCheckedTime(now + 5 * MINUTE + 1, now)).toBe(now);
  });
});

describe("completing a face-only rating", () => {
  it("is open for two hours after it arrived", () => {
    expect(mayComplete(now - 120 * MINUTE, now)).toBe(true);
    expect(mayComplete(now - 120 * MINUTE - 1, now)).toBe(false);
  });
});

describe("a rapid repeat", () => {
  it("is a tap less than 15 seconds after the device's previous one", () => {
    expect(rapidRepeat(now, now + 14_999)).toBe(true);
    expect(rapidRepeat(now, now + 15_000)).toBe(false);
  });
});
