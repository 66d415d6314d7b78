/**
 * Global setup of the browser tests: the built app on the bundled reports, in a database this
 * run owns, plus one shared chromium. Without /usr/bin/chromium the tests fail under CI and are
 * skipped, loudly, elsewhere.
 */
import type { TestProject } from "vitest/node";
import { browserUnavailableReason, launchBrowserServer } from "./support/browser";
import { startSeededApp } from "./support/app";
import type { WebContext } from "./support/context";

function banner(message: string): void {
  const line = "!".repeat(78);
  console.warn(`\n${line}\n!! ${message}\n${line}\n`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const unavailable = browserUnavailableReason();
  if (unavailable) {
    if (process.env.CI) throw new Error(`browser tests cannot run under CI: ${unavailable}`);
    banner(`BROWSER TESTS SKIPPED: ${unavailable}`);
    project.provide("web", { skip: unavailable } satisfies WebContext);
    return async () => {};
  }
  const app = await startSeededApp((line) => console.log(line));
  const browser = await launchBrowserServer().catch(async (error: unknown) => {
    await app.stop();
    throw error;
  });
  project.provide("web", {
    baseUrl: app.baseUrl,
    wsEndpoint: browser.wsEndpoint(),
    data: app.data,
  } satisfies WebContext);
  return async () => {
    await browser.close();
    await app.stop();
  };
}
