/**
 * The seeded app: build (when stale) and import the bundled reports at the same time, then
 * `next start` on that data. Shared by the browser tests' global setup and `npm run bench:web`.
 */
import { prepareTestData, type TestDataInfo } from "./data";
import { ensureBuilt, startApp } from "./server";

export interface SeededApp {
  baseUrl: string;
  data: TestDataInfo;
  stop(): Promise<void>;
}

export async function startSeededApp(log: (line: string) => void = () => {}): Promise<SeededApp> {
  const [built, data] = await Promise.allSettled([ensureBuilt(log), prepareTestData()]);
  if (built.status === "rejected" || data.status === "rejected") {
    if (data.status === "fulfilled") await data.value.dispose();
    throw built.status === "rejected" ? built.reason : (data as PromiseRejectedResult).reason;
  }
  const app = await startApp(data.value.appEnv).catch(async (error: unknown) => {
    await data.value.dispose();
    throw error;
  });
  return {
    baseUrl: app.baseUrl,
    data: data.value.info,
    stop: async () => {
      try {
        await app.stop();
      } finally {
        await data.value.dispose();
      }
    },
  };
}
