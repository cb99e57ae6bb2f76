/** A secret (a password or PIN) shown once, with who it is for and the note to keep it. */

/** A secret shown once: what it is (and whose), the secret, and the note to keep it. */
export interface Shown {
  label: string;
  value: string;
  note: string;
}

/** The secret's status line, announced when it appears. */
export function Secret({ label, value, note }: Shown) {
  return (
    <div class="secret" role="status">
      <p>
        {label}: <strong class="secret-value">{value}</strong>
      </p>
      <p class="muted">{note}</p>
    </div>
  );
}
