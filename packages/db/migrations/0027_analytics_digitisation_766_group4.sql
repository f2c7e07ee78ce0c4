ALTER TABLE "dossier_daily_stats" ADD COLUMN "e_results" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_daily_stats" ADD COLUMN "digitised_at_reception" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_daily_stats" ADD COLUMN "reused_data" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_unit_daily_stats" ADD COLUMN "e_results" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_unit_daily_stats" ADD COLUMN "digitised_at_reception" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_unit_daily_stats" ADD COLUMN "reused_data" integer DEFAULT 0 NOT NULL;