CREATE TABLE "citizen_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contact" text NOT NULL,
	"opt_out_token" text NOT NULL,
	"opted_out_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "citizen_contacts_contact_key" UNIQUE("contact"),
	CONSTRAINT "citizen_contacts_token_key" UNIQUE("opt_out_token")
);
--> statement-breakpoint
CREATE TABLE "citizen_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_key" text NOT NULL,
	"event" text NOT NULL,
	"channel" text NOT NULL,
	"target" text NOT NULL,
	"contact_id" uuid,
	"language" text NOT NULL,
	"center_id" uuid NOT NULL,
	"dossier_id" uuid,
	"ticket_id" uuid,
	"reference" text NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "citizen_deliveries_once_key" UNIQUE("event_key","channel")
);
--> statement-breakpoint
CREATE TABLE "citizen_templates" (
	"event" text NOT NULL,
	"channel" text NOT NULL,
	"language" text NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"updated_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "citizen_templates_pkey" PRIMARY KEY("event","channel","language")
);
--> statement-breakpoint
CREATE TABLE "ticket_contacts" (
	"ticket_id" uuid PRIMARY KEY NOT NULL,
	"phone" text NOT NULL,
	"language" text DEFAULT 'vi' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "applicant_email" text;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "notify_language" text DEFAULT 'vi' NOT NULL;--> statement-breakpoint
ALTER TABLE "citizen_deliveries" ADD CONSTRAINT "citizen_deliveries_contact_id_citizen_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."citizen_contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_deliveries" ADD CONSTRAINT "citizen_deliveries_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_deliveries" ADD CONSTRAINT "citizen_deliveries_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_deliveries" ADD CONSTRAINT "citizen_deliveries_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_templates" ADD CONSTRAINT "citizen_templates_updated_by_id_staff_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_contacts" ADD CONSTRAINT "ticket_contacts_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "citizen_deliveries_center_idx" ON "citizen_deliveries" USING btree ("center_id","created_at");--> statement-breakpoint
CREATE INDEX "citizen_deliveries_status_idx" ON "citizen_deliveries" USING btree ("status","updated_at");