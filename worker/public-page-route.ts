/**
 * /publik/{slug}: the public results page (worker/public-page.ts), served by the app on Node and
 * Workers, with the pages' Content-Security-Policy, from the in-memory public results: a cached
 * agency is answered without asking the database at all (docs/design.md, "Publications"). Its
 * stylesheet is /publik/publik.css (no slug has a dot).
 */
import type { Context } from "hono";
import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { SLUG } from "../core/patterns.ts";
import type { Db } from "../db/client.ts";
import type { AppEnv } from "./env.ts";
import { notFound } from "./errors.ts";
import { renderPublicPage } from "./public-page.ts";
import { PUBLIC_PAGE_CSS } from "./public-page-style.ts";
import { loadPublicResults } from "./public-results.ts";
import { PAGE_CSP } from "./site.ts";

/** Options of the public pages. */
export interface PublicPageOptions {
  /** The database for a request, asked only when the agency's results are not kept. */
  db: (c: Context<AppEnv>) => Db | Promise<Db>;
}

/** Where the page's stylesheet is: its version in the query, so a release's change is fetched anew. */
const STYLESHEET = `/publik/publik.css?v=${PUBLIC_PAGE_CSS.length.toString(36)}`;

/** The public results page and its stylesheet. */
export function createPublicPageRoutes({ db }: PublicPageOptions) {
  return new Hono<AppEnv>()
    .use("*", secureHeaders({ contentSecurityPolicy: PAGE_CSP }))
    .get("/publik.css", (c) => {
      c.header("Cache-Control", "public, max-age=86400");
      return c.body(PUBLIC_PAGE_CSS, 200, { "Content-Type": "text/css; charset=utf-8" });
    })
    .get("/:slug", async function publicPage(c) {
      const slug = c.req.param("slug");
      if (!SLUG.test(slug)) throw notFound(`Published results of "${slug}"`);
      const results = await c.get("publicResults").get(slug, async () => loadPublicResults(await db(c), slug));
      if (!results) throw notFound(`Published results of "${slug}"`);
      const locale = c.req.query("lang") === "en" ? "en" : "id";
      c.header("Cache-Control", `public, max-age=${c.get("publicResults").maxAgeSeconds}`);
      const etag = `"${results.etag.slice(1, -1)}-${locale}"`;
      c.header("ETag", etag);
      if (c.req.header("If-None-Match") === etag) return c.body(null, 304);
      let page = results.pages.get(locale);
      if (page === undefined) {
        page = renderPublicPage(results, locale, STYLESHEET);
        results.pages.set(locale, page);
      }
      return c.html(page);
    });
}
