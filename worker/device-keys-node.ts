/**
 * Tablets' signatures checked with node:crypto on the Node server. A P-256
 * verification costs about 65 µs of CPU here: run on the event loop it would
 * take a third of a single-rating POST's budget, so it runs on libuv's thread
 * pool (node:crypto's callback form) and the event loop pays about 15 µs to
 * hand it over. WebCrypto's path does the same with several times the overhead
 * (argument checks in JavaScript); `npm run bench` measures the choice.
 */
import { createPublicKey, type KeyObject, verify } from "node:crypto";
import type { DeviceKeys } from "./device-keys.ts";

/** Verification with node:crypto on a cached KeyObject, off the event loop. */
export const nodeCryptoKeys: DeviceKeys = {
  import: async (publicKey) => createPublicKey({ key: { ...publicKey }, format: "jwk" }),
  verify: (key, message, signature) =>
    new Promise((resolve) => {
      verify(
        "sha256",
        Buffer.from(message, "utf8"),
        { key: key as KeyObject, dsaEncoding: "ieee-p1363" },
        signature,
        // A malformed signature is an error to OpenSSL and a refusal to us.
        (error, valid) => resolve(!error && valid),
      );
    }),
};
