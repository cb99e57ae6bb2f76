/**
 * Bad input of any shape, on every documented operation, as a signed-in admin
 * and as a paired device: always a 4xx with the error shape, never a 5xx.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { AGENCY, STORES, testApp } from "./test-app.ts";

const BODIES: [string, string | undefined, string][] = [
  ["no body", undefined, "application/json"],
  ["empty body", "", "application/json"],
  ["malformed JSON", "{", "application/json"],
  ["JSON null", "null", "application/json"],
  ["a JSON string", '"x"', "application/json"],
  ["a JSON array", "[]", "application/json"],
  ["deeply nested", `${"[".repeat(5000)}${"]".repeat(5000)}`, "application/json"],
  [
    "wrong types",
    '{"ratings":"x","name":5,"slug":[],"code":{},"nip":1,"password":null,"origins":"*"}',
    "application/json",
  ],
  ["plain text", "hello", "text/plain"],
  ["a form", "a=1&b=2", "application/x-www-form-urlencoded"],
];

const PARAMS = ["%ZZ", "..%2F..%2Fetc", "x".repeat(300), "'; DROP TABLE ratings; --", "%00"];

let t: Awaited<ReturnType<typeof testApp>>;
let operations: { method: string; path: string }[] = [];
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await testApp();
  tokens.admin = await t.login();
  tokens.device = await t.pairDevice("loket-1", tokens.admin);
  const doc = await (await t.call("GET", "/api/v1/openapi.json")).json();
  operations = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path: `/api/v1${path}` })),
  );
});

const fill = (path: string, value: string) => path.replace(/\{[^}]+\}/g, value);

async function expectClientError(res: Response, what: string) {
  expect(res.status, what).toBeGreaterThanOrEqual(200);
  expect(res.status, what).toBeLessThan(500);
  if (res.status >= 400) {
    const body = await res.json();
    expect(typeof body.error?.code, what).toBe("string");
    expect(typeof body.error?.message, what).toBe("string");
  }
}

describe("every operation", () => {
  it.each(["admin", "device"])("survives bad bodies and parameters as %s", async (caller) => {
    expect(operations.length).toBeGreaterThan(35);
    for (const { method, path } of operations) {
      for (const [name, body, type] of method === "GET" || method === "DELETE" ? [BODIES[0]] : BODIES) {
        // Signed like the kiosk's requests (test-app's call), so a device's bad bodies reach the routes.
        const res = await t.call(method, fill(path, "disdukcapil-tebingtinggi"), {
          token: tokens[caller],
          headers: { "content-type": type },
          body,
        });
        await expectClientError(res, `${method} ${path} with ${name}`);
      }
      for (const param of PARAMS) {
        const res = await t.call(method, `${fill(path, param)}?period=${param}&from=${param}`, {
          token: tokens[caller],
        });
        await expectClientError(res, `${method} ${path} with ${param}`);
      }
    }
  });
});

describe.each(STORES)("an empty change to a real record (%s store)", (store) => {
  it.each(["services", "counters", "officers", "users"])("is a 400 for %s, and the record stays", async (kind) => {
    const t = await testApp({ store });
    const admin = await t.login();
    const list = `/api/v1/agencies/${AGENCY}/${kind}`;
    const before = (await (await t.call("GET", list, { token: admin })).json())[kind];
    for (const body of [{}, undefined]) {
      const res = await t.call("PATCH", `${list}/${before[0].id}`, { token: admin, body });
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatchObject({
        code: "invalid_request",
        message: expect.stringContaining("at least one field"),
      });
    }
    expect((await (await t.call("GET", list, { token: admin })).json())[kind]).toEqual(before);
  });
});
