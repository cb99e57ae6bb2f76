/** The dashboard's session state without a DOM: its actions, and what a reader would see change. */
import { describe, expect, it } from "vitest";
import type { Me } from "../core/responses.ts";
import { createSessionState } from "./session.ts";

const admin: Me = {
  user: {
    id: "usr_1",
    name: "Admin",
    email: "admin@example.test",
    role: "agency_admin",
    agencyId: "agc_1",
    region: null,
    officerId: null,
    passwordChangeRequired: false,
  },
  agency: { slug: "disdukcapil-tebingtinggi", name: "Disdukcapil", timezone: "Asia/Jakarta" },
};

describe("the dashboard's session state", () => {
  it("starts asking who is signed in, in the language it was given (Bahasa Indonesia unless told)", () => {
    expect(createSessionState().locale.value).toBe("id");
    const session = createSessionState("en");
    expect([session.me.value, session.locale.value, session.expired.value]).toEqual([undefined, "en", false]);
    session.setLocale("id");
    expect(session.locale.value).toBe("id");
  });

  it("sends a signed-in reader back to sign-in with the notice that the session expired", () => {
    const session = createSessionState();
    session.me.value = admin;
    session.sessionEnded();
    expect(session.me.value).toBeNull();
    expect(session.expired.value).toBe(true);
  });

  it("shows no expiry notice to a reader who never signed in", () => {
    const session = createSessionState();
    session.sessionEnded();
    expect(session.me.value).toBeNull();
    expect(session.expired.value).toBe(false);
  });
});
