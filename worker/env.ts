/** Types shared by the worker's app, middleware and routes. */
import type { Db } from "../db/client.ts";
import type { Role } from "../db/schema.ts";
import type { DeviceCache } from "./device-cache.ts";
import type { Ingest } from "./ingest-queue.ts";
import type { PublicResultsCache } from "./public-results.ts";
import type { StoreVisits } from "./visit-store.ts";

/** A signed-in person. */
export interface SessionUser {
  id: string;
  name: string;
  email: string | null;
  role: Role;
  agencyId: string | null;
  region: string | null;
  officerId: string | null;
  /** The password was made by an admin: nothing but choosing a new one (and sign-out, GET /me) is allowed. */
  passwordChangeRequired: boolean;
}

/** A paired kiosk tablet. */
export interface DeviceCaller {
  id: string;
  name: string;
  agencyId: string;
  counterId: string;
  /** When it was paired (server clock): its ratings may not be older. */
  pairedAt: number;
}

/** A queue system (or another integration) calling with one agency's integration key. */
export interface IntegrationCaller {
  id: string;
  name: string;
  agencyId: string;
}

/** Who is calling: a person, a device, an integration, or nobody known. */
export type Principal =
  | { kind: "user"; user: SessionUser; tokenHash: string }
  | { kind: "device"; device: DeviceCaller }
  | { kind: "integration"; key: IntegrationCaller }
  | null;

/** Settings the app reads (from the environment on Node, bindings on Workers). */
export interface AppSettings {
  /** Weight of the unit mean in an officer's fair score (docs/scoring.md, "The officer indicator": default 20). */
  shrinkageK: number;
  /** Ratings an officer needs before a band is shown (default 30). */
  minOfficerN: number;
  /** Whether cookies get the Secure attribute (true unless serving plain http locally). */
  secureCookies: boolean;
  /** Widget ratings one IP may add to one agency per hour. */
  widgetQuota: number;
  /** The public base URL every link the server makes starts with (behind a TLS proxy), or null: the request's own. */
  publicUrl: string | null;
  /** Longest wait for one database call before the request gets a 503. */
  dbTimeoutMs: number;
  /** Sign-in attempts one IP may make per 15 minutes (a whole office may share one address). */
  signInsPerIp: number;
}

/** Hono environment of the app. */
export interface AppEnv {
  Variables: {
    db: Db;
    principal: Principal;
    settings: AppSettings;
    /** Device tokens seen lately (revocation must forget them). */
    deviceCache: DeviceCache;
    /** Stores ratings (grouped into shared transactions on Node). */
    ingest: Ingest;
    /** Stores visits (on Node's embedded file, one synchronous transaction). */
    visits: StoreVisits;
    /** The client's IP as the runtime reports it ("unknown" when it cannot). */
    clientIp: string;
    /** Where this server can be opened on the office network (Node bound to every interface), else none. */
    lanUrls: () => string[];
    /** Each agency's published results, kept in memory (worker/public-results.ts). */
    publicResults: PublicResultsCache;
  };
}
