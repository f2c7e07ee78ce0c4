ALTER TABLE "queue_counter_daily_stats" ADD COLUMN "rated_very_satisfied" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "queue_counter_daily_stats" ADD COLUMN "rated_satisfied" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "queue_counter_daily_stats" ADD COLUMN "rated_not_satisfied" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "queue_hourly_stats" ADD COLUMN "rated_very_satisfied" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "queue_hourly_stats" ADD COLUMN "rated_satisfied" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "queue_hourly_stats" ADD COLUMN "rated_not_satisfied" integer DEFAULT 0 NOT NULL;