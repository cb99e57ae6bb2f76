import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["{core,db,worker,widget,kiosk,dashboard,deploy,docs}/**/*.test.{ts,tsx}"],
    testTimeout: 20_000,
  },
});
