import { describe, expect, it } from "vitest";
import { appSettings, nodeSettings, SettingsError } from "./settings.ts";

describe("settings", () => {
  it("takes the defaults when nothing is set", () => {
    expect(nodeSettings({})).toMatchObject({
      port: 8787,
      host: "127.0.0.1",
      demo: true,
      app: { shrinkageK: 20, minOfficerN: 30, secureCookies: false, publicUrl: null },
    });
    expect(appSettings({}).secureCookies).toBe(true);
    expect(nodeSettings({})).toMatchObject({ metricsToken: undefined, logLevel: "info" });
  });

  it("reads the metrics token and the log level", () => {
    const settings = nodeSettings({ SUARA_METRICS_TOKEN: "0123456789abcdef", SUARA_LOG_LEVEL: "debug" });
    expect(settings).toMatchObject({ metricsToken: "0123456789abcdef", logLevel: "debug" });
  });

  it("reads every setting it is given", () => {
    const settings = nodeSettings({
      PORT: "9000",
      SUARA_SHRINKAGE_K: "10",
      SUARA_MIN_OFFICER_N: "50",
      SUARA_PUBLIC_URL: "https://suara.tebingtinggikota.go.id/",
      SUARA_DEMO: "0",
      NODE_ENV: "production",
    });
    expect(settings).toMatchObject({ port: 9000, demo: false, production: true });
    expect(settings.app).toMatchObject({
      shrinkageK: 10,
      minOfficerN: 50,
      publicUrl: "https://suara.tebingtinggikota.go.id",
      secureCookies: true,
    });
  });

  it.each([
    ["SUARA_SHRINKAGE_K", "abc"],
    ["SUARA_MIN_OFFICER_N", "0"],
    ["PORT", "80000"],
    ["SUARA_DEMO_PIN", "12345"],
    ["SUARA_PUBLIC_URL", "http://suara.example.go.id"],
    ["SUARA_SECURE_COOKIES", "yes"],
    ["LIBSQL_URL", "postgres://db"],
    ["SUARA_METRICS_TOKEN", "too-short-token"],
    ["SUARA_LOG_LEVEL", "verbose"],
  ])("refuses %s=%s and names the variable", (variable, value) => {
    expect(() => nodeSettings({ [variable]: value })).toThrow(SettingsError);
    expect(() => nodeSettings({ [variable]: value })).toThrow(new RegExp(variable));
  });
});
