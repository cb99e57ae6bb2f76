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
import { loadPublicResults, type PublicResultsCache } from "./public-results.ts";
import { PAGE_CSP } from "./site.ts";

/** Options of the public pages. */
export interface PublicPageOptions {
  /** The database for a request, asked only when the agency's results are not kept. */
  db: (c: Context<AppEnv>) => Db | Promise<Db>;
  /** The app's public results (the API's public routes read the same). */
  cache: PublicResultsCache;
  /**
   * Whether the app sends the page gzipped itself to a client that accepts it (Node, which
   * compresses nothing else; Workers leave it off: Cloudflare compresses what it serves).
   */
  gzip?: boolean;
}

/** A rendered page as it is kept: its bytes, gzipped once for clients that accept it, and the headers of each. */
export interface KeptPage {
  bytes: Uint8Array;
  gzip: Uint8Array | null;
  headers: Record<string, string>;
  gzipHeaders: Record<string, string>;
}

/** Gzips bytes with the runtime's CompressionStream (Node and Workers both have it). */
async function gzipped(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Where the page's stylesheet is: its version in the query, so a release's change is fetched anew. */
const STYLESHEET = `/publik/publik.css?v=${PUBLIC_PAGE_CSS.length.toString(36)}`;

/** The pages' security headers (CSP and the rest), as secureHeaders makes them for the other pages. */
const pages = secureHeaders({ contentSecurityPolicy: PAGE_CSP });

/** Those headers as a plain record, read once from the middleware itself. */
let securityHeaders: Promise<Record<string, string>> | undefined;
const pageSecurityHeaders = () =>
  (securityHeaders ??= Promise.resolve(
    new Hono()
      .use(pages)
      .get("/", (c) => c.body(null))
      .request("/"),
  ).then((res) => Object.fromEntries(res.headers)));

/** A page's answer: the headers of each way it is sent, built once with the page (node-server then writes them as they are). */
async function keptPage(bytes: Uint8Array, etag: string, maxAge: number, gzip: boolean): Promise<KeptPage> {
  const headers = {
    ...(await pageSecurityHeaders()),
    "content-type": "text/html; charset=UTF-8",
    "cache-control": `public, max-age=${maxAge}`,
    etag,
  };
  if (!gzip) return { bytes, gzip: null, headers, gzipHeaders: headers };
  const vary = { ...headers, vary: "Accept-Encoding" };
  return { bytes, gzip: await gzipped(bytes), headers: vary, gzipHeaders: { ...vary, "content-encoding": "gzip" } };
}

/**
 * A request header (its name in lower case): on Node straight from the incoming message, which
 * spares building the request's whole Headers on every visit; elsewhere from the request.
 */
function header(c: Context<AppEnv>, name: string): string | undefined {
  const incoming = (c.env as { incoming?: { headers: Record<string, string | string[] | undefined> } } | undefined)
    ?.incoming;
  const value = incoming ? incoming.headers[name] : c.req.header(name);
  return Array.isArray(value) ? value.join(", ") : value;
}

/** The public results page and its stylesheet. */
export function createPublicPageRoutes({ db, cache, gzip = false }: PublicPageOptions) {
  return (
    new Hono<AppEnv>()
      .get("/publik.css", pages, (c) => {
        c.header("Cache-Control", "public, max-age=86400");
        return c.body(PUBLIC_PAGE_CSS, 200, { "Content-Type": "text/css; charset=utf-8" });
      })
      // The page sets the security headers itself, kept with it (the middleware would set them again on every visit).
      .get("/:slug", async function publicPage(c) {
        const slug = c.req.param("slug");
        if (!SLUG.test(slug)) throw notFound(`Published results of "${slug}"`);
        // Kept: no promise to wait for (unknown agencies are kept too, as null).
        const kept = cache.peek(slug);
        const results =
          kept !== undefined ? kept : await cache.get(slug, async () => loadPublicResults(await db(c), slug));
        if (!results) throw notFound(`Published results of "${slug}"`);
        const locale = c.req.query("lang") === "en" ? "en" : "id";
        // Rendered (and compressed) once per kept answer and language: each visit after is a copy of bytes.
        let page = results.pages.get(locale);
        if (page === undefined) {
          const bytes = new TextEncoder().encode(renderPublicPage(results, locale, STYLESHEET));
          page = await keptPage(bytes, `"${results.etag.slice(1, -1)}-${locale}"`, cache.maxAgeSeconds, gzip);
          results.pages.set(locale, page);
        }
        if (header(c, "if-none-match") === page.headers.etag) return c.body(null, 304, { ETag: page.headers.etag });
        // A Response of its own, not c.body: the security middleware has nothing left to add to its headers.
        const zipped = page.gzip && /\bgzip\b/.test(header(c, "accept-encoding") ?? "");
        const body = (zipped ? page.gzip : page.bytes) as Uint8Array<ArrayBuffer>;
        return new Response(body, { headers: zipped ? page.gzipHeaders : page.headers });
      })
  );
}
