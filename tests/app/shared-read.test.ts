import { describe, expect, it } from "vitest";
import { sharedRead } from "@/app/_lib/shared-read";

function counted() {
  const calls: unknown[][] = [];
  const read = async (...args: unknown[]) => {
    calls.push(args);
    return `value ${calls.length}`;
  };
  return { calls, read };
}

describe("reads shared across requests", () => {
  it("reads once per argument within the interval, again after it", async () => {
    let clock = 0;
    const { calls, read } = counted();
    const shared = sharedRead(read, { ttlMs: 1000, maxEntries: 10, now: () => clock });
    expect(await shared("430000")).toBe("value 1");
    expect(await shared("430000")).toBe("value 1");
    expect(await shared(undefined)).toBe("value 2");
    clock = 1000;
    expect(await shared("430000")).toBe("value 3");
    expect(calls).toHaveLength(3);
  });

  it("forgets a failed read so the next call tries again", async () => {
    let fail = true;
    const shared = sharedRead(
      async () => {
        if (fail) throw new Error("database not ready");
        return "ok";
      },
      { ttlMs: 60_000, maxEntries: 10 },
    );
    await expect(shared()).rejects.toThrow("database not ready");
    fail = false;
    expect(await shared()).toBe("ok");
  });

  it("keeps at most maxEntries arguments, dropping the oldest", async () => {
    const { calls, read } = counted();
    const shared = sharedRead(read, { ttlMs: 60_000, maxEntries: 2, now: () => 0 });
    await shared("a");
    await shared("b");
    await shared("c"); // drops "a"
    await shared("b");
    await shared("a");
    expect(calls.map(([arg]) => arg)).toEqual(["a", "b", "c", "a"]);
  });
});
