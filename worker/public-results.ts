/**
 * What the public sees of an agency (docs/design.md, "Publications"): its published periods and
 * each period's current snapshot, built from the database at most once per `ttlMs` per app
 * instance and kept in memory, so a flood of visitors to the public page, the badge or the public
 * API never reaches the database. The instance that publishes (or changes an RTL row) forgets the
 * agency at once; other instances (Workers isolates, further Node processes) catch up within
 * `ttlMs`. A load that fails while an older answer is kept serves that answer (an outage does not
 * take the published results down).
 */
import type { MiddlewareHandler } from "hono";
import type { Timezone } from "../core/period.ts";
import type { PublicationListing, PublicIkm } from "../core/publication-contract.ts";
import type { Db } from "../db/client.ts";
import { agencyBySlug } from "../db/queries/agencies.ts";
import { followUpProgress, type PublicationRow, publicationsOf } from "../db/queries/publications.ts";
import type { AppEnv } from "./env.ts";
import type { KeptPage } from "./public-page-route.ts";

/** An agency's published results as the public reads them. */
export interface PublicResults {
  agency: { slug: string; name: string };
  /** The agency's timezone, in which the page states when each period was published. */
  timezone: Timezone;
  /** Every publication, newest first; superseded ones say when and by which. */
  publications: PublicationListing[];
  /** The current snapshot of each published period, the most recent period first (then the latest published). */
  current: PublicIkm[];
  /** A strong validator of all the above, for If-None-Match. */
  etag: string;
  /** Pages rendered from it, by language (worker/public-page-route.ts), made once per entry. */
  pages: Map<string, KeptPage>;
}

/** A publication row as lists show it (the dashboard adds who published it). */
export const listingOf = (row: PublicationRow): PublicationListing => ({
  id: row.id,
  period: row.snapshot.period,
  publishedAt: new Date(row.publishedAt).toISOString(),
  current: row.supersededAt === null,
  supersededAt: row.supersededAt === null ? null : new Date(row.supersededAt).toISOString(),
  supersededBy: row.supersededBy,
  respondents: row.snapshot.respondents,
  ikm: row.snapshot.ikm && { value: row.snapshot.ikm.value, mutu: row.snapshot.ikm.mutu },
});

/** FNV-1a over a string, as 8 hex digits: an ETag that is the same on every instance for the same answer. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, "0");
}

/**
 * Reads an agency's published results, or null when there is nothing public: no such agency, or
 * one whose `published` flag is off (then nothing of it is public, not even that it published).
 */
export async function loadPublicResults(db: Db, slug: string): Promise<PublicResults | null> {
  const agency = await agencyBySlug(db, slug);
  if (!agency?.published) return null;
  const [rows, progress] = await Promise.all([publicationsOf(db, agency.id), followUpProgress(db, agency.id)]);
  const named = { slug: agency.slug, name: agency.name };
  const current = rows
    .filter((row) => row.supersededAt === null)
    .map(
      (row): PublicIkm => ({
        agency: named,
        publication: row.id,
        publishedAt: new Date(row.publishedAt).toISOString(),
        ...row.snapshot,
        followUps: row.snapshot.followUps.map((item) => ({ ...item, current: progress.get(item.id) ?? null })),
      }),
    )
    .sort((a, b) => b.period.to.localeCompare(a.period.to) || b.publishedAt.localeCompare(a.publishedAt));
  const publications = rows.map(listingOf);
  return {
    agency: named,
    timezone: agency.timezone,
    publications,
    current,
    etag: `"${fnv1a(JSON.stringify([named, publications, current]))}"`,
    pages: new Map(),
  };
}

/** Options of the cache. */
export interface PublicResultsCacheOptions {
  /** How long an answer is served without asking the database again (other instances' publications show after it). */
  ttlMs?: number;
  /** Most agencies kept (unknown slugs included, so a flood of made-up ones stays bounded); the oldest go first. */
  maxEntries?: number;
  /** The clock, for tests. */
  now?: () => number;
}

/** Each agency's public results, by slug, for `ttlMs`. */
export class PublicResultsCache {
  private readonly entries = new Map<string, { results: PublicResults | null; until: number }>();
  private readonly loading = new Map<string, Promise<PublicResults | null>>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  /** Bumped by every `forget`: a load begun before it must not keep its (now stale) answer. */
  private generation = 0;

  constructor({ ttlMs = 60_000, maxEntries = 1_000, now = Date.now }: PublicResultsCacheOptions = {}) {
    this.ttlMs = ttlMs;
    this.maxEntries = maxEntries;
    this.now = now;
  }

  /** How long an answer is kept, in seconds: what Cache-Control tells proxies and browsers too. */
  get maxAgeSeconds(): number {
    return Math.ceil(this.ttlMs / 1000);
  }

  /** The agency's results kept within the TTL, without waiting: undefined when they must be loaded. */
  peek(slug: string): PublicResults | null | undefined {
    const kept = this.entries.get(slug);
    return kept && kept.until > this.now() ? kept.results : undefined;
  }

  /**
   * The agency's results: kept ones within the TTL, else `load`ed once however many ask at the
   * same moment. When `load` fails and an older answer is kept, that answer is served.
   */
  async get(slug: string, load: () => Promise<PublicResults | null>): Promise<PublicResults | null> {
    const kept = this.entries.get(slug);
    if (kept && kept.until > this.now()) return kept.results;
    const pending = this.loading.get(slug);
    if (pending) return pending;
    const generation = this.generation;
    const loaded = load()
      .then((results) => {
        if (generation === this.generation) this.keep(slug, results);
        return results;
      })
      .catch((error) => {
        if (kept) return kept.results;
        throw error;
      })
      .finally(() => this.loading.delete(slug));
    this.loading.set(slug, loaded);
    return loaded;
  }

  /** Drops an agency's answer: it published, or an RTL row of its changed. */
  forget(slug: string): void {
    this.generation++;
    this.entries.delete(slug);
    this.loading.delete(slug);
  }

  private keep(slug: string, results: PublicResults | null) {
    this.entries.delete(slug);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(slug, { results, until: this.now() + this.ttlMs });
  }
}

/**
 * After a change to an agency's RTL rows that succeeded (any method but GET, a 2xx), forgets the
 * agency's public results on this instance: the public page shows the rows' progress. Failed
 * requests forget nothing, so nobody can empty the cache by sending refused changes.
 */
export const forgetPublicResults = (): MiddlewareHandler<AppEnv> =>
  async function forgetPublicResults(c, next) {
    await next();
    if (c.req.method !== "GET" && c.res.status >= 200 && c.res.status < 300) {
      c.get("publicResults").forget(c.req.param("slug") ?? "");
    }
  };
