/**
 * What the API answers about duties and integration keys: the supervisors' duty
 * board and an agency's keys for its queue systems. Front ends import only the types.
 */
import * as z from "zod";
import { ms } from "./responses.ts";

const DUTY_SOURCE = z
  .enum(["tablet", "dashboard", "api", "board", "replaced", "deactivation", "auto"])
  .meta({ description: "Where a duty was started or ended" });

/** Every counter of an agency and who serves there now. */
export const DutyBoardResponse = z
  .object({
    counters: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        closesAt: z
          .string()
          .meta({ description: "Local closing time, HH:MM; an open duty ends by itself an hour later" }),
        duty: z
          .object({
            id: z.string(),
            officer: z.object({ id: z.string(), name: z.string(), nip: z.string() }),
            startedAt: ms,
            startedVia: DUTY_SOURCE.nullable(),
          })
          .nullable(),
      }),
    ),
  })
  .meta({ id: "DutyBoard" });
/** A duty the board ended. */
export const DutyBoardEndedResponse = z
  .object({ duty: z.object({ id: z.string(), counter: z.string(), officer: z.string(), endedAt: ms }) })
  .meta({ id: "DutyBoardEnded" });

const IntegrationKey = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: ms,
  lastUsedAt: ms.nullable(),
  revokedAt: ms.nullable(),
});
/** An agency's integration keys, without secrets. */
export const IntegrationKeysResponse = z.object({ keys: z.array(IntegrationKey) }).meta({ id: "IntegrationKeys" });
/** A new key: the key itself is in this answer only. */
export const IntegrationKeyCreatedResponse = z
  .object({
    key: IntegrationKey,
    secret: z.string().meta({ description: "The key (shown once; only its hash is kept)" }),
  })
  .meta({ id: "IntegrationKeyCreated" });
/** A revoked key. */
export const IntegrationKeyRevokedResponse = z.object({ key: IntegrationKey }).meta({ id: "IntegrationKeyRevoked" });

/** The duty board. */
export type DutyBoard = z.infer<typeof DutyBoardResponse>;
/** An agency's integration keys. */
export type IntegrationKeys = z.infer<typeof IntegrationKeysResponse>;
/** A new integration key with its secret. */
export type IntegrationKeyCreated = z.infer<typeof IntegrationKeyCreatedResponse>;
