CREATE TABLE "office_window_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"effective_from" date NOT NULL,
	"office_windows" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "office_window_schedules" ADD CONSTRAINT "office_window_schedules_unit_id_administrative_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."administrative_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_window_schedules" ADD CONSTRAINT "office_window_schedules_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "office_window_schedules_key" ON "office_window_schedules" USING btree ("unit_id","effective_from");--> statement-breakpoint
CREATE INDEX "office_window_schedules_unit_idx" ON "office_window_schedules" USING btree ("unit_id");