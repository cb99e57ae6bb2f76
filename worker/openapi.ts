/**
 * Helpers that keep route definitions short: the standard error responses,
 * JSON bodies and the security schemes every route documents.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import type * as z from "zod";
import { ErrorBody } from "../core/contract.ts";
import type { AppEnv } from "./env.ts";
import { ApiError } from "./errors.ts";

/** A new router for one resource, validating with the API's error shape. */
export const router = () =>
  new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const issues = result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
        const first = issues[0];
        throw new ApiError(
          400,
          "invalid_request",
          first ? `${first.path || "body"}: ${first.message}` : "The request is not valid.",
          issues,
        );
      }
    },
  });

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: ErrorBody } },
});

/** Error responses every route may give. */
export const ERRORS = {
  400: errorResponse("The request is malformed or invalid"),
  401: errorResponse("No valid sign-in or device token"),
  403: errorResponse("The caller's role may not do this"),
  404: errorResponse("Not found"),
  409: errorResponse("Conflicts with the current state (e.g. a counter someone else serves)"),
  429: errorResponse("Too many requests"),
} as const;

/** A JSON request body. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

/** A 200 JSON response plus the standard errors. */
export const okJson = <T extends z.ZodType>(schema: T, description: string) => ({
  200: { description, content: { "application/json": { schema } } },
  ...ERRORS,
});

type Security = { [scheme: string]: string[] }[];

/** Who may call a route, as OpenAPI security requirements (an empty object means anonymous). */
export const SECURITY: Record<
  "public" | "session" | "device" | "sessionOrDevice" | "ticketIssuer" | "optional",
  Security
> = {
  public: [],
  session: [{ cookie: [] }, { bearer: [] }],
  device: [{ bearer: [] }],
  sessionOrDevice: [{ cookie: [] }, { bearer: [] }],
  ticketIssuer: [{ cookie: [] }, { bearer: [] }, { integrationKey: [] }],
  optional: [{ bearer: [] }, {}],
};
