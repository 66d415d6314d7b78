-- Agencies are now one identity across printed name variants (lib/agency-identity.ts).
-- Rows stored before this migration keep their printed name as their key (one agency per printed
-- name, as before), so the migration never merges or loses data; variants stored earlier are merged
-- only by re-importing into a reset database (db/README.md, "Agency identity").
ALTER TABLE "agencies" DROP CONSTRAINT "agencies_identity_uq";--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "name_year" smallint;--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "identity_key" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "printed_name" text;--> statement-breakpoint
UPDATE "agencies" SET "identity_key" = "name",
  "name_year" = coalesce((SELECT max("year") FROM "reports" WHERE "reports"."agency_id" = "agencies"."id"), 0);--> statement-breakpoint
UPDATE "reports" SET "printed_name" = (SELECT "name" FROM "agencies" WHERE "agencies"."id" = "reports"."agency_id");--> statement-breakpoint
ALTER TABLE "agencies" ALTER COLUMN "name_year" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "agencies" ALTER COLUMN "identity_key" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ALTER COLUMN "printed_name" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_identity_uq" UNIQUE NULLS NOT DISTINCT("identity_key","division_code");
