CREATE TABLE "queue_officer_daily_stats" (
	"day" date NOT NULL,
	"center_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"officer_id" uuid NOT NULL,
	"called" integer DEFAULT 0 NOT NULL,
	"served" integer DEFAULT 0 NOT NULL,
	"no_show" integer DEFAULT 0 NOT NULL,
	"wait_seconds_sum" integer DEFAULT 0 NOT NULL,
	"service_seconds_sum" integer DEFAULT 0 NOT NULL,
	"within_target" integer DEFAULT 0 NOT NULL,
	"rated_very_satisfied" integer DEFAULT 0 NOT NULL,
	"rated_satisfied" integer DEFAULT 0 NOT NULL,
	"rated_not_satisfied" integer DEFAULT 0 NOT NULL,
	"wait_histogram" integer[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "queue_officer_daily_stats_pkey" PRIMARY KEY("day","center_id","officer_id")
);
--> statement-breakpoint
CREATE INDEX "queue_officer_daily_stats_unit_idx" ON "queue_officer_daily_stats" USING btree ("unit_id","day");