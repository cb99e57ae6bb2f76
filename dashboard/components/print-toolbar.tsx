/** The bar above a printable page: its period, and the browser's print (hidden on paper). */
import { useContext } from "preact/hooks";
import { Session } from "../context.ts";
import { text } from "../text.ts";
import { PeriodPicker } from "./period.tsx";

/** The period picker and a "Cetak" button. */
export function PrintToolbar() {
  const locale = useContext(Session).locale.value;
  return (
    <div class="no-print toolbar">
      <PeriodPicker />
      <button type="button" class="primary" onClick={() => window.print()}>
        {text(locale, "print")}
      </button>
    </div>
  );
}
