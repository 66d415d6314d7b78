CREATE TYPE "public"."division_level" AS ENUM('province', 'city', 'county');--> statement-breakpoint
CREATE TYPE "public"."metric_key" AS ENUM('active.regulations.issued', 'active.regulations.repealed', 'active.regulations.inForce', 'active.normativeDocuments.issued', 'active.normativeDocuments.repealed', 'active.normativeDocuments.inForce', 'active.licensing.decisions', 'active.penalty.decisions', 'active.coercion.decisions', 'active.fees.amount', 'active2019.regulations.made', 'active2019.regulations.published', 'active2019.regulations.total', 'active2019.normativeDocuments.made', 'active2019.normativeDocuments.published', 'active2019.normativeDocuments.total', 'active2019.licensing.previous', 'active2019.licensing.change', 'active2019.penalty.previous', 'active2019.penalty.change', 'active2019.coercion.previous', 'active2019.coercion.change', 'active2019.otherServices.previous', 'active2019.otherServices.change', 'active2019.otherServices.decisions', 'active2019.fees.previous', 'active2019.fees.change', 'active2019.procurement.items', 'active2019.procurement.amount', 'apply.newReceived.naturalPerson', 'apply.newReceived.commercial', 'apply.newReceived.research', 'apply.newReceived.publicInterest', 'apply.newReceived.legalService', 'apply.newReceived.other', 'apply.newReceived.total', 'apply.carriedOver.naturalPerson', 'apply.carriedOver.commercial', 'apply.carriedOver.research', 'apply.carriedOver.publicInterest', 'apply.carriedOver.legalService', 'apply.carriedOver.other', 'apply.carriedOver.total', 'apply.granted.naturalPerson', 'apply.granted.commercial', 'apply.granted.research', 'apply.granted.publicInterest', 'apply.granted.legalService', 'apply.granted.other', 'apply.granted.total', 'apply.partiallyGranted.naturalPerson', 'apply.partiallyGranted.commercial', 'apply.partiallyGranted.research', 'apply.partiallyGranted.publicInterest', 'apply.partiallyGranted.legalService', 'apply.partiallyGranted.other', 'apply.partiallyGranted.total', 'apply.withheld.stateSecret.naturalPerson', 'apply.withheld.stateSecret.commercial', 'apply.withheld.stateSecret.research', 'apply.withheld.stateSecret.publicInterest', 'apply.withheld.stateSecret.legalService', 'apply.withheld.stateSecret.other', 'apply.withheld.stateSecret.total', 'apply.withheld.lawForbidden.naturalPerson', 'apply.withheld.lawForbidden.commercial', 'apply.withheld.lawForbidden.research', 'apply.withheld.lawForbidden.publicInterest', 'apply.withheld.lawForbidden.legalService', 'apply.withheld.lawForbidden.other', 'apply.withheld.lawForbidden.total', 'apply.withheld.threeSecurities.naturalPerson', 'apply.withheld.threeSecurities.commercial', 'apply.withheld.threeSecurities.research', 'apply.withheld.threeSecurities.publicInterest', 'apply.withheld.threeSecurities.legalService', 'apply.withheld.threeSecurities.other', 'apply.withheld.threeSecurities.total', 'apply.withheld.thirdParty.naturalPerson', 'apply.withheld.thirdParty.commercial', 'apply.withheld.thirdParty.research', 'apply.withheld.thirdParty.publicInterest', 'apply.withheld.thirdParty.legalService', 'apply.withheld.thirdParty.other', 'apply.withheld.thirdParty.total', 'apply.withheld.internalAffairs.naturalPerson', 'apply.withheld.internalAffairs.commercial', 'apply.withheld.internalAffairs.research', 'apply.withheld.internalAffairs.publicInterest', 'apply.withheld.internalAffairs.legalService', 'apply.withheld.internalAffairs.other', 'apply.withheld.internalAffairs.total', 'apply.withheld.processInfo.naturalPerson', 'apply.withheld.processInfo.commercial', 'apply.withheld.processInfo.research', 'apply.withheld.processInfo.publicInterest', 'apply.withheld.processInfo.legalService', 'apply.withheld.processInfo.other', 'apply.withheld.processInfo.total', 'apply.withheld.enforcementFiles.naturalPerson', 'apply.withheld.enforcementFiles.commercial', 'apply.withheld.enforcementFiles.research', 'apply.withheld.enforcementFiles.publicInterest', 'apply.withheld.enforcementFiles.legalService', 'apply.withheld.enforcementFiles.other', 'apply.withheld.enforcementFiles.total', 'apply.withheld.adminQuery.naturalPerson', 'apply.withheld.adminQuery.commercial', 'apply.withheld.adminQuery.research', 'apply.withheld.adminQuery.publicInterest', 'apply.withheld.adminQuery.legalService', 'apply.withheld.adminQuery.other', 'apply.withheld.adminQuery.total', 'apply.unavailable.notHeld.naturalPerson', 'apply.unavailable.notHeld.commercial', 'apply.unavailable.notHeld.research', 'apply.unavailable.notHeld.publicInterest', 'apply.unavailable.notHeld.legalService', 'apply.unavailable.notHeld.other', 'apply.unavailable.notHeld.total', 'apply.unavailable.needsCreation.naturalPerson', 'apply.unavailable.needsCreation.commercial', 'apply.unavailable.needsCreation.research', 'apply.unavailable.needsCreation.publicInterest', 'apply.unavailable.needsCreation.legalService', 'apply.unavailable.needsCreation.other', 'apply.unavailable.needsCreation.total', 'apply.unavailable.unclear.naturalPerson', 'apply.unavailable.unclear.commercial', 'apply.unavailable.unclear.research', 'apply.unavailable.unclear.publicInterest', 'apply.unavailable.unclear.legalService', 'apply.unavailable.unclear.other', 'apply.unavailable.unclear.total', 'apply.notProcessed.complaint.naturalPerson', 'apply.notProcessed.complaint.commercial', 'apply.notProcessed.complaint.research', 'apply.notProcessed.complaint.publicInterest', 'apply.notProcessed.complaint.legalService', 'apply.notProcessed.complaint.other', 'apply.notProcessed.complaint.total', 'apply.notProcessed.duplicate.naturalPerson', 'apply.notProcessed.duplicate.commercial', 'apply.notProcessed.duplicate.research', 'apply.notProcessed.duplicate.publicInterest', 'apply.notProcessed.duplicate.legalService', 'apply.notProcessed.duplicate.other', 'apply.notProcessed.duplicate.total', 'apply.notProcessed.publication.naturalPerson', 'apply.notProcessed.publication.commercial', 'apply.notProcessed.publication.research', 'apply.notProcessed.publication.publicInterest', 'apply.notProcessed.publication.legalService', 'apply.notProcessed.publication.other', 'apply.notProcessed.publication.total', 'apply.notProcessed.excessive.naturalPerson', 'apply.notProcessed.excessive.commercial', 'apply.notProcessed.excessive.research', 'apply.notProcessed.excessive.publicInterest', 'apply.notProcessed.excessive.legalService', 'apply.notProcessed.excessive.other', 'apply.notProcessed.excessive.total', 'apply.notProcessed.confirmation.naturalPerson', 'apply.notProcessed.confirmation.commercial', 'apply.notProcessed.confirmation.research', 'apply.notProcessed.confirmation.publicInterest', 'apply.notProcessed.confirmation.legalService', 'apply.notProcessed.confirmation.other', 'apply.notProcessed.confirmation.total', 'apply.otherHandling.noCorrection.naturalPerson', 'apply.otherHandling.noCorrection.commercial', 'apply.otherHandling.noCorrection.research', 'apply.otherHandling.noCorrection.publicInterest', 'apply.otherHandling.noCorrection.legalService', 'apply.otherHandling.noCorrection.other', 'apply.otherHandling.noCorrection.total', 'apply.otherHandling.noFee.naturalPerson', 'apply.otherHandling.noFee.commercial', 'apply.otherHandling.noFee.research', 'apply.otherHandling.noFee.publicInterest', 'apply.otherHandling.noFee.legalService', 'apply.otherHandling.noFee.other', 'apply.otherHandling.noFee.total', 'apply.otherHandling.other.naturalPerson', 'apply.otherHandling.other.commercial', 'apply.otherHandling.other.research', 'apply.otherHandling.other.publicInterest', 'apply.otherHandling.other.legalService', 'apply.otherHandling.other.other', 'apply.otherHandling.other.total', 'apply.handledTotal.naturalPerson', 'apply.handledTotal.commercial', 'apply.handledTotal.research', 'apply.handledTotal.publicInterest', 'apply.handledTotal.legalService', 'apply.handledTotal.other', 'apply.handledTotal.total', 'apply.carriedForward.naturalPerson', 'apply.carriedForward.commercial', 'apply.carriedForward.research', 'apply.carriedForward.publicInterest', 'apply.carriedForward.legalService', 'apply.carriedForward.other', 'apply.carriedForward.total', 'review.upheld', 'review.corrected', 'review.other', 'review.pending', 'review.total', 'litigation.direct.upheld', 'litigation.direct.corrected', 'litigation.direct.other', 'litigation.direct.pending', 'litigation.direct.total', 'litigation.afterReview.upheld', 'litigation.afterReview.corrected', 'litigation.afterReview.other', 'litigation.afterReview.pending', 'litigation.afterReview.total');--> statement-breakpoint
CREATE TYPE "public"."report_status" AS ENUM('clean', 'warnings', 'errors');--> statement-breakpoint
CREATE TYPE "public"."issue_severity" AS ENUM('error', 'warning', 'info');--> statement-breakpoint
CREATE TYPE "public"."source_format" AS ENUM('txt', 'md', 'html', 'docx', 'pdf', 'other');--> statement-breakpoint
CREATE TYPE "public"."report_template" AS ENUM('2021', '2019');--> statement-breakpoint
CREATE TYPE "public"."value_method" AS ENUM('read', 'recovered', 'corrected');--> statement-breakpoint
CREATE TABLE "agencies" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"division_code" text,
	"province_code" text,
	"city_code" text,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agencies_identity_uq" UNIQUE NULLS NOT DISTINCT("name","division_code")
);
--> statement-breakpoint
CREATE TABLE "divisions" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" "division_level" NOT NULL,
	"parent_code" text
);
--> statement-breakpoint
CREATE TABLE "import_failures" (
	"id" serial PRIMARY KEY NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"code" text NOT NULL,
	"reason" text NOT NULL,
	"failed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_failures_sha256_uq" UNIQUE("sha256")
);
--> statement-breakpoint
CREATE TABLE "replacements" (
	"id" serial PRIMARY KEY NOT NULL,
	"agency_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"replaced_report_id" integer NOT NULL,
	"replacement_report_id" integer NOT NULL,
	"reason" text NOT NULL,
	"replaced_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_issues" (
	"id" serial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"code" text NOT NULL,
	"severity" "issue_severity" NOT NULL,
	"keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"message" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_values" (
	"report_id" integer NOT NULL,
	"metric_key" "metric_key" NOT NULL,
	"value" double precision NOT NULL,
	"method" "value_method" DEFAULT 'read' NOT NULL,
	CONSTRAINT "report_values_pk" PRIMARY KEY("report_id","metric_key")
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"agency_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"template" "report_template" NOT NULL,
	"status" "report_status" NOT NULL,
	"source_id" integer NOT NULL,
	"reader_version" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_current" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" serial PRIMARY KEY NOT NULL,
	"sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"format" "source_format" NOT NULL,
	"charset" text,
	"byte_size" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"stored_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sources_sha256_uq" UNIQUE("sha256")
);
--> statement-breakpoint
ALTER TABLE "replacements" ADD CONSTRAINT "replacements_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "replacements" ADD CONSTRAINT "replacements_replaced_report_id_reports_id_fk" FOREIGN KEY ("replaced_report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "replacements" ADD CONSTRAINT "replacements_replacement_report_id_reports_id_fk" FOREIGN KEY ("replacement_report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_issues" ADD CONSTRAINT "report_issues_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_values" ADD CONSTRAINT "report_values_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agencies_province_idx" ON "agencies" USING btree ("province_code");--> statement-breakpoint
CREATE INDEX "agencies_city_idx" ON "agencies" USING btree ("city_code");--> statement-breakpoint
CREATE INDEX "agencies_division_idx" ON "agencies" USING btree ("division_code");--> statement-breakpoint
CREATE INDEX "agencies_kind_idx" ON "agencies" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "divisions_parent_idx" ON "divisions" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "divisions_name_idx" ON "divisions" USING btree ("name");--> statement-breakpoint
CREATE INDEX "replacements_agency_year_idx" ON "replacements" USING btree ("agency_id","year");--> statement-breakpoint
CREATE INDEX "report_issues_report_idx" ON "report_issues" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "report_issues_code_idx" ON "report_issues" USING btree ("code");--> statement-breakpoint
CREATE INDEX "report_values_key_idx" ON "report_values" USING btree ("metric_key","report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_current_uq" ON "reports" USING btree ("agency_id","year") WHERE "reports"."is_current";--> statement-breakpoint
CREATE UNIQUE INDEX "reports_source_uq" ON "reports" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "reports_year_idx" ON "reports" USING btree ("year") WHERE "reports"."is_current";--> statement-breakpoint
CREATE INDEX "reports_agency_year_idx" ON "reports" USING btree ("agency_id","year");