/**
 * The store: places, agencies, their yearly reports, the documents they came from, the numbers
 * read from them and what the reader noticed. Ordered tables → relations → inferred types.
 * Why the numbers are a long (report, key, value) table: see db/README.md.
 */
import { relations, sql } from "drizzle-orm";
import {
  boolean,
  customType,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { METRICS, TEMPLATE_IDS } from "../lib/metrics/dictionary";

/** Raw bytes. postgres.js hands back a Buffer, PGlite a Uint8Array: both are Uint8Arrays. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

// ── enums ───────────────────────────────────────────────────────────────────────────────────

/** Every canonical key, straight from the dictionary: a new key means a new migration. */
export const metricKeyEnum = pgEnum(
  "metric_key",
  METRICS.map((m) => m.key) as [string, ...string[]],
);
export const templateEnum = pgEnum("report_template", TEMPLATE_IDS as [string, ...string[]]);
export const divisionLevelEnum = pgEnum("division_level", ["province", "city", "county"]);
export const severityEnum = pgEnum("issue_severity", ["error", "warning", "info"]);
/** clean: no issue; warnings: recovered or doubtful values; errors: a number is probably wrong. */
export const reportStatusEnum = pgEnum("report_status", ["clean", "warnings", "errors"]);
/** How a number was obtained: printed in the table, recovered by the arithmetic, or corrected. */
export const valueMethodEnum = pgEnum("value_method", ["read", "recovered", "corrected"]);
export const sourceFormatEnum = pgEnum("source_format", ["txt", "md", "html", "docx", "doc", "pdf", "other"]);

// ── tables ──────────────────────────────────────────────────────────────────────────────────

/** GB/T 2260 divisions, 6-digit codes (430000 province, 430100 city, 430321 county). */
export const divisions = pgTable(
  "divisions",
  {
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    level: divisionLevelEnum("level").notNull(),
    /** null for a province; a municipality's district or a province-administered county points at the province. */
    parentCode: text("parent_code"),
  },
  (t) => [index("divisions_parent_idx").on(t.parentCode), index("divisions_name_idx").on(t.name)],
);

/**
 * An agency is a lasting identity across years: the same identity key (lib/agency-identity.ts:
 * the name without its region's leading province/city names, width and spaces normalised) in the
 * same place. `name` is the most recent printed name (of the latest year read, `nameYear`); every
 * printed variant stays on its reading (`reports.printed_name`). The province and city codes are
 * copied from the division code so region filters are plain equality lookups.
 */
export const agencies = pgTable(
  "agencies",
  {
    id: serial("id").primaryKey(),
    name: text("name").notNull(),
    /** The year of the reading `name` was printed in: a later year's name takes over. */
    nameYear: smallint("name_year").notNull(),
    identityKey: text("identity_key").notNull(),
    divisionCode: text("division_code"),
    provinceCode: text("province_code"),
    cityCode: text("city_code"),
    /** An id of lib/agency-kind.ts, derived from the (most recent) name. */
    kind: text("kind").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("agencies_identity_uq").on(t.identityKey, t.divisionCode).nullsNotDistinct(),
    index("agencies_province_idx").on(t.provinceCode),
    index("agencies_city_idx").on(t.cityCode),
    index("agencies_division_idx").on(t.divisionCode),
    index("agencies_kind_idx").on(t.kind),
  ],
);

/** A published document kept whole, so any reading can be redone and any dump is complete. */
export const sources = pgTable("sources", {
  id: serial("id").primaryKey(),
  sha256: text("sha256").notNull().unique("sources_sha256_uq"),
  fileName: text("file_name").notNull(),
  format: sourceFormatEnum("format").notNull(),
  /** Detected text encoding (UTF-8, GB18030…); null for binary formats. */
  charset: text("charset"),
  byteSize: integer("byte_size").notNull(),
  bytes: bytea("bytes").notNull(),
  storedAt: timestamp("stored_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One reading of one agency's report for one year. Exactly one reading per agency and year is
 * current; a changed file replaces it and the old one stays, not current, with its source.
 */
export const reports = pgTable(
  "reports",
  {
    id: serial("id").primaryKey(),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    year: smallint("year").notNull(),
    /** The agency's name as this report prints it (the reader's `agency`). */
    printedName: text("printed_name").notNull(),
    template: templateEnum("template").notNull(),
    status: reportStatusEnum("status").notNull(),
    sourceId: integer("source_id")
      .notNull()
      .references(() => sources.id),
    readerVersion: text("reader_version").notNull(),
    importedAt: timestamp("imported_at", { withTimezone: true }).notNull().defaultNow(),
    isCurrent: boolean("is_current").notNull().default(true),
  },
  (t) => [
    uniqueIndex("reports_current_uq").on(t.agencyId, t.year).where(sql`${t.isCurrent}`),
    uniqueIndex("reports_source_uq").on(t.sourceId),
    index("reports_year_idx").on(t.year).where(sql`${t.isCurrent}`),
    index("reports_agency_year_idx").on(t.agencyId, t.year),
  ],
);

/** Every number of a report: one row per canonical key that has a value (null keys are absent). */
export const reportValues = pgTable(
  "report_values",
  {
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    metricKey: metricKeyEnum("metric_key").notNull(),
    value: doublePrecision("value").notNull(),
    method: valueMethodEnum("method").notNull().default("read"),
  },
  (t) => [
    primaryKey({ name: "report_values_pk", columns: [t.reportId, t.metricKey] }),
    index("report_values_key_idx").on(t.metricKey, t.reportId),
  ],
);

/** What the reader (or the cross-year checks) noticed about a report. */
export const reportIssues = pgTable(
  "report_issues",
  {
    id: serial("id").primaryKey(),
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    severity: severityEnum("severity").notNull(),
    keys: text("keys").array().notNull().default(sql`'{}'::text[]`),
    message: text("message").notNull(),
  },
  (t) => [index("report_issues_report_idx").on(t.reportId), index("report_issues_code_idx").on(t.code)],
);

/** The history of readings: which report replaced which, and why. */
export const replacements = pgTable(
  "replacements",
  {
    id: serial("id").primaryKey(),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    year: smallint("year").notNull(),
    replacedReportId: integer("replaced_report_id")
      .notNull()
      .references(() => reports.id),
    replacementReportId: integer("replacement_report_id")
      .notNull()
      .references(() => reports.id),
    reason: text("reason").notNull(),
    replacedAt: timestamp("replaced_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("replacements_agency_year_idx").on(t.agencyId, t.year)],
);

/** Files that could not be stored (unreadable, or no agency or year): kept for the operator. */
export const importFailures = pgTable("import_failures", {
  id: serial("id").primaryKey(),
  fileName: text("file_name").notNull(),
  sha256: text("sha256").notNull().unique("import_failures_sha256_uq"),
  code: text("code").notNull(),
  reason: text("reason").notNull(),
  failedAt: timestamp("failed_at", { withTimezone: true }).notNull().defaultNow(),
});

// ── relations ───────────────────────────────────────────────────────────────────────────────

export const divisionsRelations = relations(divisions, ({ one, many }) => ({
  parent: one(divisions, { fields: [divisions.parentCode], references: [divisions.code] }),
  agencies: many(agencies),
}));

export const agenciesRelations = relations(agencies, ({ one, many }) => ({
  division: one(divisions, { fields: [agencies.divisionCode], references: [divisions.code] }),
  reports: many(reports),
}));

export const reportsRelations = relations(reports, ({ one, many }) => ({
  agency: one(agencies, { fields: [reports.agencyId], references: [agencies.id] }),
  source: one(sources, { fields: [reports.sourceId], references: [sources.id] }),
  values: many(reportValues),
  issues: many(reportIssues),
}));

export const reportValuesRelations = relations(reportValues, ({ one }) => ({
  report: one(reports, { fields: [reportValues.reportId], references: [reports.id] }),
}));

export const reportIssuesRelations = relations(reportIssues, ({ one }) => ({
  report: one(reports, { fields: [reportIssues.reportId], references: [reports.id] }),
}));

// ── types ───────────────────────────────────────────────────────────────────────────────────

export type Division = typeof divisions.$inferSelect;
export type Agency = typeof agencies.$inferSelect;
export type NewAgency = typeof agencies.$inferInsert;
export type Source = typeof sources.$inferSelect;
export type NewSource = typeof sources.$inferInsert;
export type Report = typeof reports.$inferSelect;
export type NewReport = typeof reports.$inferInsert;
export type ReportValue = typeof reportValues.$inferSelect;
export type ReportIssueRow = typeof reportIssues.$inferSelect;
export type Replacement = typeof replacements.$inferSelect;
export type ValueMethod = (typeof valueMethodEnum.enumValues)[number];
export type ReportStatus = (typeof reportStatusEnum.enumValues)[number];
export type SourceFormat = (typeof sourceFormatEnum.enumValues)[number];
