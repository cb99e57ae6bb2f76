/**
 * Tablets' signatures checked with node:crypto on a thread of their own (the
 * Node server). A P-256 verification costs about 65 µs of CPU here, two thirds
 * of a whole GET /health. Measured with `npm run bench`'s single-rating POSTs
 * on the project's two-core machine: verified on the event loop (synchronous
 * `verify`) they ran at 35–40% of /health's rate; on libuv's pool (node:crypto's
 * callback form or WebCrypto) at 42–57%, its four threads crowding the loop off
 * its core; on one thread of their own at 62–64%. So the checks asked for in a
 * turn of the event loop go to one worker thread in one message; it answers
 * every few checks, so no request waits long for the rest of its batch. One
 * thread checks about 15,000 signatures a second, more than one event loop serves.
 *
 * Should the thread fail, the checks in flight are made on the event loop and
 * the next batch starts a new thread: a broken thread never refuses a tablet.
 */
import { createPublicKey, type KeyObject, verify } from "node:crypto";
import { Worker } from "node:worker_threads";
import type { DeviceKeys, DevicePublicKey } from "./device-keys.ts";

/**
 * Checks answered in one message: a message costs the event loop about 15 µs and a check
 * the thread about 65 µs, so answering every 4 keeps the loop's share near 4 µs a check and
 * holds no answer back more than about 0.2 ms (1, 2 and 8 measured slower).
 */
const ANSWER_EVERY = 4;
/** Keys the thread keeps before it starts over (each tablet's key is sent once; revoked ones linger until then). */
const MAX_KEYS = 10_000;

/** The thread: imports the keys it is sent, checks a batch's jobs in order, answers every ANSWER_EVERY (true/false each). */
export const VERIFIER_THREAD = `
const { parentPort } = require("node:worker_threads");
const { createPublicKey, verify } = require("node:crypto");
let keys = new Map();
parentPort.on("message", ({ clear, added, jobs }) => {
  if (clear) keys = new Map();
  for (const [id, jwk] of added) keys.set(id, createPublicKey({ key: jwk, format: "jwk" }));
  let answers = [];
  for (let i = 0; i < jobs.length; i++) {
    const [id, message, signature] = jobs[i];
    let valid = false;
    try {
      valid = verify("sha256", Buffer.from(message, "utf8"), { key: keys.get(id), dsaEncoding: "ieee-p1363" }, signature);
    } catch {}
    answers.push(valid);
    if (answers.length === ${ANSWER_EVERY} || i === jobs.length - 1) {
      parentPort.postMessage(answers);
      answers = [];
    }
  }
});
`;

/** A tablet's key as the device cache holds it: the JWK, its text (the thread's name for it) and a KeyObject. */
interface NodeKey {
  jwk: DevicePublicKey;
  text: string;
  object: KeyObject;
}
type Job = { key: NodeKey; message: string; signature: Uint8Array; resolve: (valid: boolean) => void };

/** Checks one signature on the calling thread (the fallback). */
function verifyHere({ object }: NodeKey, message: string, signature: Uint8Array): boolean {
  try {
    return verify("sha256", Buffer.from(message, "utf8"), { key: object, dsaEncoding: "ieee-p1363" }, signature);
  } catch {
    return false;
  }
}

/** Imports a tablet's public key for `verify` of a verifier thread. */
export async function importNodeKey(jwk: DevicePublicKey): Promise<NodeKey> {
  // Imported here too: a key that cannot be imported is refused now, and the fallback needs it.
  return { jwk, text: JSON.stringify(jwk), object: createPublicKey({ key: { ...jwk }, format: "jwk" }) };
}

/**
 * A verifier thread running `source` (tests pass a failing one): resolves each check,
 * batched per turn of the event loop.
 */
export function createVerifierThread(source = VERIFIER_THREAD) {
  let worker: Worker | undefined;
  /** The keys the thread has, by text. */
  let ids = new Map<string, number>();
  let nextId = 0;
  /** Whether the thread must forget its keys first (this side started over at MAX_KEYS). */
  let clear = false;
  let batch: Job[] = [];
  /** Jobs sent and not answered, oldest first (the thread answers in order). */
  const inFlight: Job[] = [];

  /** Makes the checks in flight here (the thread failed) and lets the next batch start a new thread. */
  function failed() {
    worker = undefined;
    ids = new Map();
    for (const job of inFlight.splice(0)) job.resolve(verifyHere(job.key, job.message, job.signature));
  }

  function start(): Worker {
    const started = new Worker(source, { eval: true });
    started.on("message", (answers: boolean[]) => {
      const jobs = inFlight.splice(0, answers.length);
      if (inFlight.length === 0) started.unref();
      for (const [i, job] of jobs.entries()) job.resolve(answers[i] === true);
    });
    started.on("error", (error) => {
      console.error("signature thread failed; checking on the event loop until it restarts:", error.message);
      if (worker === started) failed();
    });
    started.on("exit", () => {
      if (worker === started) failed();
    });
    return started;
  }

  function flush() {
    const jobs = batch;
    batch = [];
    if (ids.size >= MAX_KEYS) {
      ids = new Map();
      clear = true;
    }
    const added: [number, DevicePublicKey][] = [];
    const list = jobs.map(({ key, message, signature }) => {
      let id = ids.get(key.text);
      if (id === undefined) {
        id = nextId++;
        ids.set(key.text, id);
        added.push([id, key.jwk]);
      }
      return [id, message, signature];
    });
    const message = { clear, added, jobs: list };
    clear = false;
    inFlight.push(...jobs);
    try {
      worker ??= start();
      // Held only while it owes answers: an idle thread never keeps the server (or a test run) alive.
      worker.ref();
      worker.postMessage(message);
    } catch (error) {
      console.error("signature thread unavailable; checking on the event loop:", (error as Error).message);
      failed();
    }
  }

  return (key: NodeKey, message: string, signature: Uint8Array) =>
    new Promise<boolean>((resolve) => {
      if (batch.length === 0) setImmediate(flush);
      batch.push({ key, message, signature, resolve });
    });
}

let thread: ReturnType<typeof createVerifierThread> | undefined;

/** Verification with node:crypto on a worker thread of its own, batched per turn of the event loop. */
export const nodeCryptoKeys: DeviceKeys = {
  import: importNodeKey,
  verify: (key, message, signature) => {
    thread ??= createVerifierThread();
    return thread(key as NodeKey, message, signature);
  },
};
