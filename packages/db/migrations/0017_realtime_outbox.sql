CREATE TABLE "realtime_outbox" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "realtime_outbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"namespace" text NOT NULL,
	"room" text NOT NULL,
	"event" text NOT NULL,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- hand-written:
-- Relays LISTEN on realtime_outbox: a command's events wake them when it commits (NOTIFY is delivered at commit, once per transaction).
CREATE OR REPLACE FUNCTION motcua_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('realtime_outbox', '');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER realtime_outbox_notify AFTER INSERT ON realtime_outbox
  FOR EACH STATEMENT EXECUTE FUNCTION motcua_outbox_notify();
