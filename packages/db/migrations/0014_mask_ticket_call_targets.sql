-- Ticket-call deliveries now log a masked number (the ticket contact holds it until the end of the day); mask the rows made before.
UPDATE "citizen_deliveries" SET "target" = CASE WHEN length("target") > 6 THEN left("target", 3) || '****' || right("target", 3) ELSE '***' END
WHERE "event" = 'ticket_called' AND "channel" IN ('sms', 'zalo') AND position('*' in "target") = 0;
