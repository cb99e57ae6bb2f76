/** Shared pieces of the management routes under /agencies/{slug}/… */
import * as z from "zod";
import { slug } from "../../../core/contract.ts";

/** Path parameters of a collection. */
export const agencyParams = z.object({ slug });
/** Path parameters of one item. */
export const itemParams = z.object({ slug, id: z.string().min(1).max(64) });

/** Who may read an agency's set-up, as stated in route summaries. */
export const WHO_READS = "(agency admins and supervisors of the agency; regional admins of its region)";
/** Who may change an agency's set-up, as stated in route summaries. */
export const WHO_MANAGES = "(agency admins of the agency; regional admins of its region)";
