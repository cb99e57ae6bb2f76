/** One labelled figure of a card or a printed page (a term and its value in a <dl>). */
import type { ComponentChildren } from "preact";

/** A figure with its label. */
export function Fact({ label, children }: { label: ComponentChildren; children: ComponentChildren }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
