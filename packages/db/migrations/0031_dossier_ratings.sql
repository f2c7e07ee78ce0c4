ALTER TABLE "ratings" ALTER COLUMN "ticket_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "ratings" ALTER COLUMN "counter_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "ratings" ADD COLUMN "dossier_id" uuid;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ratings_dossier_key" ON "ratings" USING btree ("dossier_id");--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_subject" CHECK (("ratings"."ticket_id" is not null and "ratings"."counter_id" is not null) or "ratings"."dossier_id" is not null);