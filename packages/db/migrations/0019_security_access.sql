ALTER TYPE "public"."device_kind" ADD VALUE 'rating';--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "counter_id" uuid;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "idempotency_hash" text;--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_counter_id_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."counters"("id") ON DELETE no action ON UPDATE no action;