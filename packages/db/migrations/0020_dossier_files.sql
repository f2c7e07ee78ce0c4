ALTER TABLE "dossier_documents" ADD COLUMN "component_index" integer;--> statement-breakpoint
ALTER TABLE "dossier_documents" ADD COLUMN "form" text;--> statement-breakpoint
ALTER TABLE "dossier_documents" ADD COLUMN "copies" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_documents" ADD COLUMN "required" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_documents" ADD COLUMN "provided" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_documents" ADD COLUMN "exempt" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_documents" ADD COLUMN "file_sha256" text;--> statement-breakpoint
ALTER TABLE "dossier_documents" ADD COLUMN "file_size" integer;--> statement-breakpoint
ALTER TABLE "dossier_documents" ADD COLUMN "file_mime" text;--> statement-breakpoint
ALTER TABLE "dossier_documents" ADD COLUMN "file_pages" integer;--> statement-breakpoint
ALTER TABLE "dossier_documents" ADD COLUMN "file_source" text;--> statement-breakpoint
ALTER TABLE "dossier_documents" ADD COLUMN "signed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_documents" ADD COLUMN "file_attached_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "digitised" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "digitised_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_documents_component_key" ON "dossier_documents" USING btree ("dossier_id","component_index");--> statement-breakpoint
CREATE INDEX "dossier_documents_file_idx" ON "dossier_documents" USING btree ("file_sha256");