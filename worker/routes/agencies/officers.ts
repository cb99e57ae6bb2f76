/** Officers (ASN) of an agency, by opaque id; a kiosk PIN is set here and stored hashed. */

import { createRoute } from "@hono/zod-openapi";
import { OfficerImportInput, OfficerInput, OfficerPatch } from "../../../core/contract.ts";
import { newId } from "../../../core/ids.ts";
import { publicRow } from "../../../core/officer-sheet.ts";
import { hashSecret } from "../../../core/password.ts";
import { OfficerImportResponse, OfficerResponse, OfficersResponse } from "../../../core/responses.ts";
import type { Db } from "../../../db/client.ts";
import { auditInsert } from "../../../db/queries/audit.ts";
import { endOfficerSessions } from "../../../db/queries/auth.ts";
import { type DutyActor, endOfficerDuty } from "../../../db/queries/duties.ts";
import { checkOfficerImport, importOfficers } from "../../../db/queries/officer-import.ts";
import { insertOfficer, listOfficers, officerOfAgency, updateOfficer } from "../../../db/queries/officers.ts";
import { agencyFor } from "../../access.ts";
import { ApiError, notFound } from "../../errors.ts";
import { jsonBody, okJson, router, SECURITY } from "../../openapi.ts";
import { agencyParams, itemParams, WHO_MANAGES, WHO_READS } from "./params.ts";

const tags = ["management"];

/**
 * What deactivating an officer does besides the flag, for the same batch: nobody inactive
 * serves at a counter (their open duty ends, audited) or stays signed in (their sessions end).
 * Sign-in and tickets naming them are refused from then on; reactivating restores sign-in.
 */
const deactivation = async (db: Db, officerId: string, actor: DutyActor) => [
  ...(await endOfficerDuty(db, officerId, Date.now(), actor)),
  endOfficerSessions(db, officerId),
];

/** GET, POST, PATCH, DELETE of officers, and their import from a CSV or an .xlsx sheet. */
export const officersRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      summary: `List officers ${WHO_READS}`,
      tags,
      security: SECURITY.session,
      request: { params: agencyParams },
      responses: okJson(OfficersResponse, "The officers, inactive ones included"),
    }),
    async (c) => {
      const { agency } = await agencyFor(c, c.req.valid("param").slug, "readAgency");
      return c.json({ officers: await listOfficers(c.get("db"), agency.id) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/",
      summary: `Add an officer ${WHO_MANAGES}`,
      tags,
      security: SECURITY.session,
      request: { params: agencyParams, body: jsonBody(OfficerInput) },
      responses: okJson(OfficerResponse, "The new officer"),
    }),
    async (c) => {
      const { user, agency } = await agencyFor(c, c.req.valid("param").slug, "manageAgency");
      const db = c.get("db");
      const { pin, ...fields } = c.req.valid("json");
      const row = { id: newId("off"), agencyId: agency.id, ...fields };
      const [[created]] = await db.batch([
        insertOfficer(db, { ...row, pinHash: pin ? await hashSecret(pin) : null }),
        auditInsert(db, {
          actorUserId: user.id,
          agencyId: agency.id,
          action: "officer.create",
          target: row.id,
          details: row,
        }),
      ]);
      return c.json({ officer: created }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/import",
      summary: `Import officers from a CSV or an .xlsx sheet's cells of NIP, name, position and PIN: a preview with per-row problems, or (commit) add the rows without one ${WHO_MANAGES}`,
      tags,
      security: SECURITY.session,
      request: { params: agencyParams, body: jsonBody(OfficerImportInput) },
      responses: okJson(OfficerImportResponse, "Every row with its problem (or none), and how many were added"),
    }),
    async (c) => {
      const { user, agency } = await agencyFor(c, c.req.valid("param").slug, "manageAgency");
      const { csv, cells, commit } = c.req.valid("json");
      // Checked here whatever the browser's preview said: the file is read and every row checked again.
      const rows = await checkOfficerImport(c.get("db"), csv === undefined ? { cells: cells ?? [] } : { csv });
      const good = rows.filter((r) => r.code === null);
      if (commit && good.length === 0) {
        throw new ApiError(400, "invalid_import", "No row can be imported; nothing was added.", {
          rows: rows.map(publicRow),
        });
      }
      // PBKDF2 (core/password.ts) for each PIN, the same hash as a PIN set in the form.
      const ready = commit
        ? await Promise.all(
            good.map(async ({ nip, name, position, pin }) => ({
              nip,
              name,
              position,
              pinHash: pin ? await hashSecret(pin) : null,
            })),
          )
        : [];
      const created = commit ? await importOfficers(c.get("db"), agency.id, user.id, ready) : 0;
      return c.json({ rows: rows.map(publicRow), created }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/{id}",
      summary: `Change an officer's details, PIN or active state ${WHO_MANAGES}`,
      tags,
      security: SECURITY.session,
      request: { params: itemParams, body: jsonBody(OfficerPatch) },
      responses: okJson(OfficerResponse, "The changed officer"),
    }),
    async (c) => {
      const { slug, id } = c.req.valid("param");
      const { user, agency } = await agencyFor(c, slug, "manageAgency");
      const db = c.get("db");
      const { pin, ...changes } = c.req.valid("json");
      const existing = await officerOfAgency(db, agency.id, id);
      if (!existing) throw notFound("Officer");
      await db.batch([
        updateOfficer(db, agency.id, id, { ...changes, ...(pin ? { pinHash: await hashSecret(pin) } : {}) }),
        ...(changes.active === false && existing.active
          ? await deactivation(db, id, { agencyId: agency.id, userId: user.id })
          : []),
        auditInsert(db, {
          actorUserId: user.id,
          agencyId: agency.id,
          action: "officer.update",
          target: id,
          details: { ...changes, pinChanged: Boolean(pin) },
        }),
      ]);
      return c.json({ officer: { ...existing, ...changes, hasPin: existing.hasPin || Boolean(pin) } }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/{id}",
      summary: `Deactivate an officer: no new duties, their history stays ${WHO_MANAGES}`,
      tags,
      security: SECURITY.session,
      request: { params: itemParams },
      responses: okJson(OfficerResponse, "The deactivated officer"),
    }),
    async (c) => {
      const { slug, id } = c.req.valid("param");
      const { user, agency } = await agencyFor(c, slug, "manageAgency");
      const db = c.get("db");
      const existing = await officerOfAgency(db, agency.id, id);
      if (!existing) throw notFound("Officer");
      await db.batch([
        updateOfficer(db, agency.id, id, { active: false }),
        ...(await deactivation(db, id, { agencyId: agency.id, userId: user.id })),
        auditInsert(db, { actorUserId: user.id, agencyId: agency.id, action: "officer.deactivate", target: id }),
      ]);
      return c.json({ officer: { ...existing, active: false } }, 200);
    },
  );
