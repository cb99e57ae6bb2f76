import { describe, expect, it } from "vitest";
import { newPasswordProblem } from "./password-rules.ts";

const account = { current: "old-password-1", nip: "198503142010011002", email: "rina@dinas.go.id" };

describe("newPasswordProblem", () => {
  it.each([
    ["short-pw9", "password_too_short"],
    ["198503142010011002", "password_is_nip"],
    [" 198503142010011002 ", "password_is_nip"],
    ["Rina@Dinas.go.id", "password_is_email"],
    ["old-password-1", "password_unchanged"],
    ["a-fresh-password", null],
  ])("%j → %s", (password, problem) => {
    expect(newPasswordProblem(password, account)).toBe(problem);
  });

  it("counts characters, not bytes, and needs no NIP or e-mail", () => {
    expect(newPasswordProblem("ééééééééé", { current: "x" })).toBe("password_too_short");
    expect(newPasswordProblem("éééééééééé", { current: "x" })).toBeNull();
  });
});
