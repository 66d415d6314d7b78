/**
 * Reads shared across requests for a short while. The filter options (years, agency kinds, the
 * place chain and the child places with reports) are the same for every visitor and change only
 * when reports are imported, yet every page asks for them; reading them once per interval instead
 * of once per request takes several queries off every page view. After an import they are at most
 * `ttlMs` old; the numbers on the cards are always read fresh.
 */

export interface SharedReadOptions {
  /** How long a result is reused. */
  ttlMs: number;
  /** At most this many distinct arguments are kept; the oldest goes first. */
  maxEntries: number;
  /** Clock, for tests. */
  now?: () => number;
}

/**
 * `read` wrapped so that calls with the same (JSON-equal) arguments within `ttlMs` share one
 * promise. A failed read is forgotten at once, so the next call tries again.
 */
export function sharedRead<A extends unknown[], R>(read: (...args: A) => Promise<R>, options: SharedReadOptions) {
  const now = options.now ?? Date.now;
  const entries = new Map<string, { at: number; value: Promise<R> }>();
  return (...args: A): Promise<R> => {
    const key = JSON.stringify(args);
    const entry = entries.get(key);
    if (entry && now() - entry.at < options.ttlMs) return entry.value;
    entries.delete(key);
    if (entries.size >= options.maxEntries) entries.delete(entries.keys().next().value!);
    const value = read(...args);
    entries.set(key, { at: now(), value });
    value.catch(() => {
      if (entries.get(key)?.value === value) entries.delete(key);
    });
    return value;
  };
}
