/**
 * The kiosk signs with WebCrypto (a non-extractable key); the Node server checks
 * with node:crypto and Workers with WebCrypto: all three must agree on the format.
 */
import { describe, expect, it } from "vitest";
import { signedMessage, toBase64Url } from "../core/device-signature.ts";
import { createDeviceSigner } from "../tests/device-signer.ts";
import { type DeviceKeys, type DevicePublicKey, parsePublicKey, webCryptoKeys } from "./device-keys.ts";
import { createVerifierThread, importNodeKey, nodeCryptoKeys } from "./device-keys-node.ts";

const ECDSA = { name: "ECDSA", namedCurve: "P-256" } as const;
const message = signedMessage(1767225600000, "POST", "/api/v1/ratings", '{"ratings":[{"comment":"Terima kasih 👍"}]}');

/** A key pair as the kiosk makes it: the private half cannot be exported. */
async function kioskKey() {
  const pair = await crypto.subtle.generateKey(ECDSA, false, ["sign", "verify"]);
  const jwk = await crypto.subtle.exportKey("jwk", pair.publicKey);
  const sign = async (text: string) =>
    new Uint8Array(
      await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, pair.privateKey, new TextEncoder().encode(text)),
    );
  return { pair, jwk, sign };
}

describe.each([
  ["WebCrypto", webCryptoKeys],
  ["node:crypto", nodeCryptoKeys],
] as [string, DeviceKeys][])("verifying with %s", (_name, keys) => {
  it("takes the kiosk's WebCrypto signature and nothing else", async () => {
    const kiosk = await kioskKey();
    await expect(crypto.subtle.exportKey("jwk", kiosk.pair.privateKey)).rejects.toThrow();
    const key = await keys.import((await parsePublicKey(kiosk.jwk))!);
    const signature = await kiosk.sign(message);
    expect(signature.length).toBe(64);
    expect(await keys.verify(key, message, signature)).toBe(true);
    expect(await keys.verify(key, `${message} `, signature)).toBe(false);
    const otherTablet = await (await kioskKey()).sign(message);
    expect(await keys.verify(key, message, otherTablet)).toBe(false);
    expect(await keys.verify(key, message, signature.subarray(0, 63))).toBe(false);
  });

  it("takes the tests' and benchmark's node:crypto signature", async () => {
    const signer = createDeviceSigner();
    const key = await keys.import(signer.publicKey as DevicePublicKey);
    const headers = signer.headers(
      "POST",
      "/api/v1/ratings",
      '{"ratings":[{"comment":"Terima kasih 👍"}]}',
      1767225600000,
    );
    const signature = Uint8Array.from(Buffer.from(headers["x-suara-signature"], "base64url"));
    expect(toBase64Url(signature)).toBe(headers["x-suara-signature"]);
    expect(await keys.verify(key, message, signature)).toBe(true);
  });
});

describe("the Node server's verifier thread", () => {
  it("checks many signatures of many tablets at once, each answer to its own request", async () => {
    const signers = Array.from({ length: 5 }, () => createDeviceSigner());
    const keys = await Promise.all(signers.map((s) => nodeCryptoKeys.import(s.publicKey as DevicePublicKey)));
    const checks = Array.from({ length: 60 }, (_, i) => {
      const body = `{"n":${i}}`;
      const signature = signers[i % 5].headers("POST", "/api/v1/ratings", body, 1767225600000)["x-suara-signature"];
      // Every third check is of another tablet's key: it must come back false, the rest true.
      const key = keys[i % 3 === 0 ? (i + 1) % 5 : i % 5];
      const text = signedMessage(1767225600000, "POST", "/api/v1/ratings", body);
      return nodeCryptoKeys.verify(key, text, Uint8Array.from(Buffer.from(signature, "base64url")));
    });
    expect(await Promise.all(checks)).toEqual(Array.from({ length: 60 }, (_, i) => i % 3 !== 0));
  });

  it.each([
    ["throws", `require("node:worker_threads").parentPort.on("message", () => { throw new Error("broken"); });`],
    ["exits", `require("node:worker_threads").parentPort.on("message", () => process.exit(3));`],
  ])("that %s still answers every check right, on the event loop", async (_what, source) => {
    const signer = createDeviceSigner();
    const key = await importNodeKey(signer.publicKey as DevicePublicKey);
    const check = createVerifierThread(source);
    const body = '{"ratings":[]}';
    const signature = Uint8Array.from(
      Buffer.from(signer.headers("POST", "/api/v1/ratings", body, 1767225600000)["x-suara-signature"], "base64url"),
    );
    const text = signedMessage(1767225600000, "POST", "/api/v1/ratings", body);
    const errors = console.error;
    console.error = () => undefined;
    try {
      expect(await Promise.all([check(key, text, signature), check(key, `${text}!`, signature)])).toEqual([
        true,
        false,
      ]);
      // The next batch starts a new thread, which fails the same way and is answered the same way.
      expect(await check(key, text, signature)).toBe(true);
    } finally {
      console.error = errors;
    }
  });
});
