CREATE TABLE "analytics_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"day" date NOT NULL,
	"agency_unit_id" uuid NOT NULL,
	"receiving_unit_id" uuid NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"recomputed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dossier_payments" ADD COLUMN "purpose" text DEFAULT 'fee' NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_daily_stats" ADD COLUMN "withdrawn_on_time" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_daily_stats" ADD COLUMN "withdrawn_late" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_daily_stats" ADD COLUMN "original_on_time" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_daily_stats" ADD COLUMN "original_in_time" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_unit_daily_stats" ADD COLUMN "withdrawn_on_time" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_unit_daily_stats" ADD COLUMN "withdrawn_late" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_unit_daily_stats" ADD COLUMN "original_on_time" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_unit_daily_stats" ADD COLUMN "original_in_time" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "analytics_corrections_agency_idx" ON "analytics_corrections" USING btree ("agency_unit_id","day");--> statement-breakpoint
CREATE INDEX "analytics_corrections_receiving_idx" ON "analytics_corrections" USING btree ("receiving_unit_id","day");--> statement-breakpoint
-- hand-written:
-- Payments recorded while a dossier awaited its financial obligation paid that obligation (the API
-- writes the payment and the obligation_paid row at the same instant); every other payment was the fee.
UPDATE "dossier_payments" p SET "purpose" = 'obligation'
WHERE EXISTS (SELECT 1 FROM "dossier_events" e WHERE e."dossier_id" = p."dossier_id" AND e."kind" = 'obligation_paid' AND e."at" = p."paid_at");
--> statement-breakpoint
-- The control slip is append-only: a resolved row stamped early/on time although the dossier had a
-- second supplement request (late for Decision 766) gets a correcting row rather than an edit.
INSERT INTO "dossier_events" ("dossier_id", "kind", "at", "note", "data")
SELECT r."dossier_id", 'result_corrected', now(), 'Quyết định 766: hồ sơ bị yêu cầu bổ sung từ lần thứ hai được tính là quá hạn',
  jsonb_build_object('eventId', r."id", 'from', r."data"->>'result', 'result', 'late')
FROM "dossier_events" r
WHERE r."kind" = 'resolved' AND coalesce(r."data"->>'result', '') <> 'late'
  AND (SELECT count(*) FROM "dossier_events" s WHERE s."dossier_id" = r."dossier_id" AND s."kind" = 'supplement_requested' AND s."at" <= r."at") > 1;
