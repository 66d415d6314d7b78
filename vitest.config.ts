import { configDefaults, defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    testTimeout: 30_000,
    hookTimeout: 180_000,
    // Tests are tests/**/*.test.ts. The browser tests are a project of their own so that their
    // global setup (build, seed, next start, chromium) runs only when a browser test is selected.
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/**/*.test.ts"],
          exclude: [...configDefaults.exclude, "tests/web/**", "tests/db/**"],
        },
      },
      {
        extends: true,
        // Storage tests: migrated once in the global setup, then a private copy per test file.
        test: { name: "db", include: ["tests/db/**/*.test.ts"], globalSetup: ["tests/db/global-setup.ts"] },
      },
      {
        extends: true,
        test: {
          name: "web",
          include: ["tests/web/**/*.test.ts"],
          globalSetup: ["tests/web/global-setup.ts"],
        },
      },
    ],
  },
});
