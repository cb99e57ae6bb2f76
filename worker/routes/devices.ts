/**
 * A tablet's own routes. POST /devices/pair: public (the pairing code is the
 * capability), rate-limited per IP; it registers the tablet's public key, which
 * signs every later request (worker/device-signature.ts). GET /devices/self, PUT /devices/self/status and
 * POST /devices/self/unpair: the paired device itself (unpairing also needs an officer's NIP and PIN).
 */

import { createRoute } from "@hono/zod-openapi";
import { DeviceStatusInput, PairInput, UnpairInput } from "../../core/contract.ts";
import { DeviceSelfResponse, OkResponse, PairResponse } from "../../core/responses.ts";
import { auditInsert } from "../../db/queries/audit.ts";
import { deviceSetup, pairDevice, reportDeviceStatus, revokeDeviceOfAgency } from "../../db/queries/devices.ts";
import { currentDuty } from "../../db/queries/duties.ts";
import { requireDevice } from "../access.ts";
import { parsePublicKey } from "../device-keys.ts";
import { ApiError } from "../errors.ts";
import { RateLimiter, tooManyRequests } from "../middleware/rate-limit.ts";
import { officerByPin } from "../officer-pin.ts";
import { jsonBody, okJson, router, SECURITY } from "../openapi.ts";

/** Pairing attempts one IP may make per 15 minutes before the body is read; a tablet that paired gives its place back. */
export const PAIRINGS_PER_IP = 10;

/** The pairing route; each app gets its own rate-limit counters. */
export function createDevicesRoutes() {
  const routes = router();

  // Counted before the body is read (a flood costs no parsing), and given back when a tablet paired:
  // only wrong codes, the guesses, use the allowance up, so an office pairing many tablets is never stopped.
  const pairings = new RateLimiter(PAIRINGS_PER_IP, 15 * 60_000);
  routes.use("/pair", async function pairingLimit(c, next) {
    const ip = c.get("clientIp");
    const wait = pairings.hit(ip);
    if (wait > 0) throw tooManyRequests(wait);
    await next();
    if (c.res.status === 200) pairings.refund(ip);
  });

  routes.openapi(
    createRoute({
      method: "post",
      path: "/pair",
      summary: "Pair a kiosk with the 8-digit code an admin made and its public key; returns the device token (public)",
      description:
        "The tablet makes a non-extractable ECDSA P-256 key pair first and sends the public half; every later " +
        "request with the device token must be signed with it (see the bearer scheme). Without a valid key the " +
        "answer is 400 public_key_required or invalid_public_key and the code stays usable.",
      tags: ["devices"],
      security: SECURITY.public,
      request: { body: jsonBody(PairInput) },
      responses: okJson(PairResponse, "The device token and where the device serves"),
    }),
    async (c) => {
      const { code, publicKey } = c.req.valid("json");
      // Checked before the code is used: a refused pairing leaves the code for the next try.
      if (publicKey === undefined) {
        throw new ApiError(
          400,
          "public_key_required",
          "Pairing needs the tablet's public key (publicKey, an ECDSA P-256 JWK); update the kiosk app and try again.",
        );
      }
      const key = await parsePublicKey(publicKey);
      if (!key) {
        throw new ApiError(
          400,
          "invalid_public_key",
          "publicKey must be an ECDSA P-256 public key as a JWK (kty EC, crv P-256, x and y of 32 bytes, no d).",
        );
      }
      const paired = await pairDevice(c.get("db"), code, JSON.stringify(key), Date.now());
      if (!paired) {
        throw new ApiError(
          400,
          "invalid_pairing_code",
          "This pairing code is wrong, used or expired; ask an admin for a new one.",
        );
      }
      return c.json(paired, 200);
    },
  );

  routes.openapi(
    createRoute({
      method: "get",
      path: "/self",
      summary: "The calling tablet's agency, counter, services, thank-you time and who serves now (the device)",
      tags: ["devices"],
      security: SECURITY.device,
      responses: okJson(DeviceSelfResponse, "The tablet's set-up and the open duty at its counter"),
    }),
    async (c) => {
      const device = requireDevice(c);
      const setup = await deviceSetup(c.get("db"), device);
      return c.json({ ...setup, duty: (await currentDuty(c.get("db"), device.counterId)) ?? null }, 200);
    },
  );

  routes.openapi(
    createRoute({
      method: "put",
      path: "/self/status",
      summary: "Report the tablet's queue after a sync, so admins see it alive and its queue healthy (the device)",
      tags: ["devices"],
      security: SECURITY.device,
      request: { body: jsonBody(DeviceStatusInput) },
      responses: okJson(OkResponse, "Recorded, with the time it was seen"),
    }),
    async (c) => {
      const device = requireDevice(c);
      await reportDeviceStatus(c.get("db"), device.id, c.req.valid("json"), Date.now());
      return c.json({ ok: true as const }, 200);
    },
  );

  routes.openapi(
    createRoute({
      method: "post",
      path: "/self/unpair",
      summary: "Unpair the calling tablet: its token stops working (the device, with an officer's NIP and PIN)",
      tags: ["devices"],
      security: SECURITY.device,
      request: { body: jsonBody(UnpairInput) },
      responses: okJson(OkResponse, "Unpaired; the token is revoked"),
    }),
    async (c) => {
      const device = requireDevice(c);
      const { nip, pin } = c.req.valid("json");
      const officer = await officerByPin(c, device, nip, pin);
      const db = c.get("db");
      await db.batch([
        revokeDeviceOfAgency(db, device.agencyId, device.id, Date.now()),
        auditInsert(db, {
          actorUserId: null,
          agencyId: device.agencyId,
          action: "device.unpair",
          target: device.id,
          details: { officer: officer.id, nip: officer.nip },
        }),
      ]);
      c.get("deviceCache").forget(device.id);
      return c.json({ ok: true as const }, 200);
    },
  );
  return routes;
}
