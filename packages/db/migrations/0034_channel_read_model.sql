CREATE TABLE "dossier_channel_daily_stats" (
	"day" date NOT NULL,
	"agency_unit_id" uuid NOT NULL,
	"receiving_unit_id" uuid NOT NULL,
	"channel" "channel" NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"received_online" integer DEFAULT 0 NOT NULL,
	"resolved_early" integer DEFAULT 0 NOT NULL,
	"resolved_on_time" integer DEFAULT 0 NOT NULL,
	"resolved_late" integer DEFAULT 0 NOT NULL,
	"withdrawn_on_time" integer DEFAULT 0 NOT NULL,
	"withdrawn_late" integer DEFAULT 0 NOT NULL,
	"in_progress_in_time" integer DEFAULT 0 NOT NULL,
	"in_progress_overdue" integer DEFAULT 0 NOT NULL,
	"original_on_time" integer DEFAULT 0 NOT NULL,
	"original_in_time" integer DEFAULT 0 NOT NULL,
	"with_fee" integer DEFAULT 0 NOT NULL,
	"paid_online" integer DEFAULT 0 NOT NULL,
	"dissatisfied" integer DEFAULT 0 NOT NULL,
	"digitised" integer DEFAULT 0 NOT NULL,
	"e_results" integer DEFAULT 0 NOT NULL,
	"digitised_at_reception" integer DEFAULT 0 NOT NULL,
	"reused_data" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "dossier_channel_daily_stats_pkey" PRIMARY KEY("day","agency_unit_id","receiving_unit_id","channel")
);
--> statement-breakpoint
CREATE INDEX "dossier_channel_daily_stats_receiving_idx" ON "dossier_channel_daily_stats" USING btree ("receiving_unit_id","day");--> statement-breakpoint
-- Days already rolled up get their channel rows now, not at their next rollup.
INSERT INTO "dossier_channel_daily_stats" ("day", "agency_unit_id", "receiving_unit_id", "channel", "received", "received_online", "resolved_early", "resolved_on_time", "resolved_late",
  "withdrawn_on_time", "withdrawn_late", "in_progress_in_time", "in_progress_overdue", "original_on_time", "original_in_time", "with_fee", "paid_online", "dissatisfied", "digitised",
  "e_results", "digitised_at_reception", "reused_data")
SELECT "day", "agency_unit_id", "receiving_unit_id", "channel", sum("received"), coalesce(sum("received") FILTER (WHERE "channel" = 'online'), 0), sum("resolved_early"), sum("resolved_on_time"), sum("resolved_late"),
  sum("withdrawn_on_time"), sum("withdrawn_late"), sum("in_progress_in_time"), sum("in_progress_overdue"), sum("original_on_time"), sum("original_in_time"), sum("with_fee"), sum("paid_online"), sum("dissatisfied"), sum("digitised"),
  sum("e_results"), sum("digitised_at_reception"), sum("reused_data")
FROM "dossier_daily_stats" GROUP BY "day", "agency_unit_id", "receiving_unit_id", "channel";
