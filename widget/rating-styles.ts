/**
 * How <suara-rating> looks at its first paint (the follow-up and survey bring
 * their own, steps.ts): a surface of its own, so a dark or hostile host page
 * changes nothing inside; 14 px labels, 44 px targets; --suara-* properties.
 */
import { css } from "lit";

/** The element's shadow-root styles. */
export const ratingStyles = css`
    :host{display:block;max-width:32rem;font-family:var(--suara-font,inherit)}
    .card,dialog{box-sizing:border-box;background:var(--suara-surface,#fff);color:var(--suara-text,#1f2937);border-radius:var(--suara-radius,12px);padding:1rem;border:1px solid #9ca3af;font-size:16px;line-height:1.4}
    fieldset{border:0;padding:0;margin:0}
    legend{font-weight:700;font-size:1.05rem;margin:0 0 .5rem;padding:0}
    button{font:inherit;cursor:pointer;min-height:44px;border-radius:8px;border:2px solid #6b7280;background:#fff;color:#111827;padding:.4rem .9rem}
    .faces{display:flex;gap:.4rem;margin:.5rem 0}
    [part=face]{flex:1;display:grid;justify-items:center;gap:.2rem;padding:.4rem .2rem;border-color:transparent}
    svg{width:48px;height:48px}
    .label{font-size:14px}
    [aria-pressed=true]{border-color:var(--suara-accent,#0f766e);background:#ccfbf1}
    button:focus-visible{outline:3px solid var(--suara-accent,#0f766e);outline-offset:2px}
    [part=send],[part=launcher]{background:var(--suara-accent,#0f766e);border-color:var(--suara-accent,#0f766e);color:#fff}
    p{margin:.4rem 0}
    [part=launcher]{position:fixed;right:1rem;bottom:1rem;z-index:2147483000;box-shadow:0 2px 8px #0005}
    dialog{width:min(32rem,calc(100vw - 2rem))}
    dialog::backdrop{background:#0008}
    .top{display:flex;justify-content:flex-end}
  `;
