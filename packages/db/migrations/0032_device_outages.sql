ALTER TYPE "public"."notification_kind" ADD VALUE 'device_offline';--> statement-breakpoint
CREATE TABLE "device_outages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"device_id" uuid NOT NULL,
	"since" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_once_key";--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "device_outage_id" uuid;--> statement-breakpoint
ALTER TABLE "device_outages" ADD CONSTRAINT "device_outages_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "device_outages_once_key" ON "device_outages" USING btree ("device_id","since");--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_device_outage_id_device_outages_id_fk" FOREIGN KEY ("device_outage_id") REFERENCES "public"."device_outages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_once_key" UNIQUE NULLS NOT DISTINCT("dossier_id","threshold_id","device_outage_id","kind","deadline_version","stage","recipient_id");