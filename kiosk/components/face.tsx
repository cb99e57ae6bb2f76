/** A face drawn in SVG (no emoji: tablets draw those differently), from frowning (1) to beaming (4). */

const MOUTHS = [
  "M7.5 17.5 Q12 12.5 16.5 17.5",
  "M8 16.5 Q12 14.5 16 16.5",
  "M8 14 Q12 17.5 16 14",
  "M7 13 Q12 20 17 13",
];

/** The face of a 1–4 answer, decorative (its button carries the label). */
export function Face({ value }: { value: 1 | 2 | 3 | 4 }) {
  return (
    <svg viewBox="0 0 24 24" class="face-icon" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="10.5" fill="#fff" />
      <circle cx="8.5" cy="9.5" r="1.4" fill="currentColor" />
      <circle cx="15.5" cy="9.5" r="1.4" fill="currentColor" />
      <path d={MOUTHS[value - 1]} fill="none" stroke="currentColor" stroke-width="1.7" stroke-linecap="round" />
    </svg>
  );
}
