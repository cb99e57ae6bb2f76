/**
 * The time zone an agency's times are written in (its own, WIB/WITA/WIT), not the
 * reader's browser's: a supervisor in Jakarta reading a Jayapura office's comments
 * reads Jayapura's clock. The signed-in user's own agency comes with the session;
 * another agency's (a regional admin's visit) is read from its public form.
 */
import { useContext } from "preact/hooks";
import type { Timezone } from "../core/period.ts";
import type { Form } from "../core/responses.ts";
import { Session } from "./context.ts";
import { useApi } from "./use-api.ts";

/** The timezone of the agency `slug` (the user's own when omitted), or undefined while it loads. */
export function useZone(slug?: string): Timezone | undefined {
  const own = useContext(Session).me.value?.agency;
  const mine = own && (!slug || own.slug === slug) ? own.timezone : undefined;
  const other = useApi<Form>(mine || !slug ? null : `/agencies/${slug}/form`);
  return mine ?? other.data?.agency.timezone;
}
