CREATE TABLE "remote_ticket_quotas" (
	"center_id" uuid NOT NULL,
	"hour" text NOT NULL,
	"taken" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "remote_ticket_quotas_pkey" PRIMARY KEY("center_id","hour")
);
--> statement-breakpoint
CREATE TABLE "remote_tickets" (
	"ticket_id" uuid PRIMARY KEY NOT NULL,
	"center_id" uuid NOT NULL,
	"citizen_id_number" text,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "centers" ADD COLUMN "remote_per_hour" integer DEFAULT 20 NOT NULL;--> statement-breakpoint
ALTER TABLE "centers" ADD COLUMN "remote_stop_minutes" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "centers" ADD COLUMN "remote_confirm_minutes" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "remote_ticket_quotas" ADD CONSTRAINT "remote_ticket_quotas_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remote_tickets" ADD CONSTRAINT "remote_tickets_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remote_tickets" ADD CONSTRAINT "remote_tickets_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;