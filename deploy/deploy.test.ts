/**
 * The files shipped in deploy/ are checked by the tools that will read them:
 * `systemd-analyze verify` for the unit (CI has systemd 252) and `caddy validate`
 * for the Caddyfile. Any warning fails: systemd ignores a line it cannot parse and
 * still exits 0, so its output must be empty.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const UNIT = "deploy/suara.service";
/** The node the unit starts on a real install (Debian's and NodeSource's packages put it there). */
const INSTALLED_NODE = "/usr/bin/node";

/** Whether a command is on this machine; in CI a missing one fails the test instead of skipping it. */
function has(command: string): boolean {
  const found = spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;
  if (!found && process.env.CI) throw new Error(`${command} is missing in CI: .ci/run installs it`);
  if (!found) console.warn(`SKIPPED: ${command} is not installed here, so deploy/ is not checked with it`);
  return found;
}

describe("deploy/", () => {
  it.runIf(has("systemd-analyze"))("suara.service passes systemd-analyze verify without a warning", () => {
    let unit = UNIT;
    // verify needs ExecStart's program to exist: where node is elsewhere here, check a copy that names it.
    if (!existsSync(INSTALLED_NODE)) {
      console.warn(`${INSTALLED_NODE} is absent: verifying a copy of ${UNIT} with ExecStart=${process.execPath}`);
      unit = join(mkdtempSync(join(tmpdir(), "suara-unit-")), "suara.service");
      writeFileSync(unit, readFileSync(UNIT, "utf8").replaceAll(INSTALLED_NODE, process.execPath));
    }
    const verify = spawnSync("systemd-analyze", ["verify", unit], { encoding: "utf8" });
    expect(`${verify.stdout}${verify.stderr}`).toBe("");
    expect(verify.status).toBe(0);
  });

  it("suara.service runs the server unprivileged, restarts it and writes only its data directory", () => {
    const unit = readFileSync(UNIT, "utf8");
    for (const line of [
      "User=suara",
      `ExecStart=${INSTALLED_NODE} --import tsx worker/node.ts`,
      "Restart=on-failure",
      "NoNewPrivileges=yes",
      "ProtectSystem=strict",
      "ReadWritePaths=/var/lib/suara",
      "Environment=LIBSQL_URL=file:/var/lib/suara/suara.db",
      "Environment=SUARA_TRUST_PROXY=127.0.0.1",
      "EnvironmentFile=-/etc/suara/suara.env",
    ]) {
      expect(unit.split("\n")).toContain(line);
    }
  });

  it.runIf(has("caddy"))("Caddyfile is valid for Caddy", () => {
    const home = mkdtempSync(join(tmpdir(), "suara-caddy-"));
    const output = execFileSync("caddy", ["validate", "--config", "deploy/Caddyfile", "--adapter", "caddyfile"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, XDG_DATA_HOME: join(home, "data"), XDG_CONFIG_HOME: join(home, "config") },
    });
    expect(output).toMatch(/Valid configuration/);
  });
});
