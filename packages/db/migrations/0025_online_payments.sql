CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"obligation_key" text NOT NULL,
	"amount_vnd" integer NOT NULL,
	"txn_ref" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"gateway" text NOT NULL,
	"gateway_transaction_no" text,
	"bank_code" text,
	"response_code" text,
	"paid_at" timestamp with time zone,
	"settled_at" timestamp with time zone,
	"settled_by" text,
	"raw_response" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_status_check" CHECK ("payments"."status" in ('pending', 'paid', 'failed', 'expired')),
	CONSTRAINT "payments_purpose_check" CHECK ("payments"."purpose" in ('fee', 'obligation')),
	CONSTRAINT "payments_amount_positive" CHECK ("payments"."amount_vnd" > 0)
);
--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payments_txn_ref_key" ON "payments" USING btree ("txn_ref");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_one_paid_key" ON "payments" USING btree ("dossier_id","obligation_key") WHERE "payments"."status" = 'paid';--> statement-breakpoint
CREATE INDEX "payments_dossier_idx" ON "payments" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "payments_pending_idx" ON "payments" USING btree ("created_at") WHERE "payments"."status" = 'pending';