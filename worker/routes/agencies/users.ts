/**
 * Sign-in accounts of an agency: agency admins, supervisors and officers (linked to an officer record).
 * A password an admin sets or resets here is temporary: its owner must choose their own at the next
 * sign-in (worker/middleware/auth.ts), as nobody but its owner should know a password.
 */

import { createRoute } from "@hono/zod-openapi";
import { UserInput, UserPatch } from "../../../core/contract.ts";
import { newId } from "../../../core/ids.ts";
import { hashSecret } from "../../../core/password.ts";
import { PasswordResetResponse, UserResponse, UsersResponse } from "../../../core/responses.ts";
import { madePassword } from "../../../core/secrets.ts";
import { auditInsert } from "../../../db/queries/audit.ts";
import { adminMadePassword } from "../../../db/queries/auth.ts";
import { officerOfAgency } from "../../../db/queries/officers.ts";
import { deleteUser, insertUser, listUsers, updateUser, userOfAgency } from "../../../db/queries/users.ts";
import { agencyFor } from "../../access.ts";
import { ApiError, notFound } from "../../errors.ts";
import { jsonBody, okJson, router, SECURITY } from "../../openapi.ts";
import { agencyParams, itemParams, WHO_MANAGES, WHO_READS } from "./params.ts";

const tags = ["management"];

/** GET, POST, PATCH, DELETE of accounts. */
export const usersRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      summary: `List the agency's accounts ${WHO_READS}`,
      tags,
      security: SECURITY.session,
      request: { params: agencyParams },
      responses: okJson(UsersResponse, "The accounts, without password hashes"),
    }),
    async (c) => {
      const { agency } = await agencyFor(c, c.req.valid("param").slug, "readAgency");
      return c.json({ users: await listUsers(c.get("db"), agency.id) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/",
      summary: `Create an account; officers sign in with their NIP, others with e-mail ${WHO_MANAGES}`,
      tags,
      security: SECURITY.session,
      request: { params: agencyParams, body: jsonBody(UserInput) },
      responses: okJson(UserResponse, "The new account"),
    }),
    async (c) => {
      const { user, agency } = await agencyFor(c, c.req.valid("param").slug, "manageAgency");
      const db = c.get("db");
      const { password, officer, email, ...fields } = c.req.valid("json");
      if (fields.role === "officer" && !officer) {
        throw new ApiError(400, "invalid_request", "officer: an officer account must name its officer record.");
      }
      if (fields.role !== "officer" && !email) {
        throw new ApiError(400, "invalid_request", "email: admins and supervisors sign in with an e-mail.");
      }
      if (officer && !(await officerOfAgency(db, agency.id, officer))) throw notFound("Officer");
      const row = {
        id: newId("usr"),
        agencyId: agency.id,
        email: email?.toLowerCase() ?? null,
        officerId: officer ?? null,
        region: null,
        ...fields,
      };
      const [[created]] = await db.batch([
        insertUser(db, { ...row, passwordHash: await hashSecret(password), passwordTemporary: true }),
        auditInsert(db, {
          actorUserId: user.id,
          agencyId: agency.id,
          action: "user.create",
          target: row.id,
          details: row,
        }),
      ]);
      return c.json({ user: created }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/{id}",
      summary: `Change an account's name, role or password ${WHO_MANAGES}`,
      tags,
      security: SECURITY.session,
      request: { params: itemParams, body: jsonBody(UserPatch) },
      responses: okJson(UserResponse, "The changed account"),
    }),
    async (c) => {
      const { slug, id } = c.req.valid("param");
      const { user, agency } = await agencyFor(c, slug, "manageAgency");
      const db = c.get("db");
      const { password, ...changes } = c.req.valid("json");
      const existing = await userOfAgency(db, agency.id, id);
      if (!existing) throw notFound("Account");
      if (changes.role === "officer" && !existing.officerId) {
        throw new ApiError(400, "invalid_request", "role: only an account linked to an officer can be an officer.");
      }
      const audit = auditInsert(db, {
        actorUserId: user.id,
        agencyId: agency.id,
        action: "user.update",
        target: id,
        details: { ...changes, passwordChanged: Boolean(password) },
      });
      // A new password is temporary and ends every session of the old one: whoever knew it is signed out too.
      await db.batch([
        audit,
        ...(Object.keys(changes).length > 0 ? [updateUser(db, agency.id, id, changes)] : []),
        ...(password ? adminMadePassword(db, id, await hashSecret(password)) : []),
      ]);
      return c.json({ user: { ...existing, ...changes, ...(password ? { passwordTemporary: true } : {}) } }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/{id}/password-reset",
      summary: `Reset an account's password to a new temporary one, shown once; ends the account's sessions ${WHO_MANAGES}`,
      tags,
      security: SECURITY.session,
      request: { params: itemParams },
      responses: okJson(PasswordResetResponse, "The temporary password, which its owner must change at sign-in"),
    }),
    async (c) => {
      const { slug, id } = c.req.valid("param");
      const { user, agency } = await agencyFor(c, slug, "manageAgency");
      if (id === user.id) {
        throw new ApiError(400, "invalid_request", "Change your own password yourself (POST /auth/password).");
      }
      const db = c.get("db");
      if (!(await userOfAgency(db, agency.id, id))) throw notFound("Account");
      const password = madePassword();
      await db.batch([
        auditInsert(db, { actorUserId: user.id, agencyId: agency.id, action: "user.password_reset", target: id }),
        ...adminMadePassword(db, id, await hashSecret(password)),
      ]);
      return c.json({ password }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/{id}",
      summary: `Delete an account and end its sessions ${WHO_MANAGES}`,
      tags,
      security: SECURITY.session,
      request: { params: itemParams },
      responses: okJson(UserResponse, "The deleted account"),
    }),
    async (c) => {
      const { slug, id } = c.req.valid("param");
      const { user, agency } = await agencyFor(c, slug, "manageAgency");
      if (id === user.id) throw new ApiError(400, "invalid_request", "You cannot delete your own account.");
      const db = c.get("db");
      const existing = await userOfAgency(db, agency.id, id);
      if (!existing) throw notFound("Account");
      await db.batch([
        deleteUser(db, agency.id, id),
        auditInsert(db, { actorUserId: user.id, agencyId: agency.id, action: "user.delete", target: id }),
      ]);
      return c.json({ user: existing }, 200);
    },
  );
