/**
 * Tells staff, in Bahasa Indonesia and then English, that the kiosk is not in a
 * secure context (plain http at a network address): no signing key, no service
 * worker, so no offline work. Shown on the pairing screen and in the staff menu,
 * never on the citizen's screens.
 */
import { type TextKey, text } from "../text.ts";

/** Whether the page may use a service worker and WebCrypto (https, or this machine's localhost). */
export const isSecure = (): boolean => globalThis.isSecureContext === true;

/** The message in both languages; `role` is "alert" where it stops the task at hand, "status" where it informs. */
export function SecureNotice({ message, role }: { message: TextKey; role: "alert" | "status" }) {
  const address = location.origin;
  return (
    <div role={role} class="error insecure">
      <p lang="id">{text("id", message, { address })}</p>
      <p lang="en">{text("en", message, { address })}</p>
    </div>
  );
}
