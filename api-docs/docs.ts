/**
 * The API's documentation page: Swagger UI (served from our own origin, no CDN)
 * rendering the OpenAPI document the worker generates from the same zod schemas
 * it validates with.
 */

/** The global the Swagger UI bundle defines. */
declare const SwaggerUIBundle: (options: {
  url: string;
  dom_id: string;
  deepLinking: boolean;
  tryItOutEnabled: boolean;
}) => unknown;

SwaggerUIBundle({ url: "/api/v1/openapi.json", dom_id: "#docs", deepLinking: true, tryItOutEnabled: false });
