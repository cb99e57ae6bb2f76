/**
 * End-to-end specs in a real Chromium against `worker/node.ts` serving the
 * built front ends on a fresh demo database. Uses Debian's Chromium when it is
 * installed (browsers cannot be downloaded on Suara's machines).
 */
import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

// E2E_PORT lets two runs (e.g. two work trees) share a machine.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 8799);
const PORT = E2E_PORT;
const executablePath = ["/usr/lib/chromium/chromium", "/usr/bin/chromium"].find((path) => existsSync(path));

/** Shared with the specs: the demo password and PIN the e2e server is started with. */
export const E2E = { password: "e2e-demo-password", pin: "135790" };

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 30_000,
  // Two specs at a time, each file in one worker; a spec whose counts other specs' taps would
  // disturb starts its own server (kiosk.spec.ts, office.spec.ts, setup.spec.ts).
  workers: 2,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: "id-ID",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        // A host name that is not this machine's: plain http there is not a secure context (the kiosk spec).
        "--host-resolver-rules=MAP suara.test 127.0.0.1",
      ],
    },
  },
  projects: [
    { name: "tablet", use: { viewport: { width: 1280, height: 800 } } },
    // Specs that set their own viewports (the kiosk's tablets, the dashboard's desk and both sizes,
    // tagged @once) run in the tablet project only: the phone project would repeat them.
    {
      name: "phone",
      use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
      testIgnore: /kiosk\.spec\.ts/,
      grepInvert: /@once/,
    },
  ],
  webServer: {
    command: "rm -rf .e2e && tsx worker/node.ts",
    url: `http://127.0.0.1:${PORT}/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(PORT),
      HOST: "127.0.0.1",
      LIBSQL_URL: "file:.e2e/suara.db",
      SUARA_DEMO_PASSWORD: E2E.password,
      SUARA_DEMO_PIN: E2E.pin,
      // Every spec signs in from 127.0.0.1; an office behind one address would too.
      SUARA_SIGNINS_PER_IP: "1000",
    },
  },
});
