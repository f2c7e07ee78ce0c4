-- The control slip and the audit log are evidence: once written, never changed.
CREATE OR REPLACE FUNCTION motcua_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege', HINT = 'Record a new event instead of changing an old one.';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER dossier_events_append_only BEFORE UPDATE OR DELETE ON dossier_events
  FOR EACH ROW EXECUTE FUNCTION motcua_refuse_change();
--> statement-breakpoint
CREATE TRIGGER dossier_events_no_truncate BEFORE TRUNCATE ON dossier_events
  FOR EACH STATEMENT EXECUTE FUNCTION motcua_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION motcua_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION motcua_refuse_change();
