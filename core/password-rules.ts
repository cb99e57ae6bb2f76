/**
 * What a password a person chooses must not be (docs/design.md, "Security and privacy"; NIST SP 800-63B
 * §3.1.1.2: a length floor and no context-specific words, no composition rules). The API checks
 * it; the dashboard checks it too, to say so before sending.
 */

/** The fewest characters a chosen password has. */
export const MIN_PASSWORD_LENGTH = 10;

/** Why a chosen password is refused, as the API's error code. */
export type PasswordProblem = "password_too_short" | "password_is_nip" | "password_is_email" | "password_unchanged";

const same = (a: string, b: string | null | undefined) =>
  Boolean(b) && a.trim().toLowerCase() === b!.trim().toLowerCase();

/** The first rule a new password breaks, or null; `nip` and `email` are the account's own. */
export function newPasswordProblem(
  password: string,
  { current, nip, email }: { current: string; nip?: string | null; email?: string | null },
): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return "password_too_short";
  // The NIP and e-mail are known to colleagues and printed on letters: never a secret.
  if (same(password, nip)) return "password_is_nip";
  if (same(password, email)) return "password_is_email";
  if (password === current) return "password_unchanged";
  return null;
}
