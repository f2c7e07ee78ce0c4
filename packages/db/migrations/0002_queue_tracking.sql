DROP INDEX "tickets_number_key";--> statement-breakpoint
ALTER TABLE "centers" ADD COLUMN "display_notice" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "counters" ADD COLUMN "normals_since_priority" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "target_counter_id" uuid;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "tracking_code" text NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_target_counter_id_counters_id_fk" FOREIGN KEY ("target_counter_id") REFERENCES "public"."counters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_tracking_code_key" ON "tickets" USING btree ("tracking_code") WHERE "tickets"."transferred_from_ticket_id" is null;--> statement-breakpoint
CREATE INDEX "tickets_tracking_idx" ON "tickets" USING btree ("tracking_code");--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_number_key" ON "tickets" USING btree ("center_id","service_id","business_date","number") WHERE "tickets"."transferred_from_ticket_id" is null;