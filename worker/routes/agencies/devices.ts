/** Kiosk devices of an agency: create (with a pairing code), list, revoke. */

import { createRoute } from "@hono/zod-openapi";
import { DeviceInput } from "../../../core/contract.ts";
import { DeviceCreatedResponse, DeviceRevokedResponse, DevicesResponse } from "../../../core/responses.ts";
import { counterByCode } from "../../../db/queries/agencies.ts";
import { auditInsert } from "../../../db/queries/audit.ts";
import { createDevice, deviceOfAgency, listDevices, revokeDeviceOfAgency } from "../../../db/queries/devices.ts";
import { agencyFor } from "../../access.ts";
import { notFound } from "../../errors.ts";
import { jsonBody, okJson, router, SECURITY } from "../../openapi.ts";
import { agencyParams, itemParams, WHO_MANAGES, WHO_READS } from "./params.ts";

const tags = ["management"];

/** GET, POST, DELETE of kiosk devices. */
export const agencyDevicesRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      summary: `List kiosk devices ${WHO_READS}`,
      tags,
      security: SECURITY.session,
      request: { params: agencyParams },
      responses: okJson(DevicesResponse, "The devices, without secrets"),
    }),
    async (c) => {
      const { agency } = await agencyFor(c, c.req.valid("param").slug, "readAgency");
      return c.json({ devices: await listDevices(c.get("db"), agency.id) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/",
      summary: `Create a kiosk device for a counter; returns a single-use pairing code valid 15 minutes ${WHO_MANAGES}`,
      tags,
      security: SECURITY.session,
      request: { params: agencyParams, body: jsonBody(DeviceInput) },
      responses: okJson(DeviceCreatedResponse, "The device and its pairing code"),
    }),
    async (c) => {
      const { user, agency } = await agencyFor(c, c.req.valid("param").slug, "manageAgency");
      const db = c.get("db");
      const input = c.req.valid("json");
      const counter = await counterByCode(db, agency.id, input.counter);
      if (!counter) throw notFound(`Counter "${input.counter}"`);
      const made = await createDevice(db, { agencyId: agency.id, counterId: counter.id, name: input.name }, Date.now());
      await db.batch([
        made.insert,
        auditInsert(db, {
          actorUserId: user.id,
          agencyId: agency.id,
          action: "device.create",
          target: made.id,
          details: input,
        }),
      ]);
      return c.json(
        {
          device: { id: made.id, name: input.name, counter: counter.code },
          pairingCode: made.code,
          expiresAt: new Date(made.expiresAt).toISOString(),
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/{id}",
      summary: `Revoke a device: its token stops working at once ${WHO_MANAGES}`,
      tags,
      security: SECURITY.session,
      request: { params: itemParams },
      responses: okJson(DeviceRevokedResponse, "The revoked device"),
    }),
    async (c) => {
      const { slug, id } = c.req.valid("param");
      const { user, agency } = await agencyFor(c, slug, "manageAgency");
      const db = c.get("db");
      const existing = await deviceOfAgency(db, agency.id, id);
      if (!existing) throw notFound("Device");
      const revokedAt = existing.revokedAt ?? Date.now();
      await db.batch([
        revokeDeviceOfAgency(db, agency.id, id, revokedAt),
        auditInsert(db, { actorUserId: user.id, agencyId: agency.id, action: "device.revoke", target: id }),
      ]);
      // Only after the commit: forgetting earlier lets a request in between cache the token again.
      c.get("deviceCache").forget(id);
      return c.json({ device: { ...existing, revokedAt } }, 200);
    },
  );
