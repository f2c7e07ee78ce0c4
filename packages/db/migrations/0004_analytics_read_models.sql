CREATE TABLE "dossier_daily_stats" (
	"day" date NOT NULL,
	"agency_id" uuid NOT NULL,
	"agency_unit_id" uuid NOT NULL,
	"receiving_center_id" uuid NOT NULL,
	"receiving_unit_id" uuid NOT NULL,
	"procedure_id" uuid NOT NULL,
	"field" text NOT NULL,
	"channel" "channel" NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"resolved_early" integer DEFAULT 0 NOT NULL,
	"resolved_on_time" integer DEFAULT 0 NOT NULL,
	"resolved_late" integer DEFAULT 0 NOT NULL,
	"in_progress_in_time" integer DEFAULT 0 NOT NULL,
	"in_progress_overdue" integer DEFAULT 0 NOT NULL,
	"with_fee" integer DEFAULT 0 NOT NULL,
	"paid_online" integer DEFAULT 0 NOT NULL,
	"dissatisfied" integer DEFAULT 0 NOT NULL,
	"digitised" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossier_daily_stats_pkey" PRIMARY KEY("day","agency_id","receiving_center_id","procedure_id","channel")
);
--> statement-breakpoint
CREATE TABLE "queue_hourly_stats" (
	"day" date NOT NULL,
	"center_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"hour" smallint NOT NULL,
	"issued" integer DEFAULT 0 NOT NULL,
	"called" integer DEFAULT 0 NOT NULL,
	"served" integer DEFAULT 0 NOT NULL,
	"no_show" integer DEFAULT 0 NOT NULL,
	"wait_seconds_sum" integer DEFAULT 0 NOT NULL,
	"service_seconds_sum" integer DEFAULT 0 NOT NULL,
	"within_target" integer DEFAULT 0 NOT NULL,
	"wait_histogram" integer[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "queue_hourly_stats_pkey" PRIMARY KEY("day","center_id","service_id","hour")
);
--> statement-breakpoint
CREATE INDEX "dossier_daily_stats_agency_unit_idx" ON "dossier_daily_stats" USING btree ("agency_unit_id","day");--> statement-breakpoint
CREATE INDEX "dossier_daily_stats_receiving_unit_idx" ON "dossier_daily_stats" USING btree ("receiving_unit_id","day");--> statement-breakpoint
CREATE INDEX "queue_hourly_stats_unit_idx" ON "queue_hourly_stats" USING btree ("unit_id","day");