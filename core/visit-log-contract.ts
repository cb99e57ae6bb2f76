/**
 * The API contract of an agency's kept log mapping (`GET|PUT /agencies/{slug}/visit-import-mapping`):
 * how the dashboard's import reads its queue machine's day log (core/visit-log.ts LogMapping).
 */
import * as z from "zod";
import { counterCode, slug } from "./contract.ts";
import { iso } from "./responses.ts";
import { LOG_FIELDS } from "./visit-log.ts";

/** Most service or counter values one mapping keeps. */
export const MAX_MAPPED_VALUES = 500;

const header = z.string().trim().min(1).max(120);
const value = z.string().trim().min(1).max(120);

/** How the agency's logs are read: each field's column by its header, each value by what it stands for. */
export const LogMappingInput = z
  .strictObject({
    columns: z.partialRecord(z.enum(LOG_FIELDS), header).meta({
      description: "The header of the column holding each field; a field left out is not in the log",
      example: { queueNumber: "Nomor Antrian", service: "Layanan", counter: "Loket", calledAt: "Jam Panggil" },
    }),
    services: z
      .record(value, slug)
      .refine((r) => Object.keys(r).length <= MAX_MAPPED_VALUES, `at most ${MAX_MAPPED_VALUES} values`)
      .meta({
        description:
          "A service value as the log writes it → the agency's service slug; one naming no service of the agency is ignored when a log is read",
        example: { "A - KTP": "ktp-el" },
      }),
    counters: z
      .record(value, counterCode)
      .refine((r) => Object.keys(r).length <= MAX_MAPPED_VALUES, `at most ${MAX_MAPPED_VALUES} values`)
      .meta({
        description: "A counter value as the log writes it → the agency's counter code",
        example: { "1": "loket-1" },
      }),
  })
  .meta({ id: "VisitImportMapping" });

/** The agency's kept mapping (null before the first save), who saved it and when. */
export const LogMappingResponse = z
  .object({
    mapping: LogMappingInput.nullable(),
    savedBy: z.string().nullable().meta({ description: "The name of the account that saved it (null once deleted)" }),
    savedAt: iso.nullable(),
  })
  .meta({ id: "VisitImportMappingKept" });
/** The answer of GET and PUT /agencies/{slug}/visit-import-mapping. */
export type LogMappingResponse = z.infer<typeof LogMappingResponse>;
