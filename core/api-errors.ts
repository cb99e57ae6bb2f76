/**
 * Every error code the API answers with (`{"error": {"code", …}}`, worker/errors.ts, and the
 * per-rating `rejected` results of POST /ratings), in one list, with the faces that can meet each.
 * A face words every code it can meet in both languages and never shows the code itself
 * (issue 19: "no code is ever shown to a person"); worker/api-errors.test.ts keeps this list
 * equal to the codes the server's source writes, and each face's words test reads its codes here.
 */

/** A face of Suara that shows API errors to people. */
export type Face = "dashboard" | "kiosk" | "widget";

const ALL: readonly Face[] = ["dashboard", "kiosk", "widget"];
const KIOSK: readonly Face[] = ["kiosk"];
const WIDGET: readonly Face[] = ["widget"];
const DASHBOARD: readonly Face[] = ["dashboard"];
const KIOSK_AND_WIDGET: readonly Face[] = ["kiosk", "widget"];
const DASHBOARD_AND_KIOSK: readonly Face[] = ["dashboard", "kiosk"];
/** Met only by API clients (an integration key's queue system, an operator's health probe), never by a face. */
const CLIENTS: readonly Face[] = [];

/** Each error code and the faces that can meet it. */
export const API_ERRORS = {
  // Any request: malformed, too large, too many, or the server itself unwell.
  invalid_request: ALL,
  malformed_json: ALL,
  bad_request: ALL,
  payload_too_large: ALL,
  unsupported_media_type: CLIENTS,
  method_not_allowed: CLIENTS,
  not_found: ALL,
  rate_limited: ALL,
  unavailable: ALL,
  internal: ALL,
  database_file_lost: ALL,
  misconfigured: ALL,
  // A Worker whose LIBSQL_URL is missing or refused (worker/index.ts): its pages load, its API cannot answer.
  database_not_configured: ALL,
  database_cannot_write: CLIENTS,
  // Who is calling: a signed-in person (dashboard) or a paired tablet (kiosk).
  unauthorized: DASHBOARD_AND_KIOSK,
  forbidden: DASHBOARD_AND_KIOSK,
  conflict: DASHBOARD,
  invalid_credentials: DASHBOARD_AND_KIOSK,
  sign_in_locked: DASHBOARD,
  sign_in_device_locked: DASHBOARD,
  sign_in_address_limited: DASHBOARD,
  account_deactivated: DASHBOARD,
  password_change_required: DASHBOARD,
  wrong_password: DASHBOARD,
  cross_origin_request: DASHBOARD,
  // The dashboard's own forms and figures.
  invalid_period: DASHBOARD,
  invalid_import: DASHBOARD,
  // Publications: a period without an IKM is not published; the public asks for one never published
  // (the badge words that itself, in widget/badge-words.ts, without reading codes).
  ikm_incomplete: DASHBOARD,
  not_published: CLIENTS,
  already_decided: DASHBOARD,
  already_contested: DASHBOARD,
  // Officers answer: a comment replied to once, a feedback acknowledged once.
  already_replied: DASHBOARD,
  already_acknowledged: DASHBOARD,
  counter_busy: DASHBOARD,
  reason_required: DASHBOARD,
  officer_inactive: DASHBOARD_AND_KIOSK,
  not_on_duty: CLIENTS,
  counter_required: CLIENTS,
  // A tablet: pairing, its signed requests, duties at its counter, its tickets.
  invalid_pairing_code: KIOSK,
  public_key_required: KIOSK,
  invalid_public_key: KIOSK,
  signature_required: KIOSK,
  bad_signature: KIOSK,
  stale_signature: KIOSK,
  replayed: KIOSK,
  pin_required: KIOSK,
  ticket_pace: ["dashboard", "kiosk"],
  device_required: KIOSK,
  wrong_agency: KIOSK,
  too_old: KIOSK,
  before_pairing: KIOSK,
  // A tablet of an archived counter: what it made since the archive, or anything new (docs/design.md, "Archiving").
  counter_archived: DASHBOARD_AND_KIOSK,
  // A rating refused (POST /ratings): the kiosk's outbox and the widget.
  unknown_agency: KIOSK_AND_WIDGET,
  unknown_service: ["dashboard", "kiosk", "widget"],
  invalid_ticket: KIOSK_AND_WIDGET,
  origin_not_allowed: WIDGET,
  ticket_required: WIDGET,
  ticket_used: WIDGET,
  ticket_expired: WIDGET,
  ticket_mismatch: WIDGET,
  too_many_ratings: WIDGET,
  // A visit refused (POST /agencies/{slug}/visits): a queue system, a tablet's, or an admin's import
  // (the dashboard's Impor log antrean words each, dashboard/pages/manage/visit-import-words.ts).
  unknown_counter: DASHBOARD,
  unknown_officer: DASHBOARD,
  in_future: DASHBOARD,
  wrong_counter: CLIENTS,
  officer_not_allowed: CLIENTS,
} as const satisfies Record<string, readonly Face[]>;

/** An error code of the API. */
export type ApiErrorCode = keyof typeof API_ERRORS;

/** The codes a face can meet. */
export const codesMetBy = (face: Face) =>
  (Object.keys(API_ERRORS) as ApiErrorCode[]).filter((code) => (API_ERRORS[code] as readonly Face[]).includes(face));
