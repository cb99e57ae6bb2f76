/**
 * The whole site around the API: the kiosk, dashboard and widget pages and the
 * hosted QR rating page, each with a strict Content-Security-Policy. Each
 * runtime says how to read a built file (Node: the dist folder; Workers: the
 * ASSETS binding).
 */
import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";
import type { App } from "./app.ts";
import type { AppEnv } from "./env.ts";

/** CSP of our own pages: our scripts and stylesheets only (styles set from script go through CSSOM, which CSP allows). */
export const PAGE_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", "data:", "blob:"],
  connectSrc: ["'self'"],
  manifestSrc: ["'self'"],
  workerSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
};

/** How a runtime reads the built front ends. */
export interface Assets {
  /** Serves the built file at the request's path, or passes on. */
  serve: MiddlewareHandler<AppEnv>;
  /** Serves one built file (a path under dist/, e.g. `/widget/rate.html`) whatever the request's path. */
  file: (path: string) => MiddlewareHandler<AppEnv>;
}

/** Adds the site's pages to the app. */
export function withSite(app: App, assets: Assets): App {
  const pages = secureHeaders({ contentSecurityPolicy: PAGE_CSP });
  app.get("/", (c) => c.redirect("/dashboard/"));
  for (const area of ["kiosk", "dashboard", "widget"]) app.get(`/${area}`, (c) => c.redirect(`/${area}/`));
  // The embed's scripts (its modules, their chunks, the classic script) and its manifest are
  // loaded by agencies' own pages: module scripts are fetched with CORS. The entry names stay
  // the same from release to release, so they are cached briefly; hashed chunks for good.
  app.use("/widget/*", async function crossOriginScript(c, next) {
    await next();
    if (!/\.(js|json|d\.ts)$/.test(c.req.path) || !c.res.ok) return;
    c.header("Access-Control-Allow-Origin", "*");
    c.header("Cross-Origin-Resource-Policy", "cross-origin");
    const hashed = /-[\w-]{8}\.js$/.test(c.req.path);
    c.header("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "public, max-age=300");
  });
  // The hosted rating page is one static page; it reads the ticket (or, from a counter's
  // poster, the agency and service) from its own URL.
  app.get("/r/:ticket", pages, assets.file("/widget/rate.html"));
  app.get("/r/", pages, assets.file("/widget/rate.html"));
  // The integrators' docs: Swagger UI's files from our own origin, under the same strict CSP.
  app.get("/api/v1/docs", pages, assets.file("/api-docs/index.html"));
  app.use("/api-docs/*", pages);
  app.use("/kiosk/*", pages);
  app.use("/dashboard/*", pages);
  // The dashboard routes in the browser: a link to any of its pages loads its one HTML page.
  const dashboard = assets.file("/dashboard/index.html");
  app.get("/dashboard/*", async function dashboardPage(c, next) {
    return /\.[a-z0-9]+$/i.test(c.req.path) ? next() : dashboard(c, next);
  });
  app.use("/widget/*", pages);
  app.use("/assets/*", async function immutable(c, next) {
    await next();
    if (c.res.ok) c.header("Cache-Control", "public, max-age=31536000, immutable");
  });
  // Every other file (the front ends' hashed chunks, the icon) carries the pages' headers too: nosniff above all.
  app.get("*", pages, assets.serve);
  return app;
}
