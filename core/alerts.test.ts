import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  ALERT_DEFAULTS,
  alertKey,
  alertSettings,
  bandFell,
  isWebhookUrl,
  nextTryAt,
  signWebhook,
  WEBHOOK_BACKOFF_MS,
  weeksOf,
} from "./alerts.ts";

describe("alert rules", () => {
  it("give every agency the defaults until an admin changes a rule", () => {
    expect(alertSettings([])).toEqual(Object.values(ALERT_DEFAULTS));
    const off = { rule: "levy" as const, enabled: false, count: null, minutes: null };
    expect(alertSettings([off]).map((s) => s.enabled)).toEqual([false, true, true]);
  });

  it("key low faces by counter, M and the M-minute slot, so a run of low taps alerts once a slot", () => {
    const slot = Date.parse("2026-11-30T03:00:00Z");
    expect(alertKey.lowFaces("ctr", 30, slot + 60_000)).toBe(alertKey.lowFaces("ctr", 30, slot + 29 * 60_000));
    expect(alertKey.lowFaces("ctr", 30, slot + 31 * 60_000)).not.toBe(alertKey.lowFaces("ctr", 30, slot));
    expect(alertKey.lowFaces("ctr", 20, slot)).not.toBe(alertKey.lowFaces("ctr", 30, slot));
    expect(alertKey.bandDrop({ kind: "unit" }, "2026-11-23", "C")).not.toBe(
      alertKey.bandDrop({ kind: "unit" }, "2026-11-23", "D"),
    );
  });

  it("call a later letter a fall, and nothing a fall without both bands", () => {
    expect(bandFell("B", "C")).toBe(true);
    expect(bandFell("C", "B")).toBe(false);
    expect(bandFell(null, "D")).toBe(false);
    expect(bandFell("A", null)).toBe(false);
  });

  it("cut weeks Monday to Sunday, local days", () => {
    expect(weeksOf("2026-11-30")).toEqual({
      week: { from: "2026-11-30", to: "2026-12-06" },
      last: { from: "2026-11-23", to: "2026-11-29" },
    });
    expect(weeksOf("2026-12-06").week.from).toBe("2026-11-30");
  });
});

describe("the webhook", () => {
  it("signs t=<seconds>,v1=<hex HMAC-SHA256 of '<t>.<body>'>, as node:crypto computes it", async () => {
    const body = '{"type":"alert.levy"}';
    const header = await signWebhook("a-shared-secret-of-16", body, 1_767_225_600_123);
    const hmac = createHmac("sha256", "a-shared-secret-of-16").update(`1767225600.${body}`).digest("hex");
    expect(header).toBe(`t=1767225600,v1=${hmac}`);
  });

  it("retries after 1 min, 5 min, 30 min and 2 h, then gives up", () => {
    expect(WEBHOOK_BACKOFF_MS.map((_, i) => nextTryAt(i + 1, 0))).toEqual([60_000, 300_000, 1_800_000, 7_200_000]);
    expect(nextTryAt(5, 0)).toBeNull();
  });

  it("takes http(s) URLs without credentials only", () => {
    expect(isWebhookUrl("https://relay.example/suara")).toBe(true);
    expect(isWebhookUrl("http://10.0.0.5:8080/hook")).toBe(true);
    for (const bad of ["relay.example", "ftp://relay.example/", "https://u:p@relay.example/", "javascript:alert(1)"]) {
      expect(isWebhookUrl(bad)).toBe(false);
    }
  });
});
