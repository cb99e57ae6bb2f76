/** The four faces as small inline SVGs (no emoji: tablets render those differently), red to green. */
import { svg } from "lit";

const MOUTHS = ["M8 17 Q12 12 16 17", "M8 16 Q12 14 16 16", "M8 14 Q12 17 16 14", "M7 13 Q12 19 17 13"];
/** Fills from red to green; the features are near-black on all four, so they read on light and dark pages. */
const FILLS = ["#f87171", "#fdba74", "#bef264", "#4ade80"];

/** The face for a 1–4 answer. */
export const faceIcon = (value: number) => svg`
  <svg viewBox="0 0 24 24" aria-hidden="true">
    <circle cx="12" cy="12" r="10.5" fill=${FILLS[value - 1]} stroke="#111827" stroke-width="1.2" />
    <circle cx="8.5" cy="9.5" r="1.3" fill="#111827" />
    <circle cx="15.5" cy="9.5" r="1.3" fill="#111827" />
    <path d=${MOUTHS[value - 1]} fill="none" stroke="#111827" stroke-width="1.6" stroke-linecap="round" />
  </svg>`;
