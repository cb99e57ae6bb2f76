import { describe, expect, it } from "vitest";
import { fromBase64Url, requestTarget, signedMessage, toBase64Url } from "./device-signature.ts";

describe("what a tablet signs", () => {
  it("is the timestamp, the method in upper case, the path with its query and the body, a line each", () => {
    expect(signedMessage(1767225600000, "post", "/api/v1/ratings", '{"ratings":[]}')).toBe(
      '1767225600000\nPOST\n/api/v1/ratings\n{"ratings":[]}',
    );
    expect(signedMessage("1767225600000", "GET", "/api/v1/devices/self", "")).toBe(
      "1767225600000\nGET\n/api/v1/devices/self\n",
    );
  });

  it("takes the request target as sent: everything after the host but the fragment", () => {
    expect(requestTarget("https://suara.example.go.id/api/v1/counters/loket-1/duty?at=2026-01-01T00%3A00")).toBe(
      "/api/v1/counters/loket-1/duty?at=2026-01-01T00%3A00",
    );
    expect(requestTarget("http://127.0.0.1:8787/api/v1/ratings#x")).toBe("/api/v1/ratings");
    expect(requestTarget("http://localhost")).toBe("/");
  });

  it("round-trips base64url, with or without padding, and refuses other alphabets", () => {
    const bytes = Uint8Array.from({ length: 64 }, (_, i) => (i * 37 + 250) % 256);
    const text = toBase64Url(bytes);
    expect(text).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(text).toBe(Buffer.from(bytes).toString("base64url"));
    expect(fromBase64Url(text)).toEqual(bytes);
    expect(fromBase64Url(`${text}==`)).toEqual(bytes);
    expect(fromBase64Url(Buffer.from(bytes).toString("base64"))).toBeNull();
    expect(fromBase64Url("a")).toBeNull();
  });
});
