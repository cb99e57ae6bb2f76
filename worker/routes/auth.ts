/**
 * Sign-in, sign-out and changing one's own password. POST /auth/login is public and
 * limited as worker/sign-in-limits.ts says; the others need a session.
 */

import { createRoute } from "@hono/zod-openapi";
import { deleteCookie, setCookie } from "hono/cookie";
import * as z from "zod";
import { LoginInput, PasswordChangeInput } from "../../core/contract.ts";
import { decoyHash, hashSecret, verifySecret } from "../../core/password.ts";
import { newPasswordProblem } from "../../core/password-rules.ts";
import { LoginResponse } from "../../core/responses.ts";
import { auditInsert } from "../../db/queries/audit.ts";
import { deleteSession, endOtherSessions, newSession, ownPassword, passwordOf } from "../../db/queries/auth.ts";
import { userForLogin } from "../../db/queries/users.ts";
import { requireUser } from "../access.ts";
import { ApiError, unauthorized } from "../errors.ts";
import { SESSION_COOKIE } from "../middleware/auth.ts";
import { rateLimit } from "../middleware/rate-limit.ts";
import { jsonBody, okJson, router, SECURITY } from "../openapi.ts";
import { countSignIn, signInSucceeded } from "../sign-in-limits.ts";

const PASSWORD_PROBLEMS = {
  password_too_short: "The new password needs at least 10 characters.",
  password_is_nip: "The new password may not be your NIP.",
  password_is_email: "The new password may not be your e-mail address.",
  password_unchanged: "The new password must differ from the current one.",
} as const;

/**
 * The sign-in routes. Besides the limits of worker/sign-in-limits.ts (in the database), each app
 * refuses more than `signInsPerIp` requests per IP per 15 minutes before reading the body, so a
 * flood costs no parsing, query or hashing.
 */
export function createAuthRoutes({ signInsPerIp = 60 }: { signInsPerIp?: number } = {}) {
  const routes = router();
  routes.use("/login", rateLimit({ limit: signInsPerIp, windowMs: 15 * 60_000 }));
  return routes
    .openapi(
      createRoute({
        method: "post",
        path: "/login",
        summary:
          "Sign in with NIP or e-mail and password (public); sets an HttpOnly session cookie and a device cookie, and returns a bearer token. " +
          "Refusals for too many attempts are 429 with Retry-After and the code sign_in_locked (this account), " +
          "sign_in_address_limited (this address), sign_in_device_locked (this browser) or rate_limited",
        tags: ["auth"],
        security: SECURITY.public,
        request: { body: jsonBody(LoginInput) },
        responses: okJson(
          LoginResponse,
          "Signed in; user.passwordChangeRequired says the password must be changed first",
        ),
      }),
      async (c) => {
        const input = c.req.valid("json");
        const db = c.get("db");
        const user = await userForLogin(db, input);
        const typed = input.email ? `email:${input.email.toLowerCase()}` : `nip:${input.nip}`;
        // Counted before the password is checked: concurrent guesses are all counted, and a locked
        // account stays locked even for the right password, or guessing would just continue.
        const attempt = await countSignIn(c, user ? `user:${user.id}` : typed, user?.id);
        const ok = await verifySecret(input.password, user?.passwordHash ?? (await decoyHash()));
        if (!user || !ok) throw new ApiError(401, "invalid_credentials", "The NIP/e-mail or password is wrong.");
        // Told only to whoever knows the password: a deactivated officer learns why, a guesser learns nothing.
        if (user.deactivated) {
          throw new ApiError(
            403,
            "account_deactivated",
            "This officer has been deactivated; ask the agency's admin to reactivate the account.",
          );
        }
        const now = Date.now();
        const session = await newSession(db, user.id, now);
        await db.batch([session.insert, ...(await signInSucceeded(c, attempt, user.id))]);
        setCookie(c, SESSION_COOKIE, session.token, {
          httpOnly: true,
          sameSite: "Strict",
          secure: c.get("settings").secureCookies,
          path: "/",
          maxAge: Math.floor((session.expiresAt - now) / 1000),
        });
        const { passwordHash: _, deactivated: __, passwordTemporary, ...publicUser } = user;
        return c.json(
          {
            token: session.token,
            expiresAt: new Date(session.expiresAt).toISOString(),
            user: { ...publicUser, passwordChangeRequired: passwordTemporary },
          },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/logout",
        summary: "Sign out (signed-in users)",
        tags: ["auth"],
        security: SECURITY.session,
        responses: okJson(z.object({ ok: z.literal(true) }), "Signed out"),
      }),
      async (c) => {
        const principal = c.get("principal");
        if (principal?.kind !== "user") throw unauthorized();
        await deleteSession(c.get("db"), principal.tokenHash);
        deleteCookie(c, SESSION_COOKIE, { path: "/" });
        return c.json({ ok: true as const }, 200);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/password",
        summary:
          "Change one's own password (signed-in users): the current one and a new one of 10+ characters that is not the NIP, " +
          "the e-mail or the current one (400 password_too_short, password_is_nip, password_is_email, password_unchanged; " +
          "400 wrong_password for a wrong current one, counted like a sign-in). Ends the account's other sessions; audited",
        tags: ["auth"],
        security: SECURITY.session,
        request: { body: jsonBody(PasswordChangeInput) },
        responses: okJson(z.object({ ok: z.literal(true) }), "Changed; this session stays, the others have ended"),
      }),
      async (c) => {
        const me = requireUser(c);
        const { tokenHash } = c.get("principal") as { tokenHash: string };
        const { currentPassword, newPassword } = c.req.valid("json");
        const db = c.get("db");
        const account = await passwordOf(db, me.id);
        if (!account) throw unauthorized();
        const problem = newPasswordProblem(newPassword, {
          current: currentPassword,
          nip: account.nip,
          email: me.email,
        });
        if (problem) throw new ApiError(400, problem, PASSWORD_PROBLEMS[problem]);
        // A stolen session must not become a way to guess the password: counted as a sign-in attempt.
        const attempt = await countSignIn(c, `user:${me.id}`, me.id);
        if (!(await verifySecret(currentPassword, account.passwordHash))) {
          throw new ApiError(400, "wrong_password", "The current password is wrong.");
        }
        await db.batch([
          ownPassword(db, me.id, await hashSecret(newPassword)),
          // Whoever else knew the old password (or held a session from it) is signed out.
          endOtherSessions(db, me.id, tokenHash),
          auditInsert(db, {
            actorUserId: me.id,
            agencyId: me.agencyId,
            action: "user.password_change",
            target: me.id,
          }),
          ...(await signInSucceeded(c, attempt, me.id)),
        ]);
        return c.json({ ok: true as const }, 200);
      },
    );
}
