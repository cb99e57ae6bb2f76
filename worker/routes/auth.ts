/**
 * Sign-in and sign-out. POST /auth/login is public and rate-limited per IP and
 * per identity; POST /auth/logout needs a session.
 */

import { createRoute } from "@hono/zod-openapi";
import { deleteCookie, setCookie } from "hono/cookie";
import * as z from "zod";
import { LoginInput } from "../../core/contract.ts";
import { decoyHash, verifySecret } from "../../core/password.ts";
import { LoginResponse } from "../../core/responses.ts";
import { createSession, deleteSession } from "../../db/queries/auth.ts";
import { userForLogin } from "../../db/queries/users.ts";
import { ApiError, unauthorized } from "../errors.ts";
import { SESSION_COOKIE } from "../middleware/auth.ts";
import { Lockout, rateLimit } from "../middleware/rate-limit.ts";
import { jsonBody, okJson, router, SECURITY } from "../openapi.ts";

/**
 * The sign-in routes. Each app counts, per 15 minutes, `signInsPerIp` attempts per IP (before the body
 * is read) and 5 per identity from one IP, and 30 per identity from anywhere per hour.
 */
export function createAuthRoutes({ signInsPerIp = 60 }: { signInsPerIp?: number } = {}) {
  const lockout = new Lockout({ perSource: 5, perIdentity: 30 });
  const routes = router();
  // Per IP before the body is read: a flood of sign-ins costs no parsing or hashing.
  routes.use("/auth/login", rateLimit({ limit: signInsPerIp, windowMs: 15 * 60_000 }));
  return routes
    .openapi(
      createRoute({
        method: "post",
        path: "/auth/login",
        summary: "Sign in with NIP or e-mail and password (public); sets an HttpOnly cookie and returns a bearer token",
        tags: ["auth"],
        security: SECURITY.public,
        request: { body: jsonBody(LoginInput) },
        responses: okJson(LoginResponse, "Signed in"),
      }),
      async (c) => {
        const input = c.req.valid("json");
        const identity = input.email ? `email:${input.email.toLowerCase()}` : `nip:${input.nip}`;
        // Counted before the password is checked: concurrent guesses are all counted, and a locked
        // identity stays locked even for the right password, or guessing would just continue.
        lockout.attempt(identity, c.get("clientIp"));
        const user = await userForLogin(c.get("db"), input);
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
        lockout.succeeded(identity, c.get("clientIp"));
        const now = Date.now();
        const session = await createSession(c.get("db"), user.id, now);
        setCookie(c, SESSION_COOKIE, session.token, {
          httpOnly: true,
          sameSite: "Strict",
          secure: c.get("settings").secureCookies,
          path: "/",
          maxAge: Math.floor((session.expiresAt - now) / 1000),
        });
        const { passwordHash: _, deactivated: __, ...publicUser } = user;
        return c.json(
          { token: session.token, expiresAt: new Date(session.expiresAt).toISOString(), user: publicUser },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/auth/logout",
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
    );
}
