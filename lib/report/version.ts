/**
 * The version of the reader's output, stored with every reading. Maintained by hand:
 * BUMP IT whenever the reader's output for some document can change — a new or fixed table
 * layout, identity rule, arithmetic recovery, issue code or message, or a dependency upgrade that
 * changes extracted text. Re-importing a document read by another version re-reads it (the store
 * then replaces its numbers and issues if they changed); forgetting to bump leaves stale readings.
 * Format: year.month.serial of the change.
 */
export const READER_VERSION = "2026.11.3";
