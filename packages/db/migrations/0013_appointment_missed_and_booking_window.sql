ALTER TYPE "public"."appointment_status" ADD VALUE 'missed';--> statement-breakpoint
ALTER TABLE "centers" ADD COLUMN "appointment_booking_days" integer DEFAULT 14 NOT NULL;--> statement-breakpoint
CREATE INDEX "appointments_booked_idx" ON "appointments" USING btree ("slot_start") WHERE "appointments"."status" = 'booked';