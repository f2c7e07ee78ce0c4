CREATE TYPE "public"."threshold_comparison" AS ENUM('below', 'above');--> statement-breakpoint
CREATE TYPE "public"."threshold_indicator" AS ENUM('on_time_rate', 'queue_wait_p90');--> statement-breakpoint
CREATE TYPE "public"."threshold_period" AS ENUM('month', 'day');--> statement-breakpoint
CREATE TYPE "public"."threshold_state" AS ENUM('ok', 'crossed');--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'threshold';--> statement-breakpoint
CREATE TABLE "indicator_thresholds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"indicator" "threshold_indicator" NOT NULL,
	"comparison" "threshold_comparison" NOT NULL,
	"value" double precision NOT NULL,
	"period" "threshold_period" NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_by" uuid NOT NULL,
	"state" "threshold_state" DEFAULT 'ok' NOT NULL,
	"state_since" timestamp with time zone,
	"crossings" integer DEFAULT 0 NOT NULL,
	"last_value" double precision,
	"last_evaluated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_once_key";--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "threshold_id" uuid;--> statement-breakpoint
ALTER TABLE "indicator_thresholds" ADD CONSTRAINT "indicator_thresholds_unit_id_administrative_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."administrative_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_thresholds" ADD CONSTRAINT "indicator_thresholds_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_thresholds_unit_idx" ON "indicator_thresholds" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "indicator_thresholds_enabled_idx" ON "indicator_thresholds" USING btree ("enabled");--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_threshold_id_indicator_thresholds_id_fk" FOREIGN KEY ("threshold_id") REFERENCES "public"."indicator_thresholds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_once_key" UNIQUE NULLS NOT DISTINCT("dossier_id","threshold_id","kind","deadline_version","stage","recipient_id");