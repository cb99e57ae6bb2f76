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

/** A 409 answer for something done once already, named by its error code. */
export const conflictResponse = (code: string) => ({
  409: { description: `\`${code}\`: done once already`, content: { "application/json": { schema: ErrorBody } } },
});

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

/**
 * The bearer scheme as integrators read it in the OpenAPI document: a device token
 * is worth nothing without the tablet's signature (the format of core/device-signature.ts).
 */
export const BEARER_DESCRIPTION = [
  "A session token (`ses_…`, from POST /auth/login) or a paired tablet's device token (`dev_…`, from POST /devices/pair).",
  "",
  "**Device tokens must sign every request.** At pairing the tablet sends its ECDSA P-256 public key as a JWK",
  '(`{"code", "publicKey": {"kty": "EC", "crv": "P-256", "x", "y"}}`; the private key never leaves it). Each request',
  "with a `dev_` token then carries:",
  "",
  "- `X-Suara-Timestamp`: the signing time in milliseconds since the Unix epoch (decimal), within ±5 minutes of the",
  "  server clock;",
  "- `X-Suara-Signature`: base64url without padding of the 64-byte IEEE P1363 `r || s` ECDSA P-256 / SHA-256",
  "  signature (what WebCrypto's `sign` returns) over the UTF-8 bytes of",
  "  `<timestamp>\\n<METHOD>\\n<path and query>\\n<body>` (`\\n` a line feed), e.g.",
  '  `1767225600000\\nPOST\\n/api/v1/ratings\\n{"ratings":[…]}`.',
  "  METHOD is upper case; path and query are the request target as sent (everything after the host);",
  '  body is the raw body, "" for GET and HEAD or when there is none.',
  "",
  "Each signature is accepted once. Refusals are 401 with the code `signature_required` (no signature headers, or",
  "a tablet paired before signing: pair it again), `bad_signature` (malformed, another key, or the method, path or",
  "body changed), `stale_signature` (timestamp outside the window; `details.serverTime` gives the server clock)",
  "or `replayed` (this signature was already accepted).",
].join("\n");

type Security = { [scheme: string]: string[] }[];

/** Who may call a route, as OpenAPI security requirements (an empty object means anonymous). */
export const SECURITY: Record<
  "public" | "session" | "device" | "sessionOrDevice" | "ticketIssuer" | "visitSender" | "optional",
  Security
> = {
  public: [],
  session: [{ cookie: [] }, { bearer: [] }],
  device: [{ bearer: [] }],
  sessionOrDevice: [{ cookie: [] }, { bearer: [] }],
  ticketIssuer: [{ cookie: [] }, { bearer: [] }, { integrationKey: [] }],
  visitSender: [{ cookie: [] }, { bearer: [] }, { integrationKey: [] }],
  optional: [{ bearer: [] }, {}],
};
