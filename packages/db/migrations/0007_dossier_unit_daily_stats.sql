CREATE TABLE "dossier_unit_daily_stats" (
	"day" date NOT NULL,
	"agency_unit_id" uuid NOT NULL,
	"receiving_unit_id" uuid NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"received_online" integer DEFAULT 0 NOT NULL,
	"resolved_early" integer DEFAULT 0 NOT NULL,
	"resolved_on_time" integer DEFAULT 0 NOT NULL,
	"resolved_late" integer DEFAULT 0 NOT NULL,
	"in_progress_in_time" integer DEFAULT 0 NOT NULL,
	"in_progress_overdue" integer DEFAULT 0 NOT NULL,
	"with_fee" integer DEFAULT 0 NOT NULL,
	"paid_online" integer DEFAULT 0 NOT NULL,
	"dissatisfied" integer DEFAULT 0 NOT NULL,
	"digitised" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "dossier_unit_daily_stats_pkey" PRIMARY KEY("day","agency_unit_id","receiving_unit_id")
);
--> statement-breakpoint
CREATE INDEX "dossier_unit_daily_stats_receiving_idx" ON "dossier_unit_daily_stats" USING btree ("receiving_unit_id","day");