/** The four faces as small inline SVGs (no emoji: tablets render those differently). */
import { svg } from "lit";

const MOUTHS = ["M8 17 Q12 12 16 17", "M8 16 Q12 14 16 16", "M8 14 Q12 17 16 14", "M7 13 Q12 19 17 13"];

/** The face for a 1–4 answer. */
export const faceIcon = (value: number) => svg`
  <svg viewBox="0 0 24 24" width="48" height="48" aria-hidden="true">
    <circle cx="12" cy="12" r="10.5" fill="var(--suara-face-fill, #fde68a)" stroke="currentColor" stroke-width="1.2" />
    <circle cx="8.5" cy="9.5" r="1.2" fill="currentColor" />
    <circle cx="15.5" cy="9.5" r="1.2" fill="currentColor" />
    <path d=${MOUTHS[value - 1]} fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" />
  </svg>`;
