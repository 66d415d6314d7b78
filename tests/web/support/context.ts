/**
 * What the global setup hands to each browser test file, and the per-file fixture built from it:
 * a browser connected to the shared chromium, and the test data opened for direct queries.
 */
import { inject } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import type { DatabaseHandle } from "@/db/client";
import { connectBrowser } from "./browser";
import { openTestData, type TestDataInfo } from "./data";

export type WebContext =
  | { skip: string }
  | { skip?: undefined; baseUrl: string; wsEndpoint: string; data: TestDataInfo };

declare module "vitest" {
  export interface ProvidedContext {
    web: WebContext;
  }
}

export function webContext(): WebContext {
  return inject("web");
}

/** Why this run skips the browser tests, or undefined when they run. */
export function webSkipReason(): string | undefined {
  return webContext().skip;
}

export interface WebFixture {
  baseUrl: string;
  browser: Browser;
  database: DatabaseHandle;
  /** A fresh browser context (own cookies, downloads allowed) at the given viewport width. */
  newContext(width?: number, height?: number): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function openWebFixture(): Promise<WebFixture> {
  const context = webContext();
  if (context.skip !== undefined) throw new Error(`browser tests are skipped: ${context.skip}`);
  const [browser, database] = await Promise.all([connectBrowser(context.wsEndpoint), openTestData(context.data)]);
  return {
    baseUrl: context.baseUrl,
    browser,
    database,
    newContext: (width = 1280, height = 900) =>
      browser.newContext({ viewport: { width, height }, acceptDownloads: true, locale: "zh-CN" }),
    close: async () => {
      await Promise.allSettled([browser.close(), database.close()]);
    },
  };
}
