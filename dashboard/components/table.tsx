/** The dashboard's tables: a head row of column names, in a box that scrolls sideways on a phone. */
import type { ComponentChildren } from "preact";

/** A wide table's box: it scrolls sideways on a phone instead of the page, and takes focus so keyboard users can scroll it too (WCAG 2.1.1, axe scrollable-region-focusable). */
export function ScrollBox({ children }: { children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable box must be reachable by keyboard to be scrolled
    <div class="scroll" tabIndex={0}>
      {children}
    </div>
  );
}

/** A column's head: its words, or words over numbers (right-aligned, see `num`). */
export type Column = string | { head: string; num: true };

/** A head over a column of numbers. */
export const num = (head: string): Column => ({ head, num: true });

/** The head row of a table. */
export function Heads({ columns }: { columns: Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) =>
          typeof c === "string" ? (
            <th key={c} scope="col">
              {c}
            </th>
          ) : (
            <th key={c.head} scope="col" class="num">
              {c.head}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}

/** A table with its head row and body rows (`children`), in its scroll box. */
export function Table({ columns, children }: { columns: Column[]; children: ComponentChildren }) {
  return (
    <ScrollBox>
      <table>
        <Heads columns={columns} />
        <tbody>{children}</tbody>
      </table>
    </ScrollBox>
  );
}
