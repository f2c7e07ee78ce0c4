import { sql } from 'drizzle-orm';
import { check, pgTable, text, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { id, timestamps } from './_helpers.js';
import { dossiers } from './dossiers.js';
import { ratingLevel } from './enums.js';
import { counters } from './organisation.js';
import { tickets } from './queue.js';

// Its own file: it points at both tickets and dossiers, and dossiers already point at tickets.
/**
 * Citizens' ratings: of a ticket at the counter tablet, or of a dossier from the portal after its
 * result was handed over (issue #17). One per ticket, one per dossier; the satisfaction indicator
 * reads both alike (`dossier-clock.sql.ts`).
 */
export const ratings = pgTable(
  'ratings',
  {
    id: id(),
    ticketId: uuid().references(() => tickets.id),
    counterId: uuid().references(() => counters.id),
    dossierId: uuid().references((): AnyPgColumn => dossiers.id),
    level: ratingLevel().notNull(),
    /** The citizen's reason or comment. */
    reason: text(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('ratings_ticket_key').on(t.ticketId),
    uniqueIndex('ratings_dossier_key').on(t.dossierId),
    check('ratings_subject', sql`(${t.ticketId} is not null and ${t.counterId} is not null) or ${t.dossierId} is not null`),
  ],
);
