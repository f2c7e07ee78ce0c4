ALTER TABLE "procedure_versions" ADD COLUMN "e_form_fields" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "form_answers" jsonb;