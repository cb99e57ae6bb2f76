/** A wide table's box: it scrolls sideways on a phone instead of the page. */
import type { ComponentChildren } from "preact";

/** The box; it takes focus so keyboard users can scroll it too (WCAG 2.1.1, axe scrollable-region-focusable). */
export function ScrollBox({ children }: { children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable box must be reachable by keyboard to be scrolled
    <div class="scroll" tabIndex={0}>
      {children}
    </div>
  );
}
