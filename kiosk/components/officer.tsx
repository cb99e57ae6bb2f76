/** Whom the citizen rates: the officer on duty, with a photo or their initials in a circle. */
import type { KioskState } from "../state.ts";
import { text } from "../text.ts";

/** Up to two initials of a name, skipping academic titles after a comma. */
export const initials = (name: string) =>
  name
    .split(",")[0]
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join("");

/** The officer card of the home screen. */
export function OfficerCard({ state }: { state: KioskState }) {
  const locale = state.locale.value;
  const duty = state.duty.value;
  const pending = state.pendingOfficer.value;
  if (!duty && !pending) {
    return (
      <p class="officer officer-none" role="status">
        {text(locale, "nobodyServing")}
      </p>
    );
  }
  const name = duty?.name ?? `${text(locale, "nip")} ${pending}`;
  return (
    <div class="officer" role="status">
      {duty?.photoUrl ? (
        <img class="avatar" src={duty.photoUrl} alt="" />
      ) : (
        <span class="avatar" aria-hidden="true">
          {duty ? initials(duty.name) : "…"}
        </span>
      )}
      <p>
        <span class="officer-label">{text(locale, "servedBy")}</span>
        <strong class="officer-name">{name}</strong>
        {duty?.position ? <span class="officer-position">{duty.position}</span> : null}
        {!duty && pending ? <span class="officer-position">({text(locale, "pendingCheckIn")})</span> : null}
      </p>
    </div>
  );
}
