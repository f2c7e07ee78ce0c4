import { date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './_helpers.js';
import { channel } from './enums.js';

const count = () => integer().notNull().default(0);

/** What the dossier read models count besides receptions (the inputs of core's indicator formulas, judged as of each day). */
const dossierOutcomes = () => ({
  resolvedEarly: count(),
  resolvedOnTime: count(),
  resolvedLate: count(),
  /** Withdrawn or stopped after receipt: finished for Decision 766. */
  withdrawnOnTime: count(),
  withdrawnLate: count(),
  inProgressInTime: count(),
  inProgressOverdue: count(),
  /** Against the original appointment, nothing deducted. */
  originalOnTime: count(),
  originalInTime: count(),
  withFee: count(),
  paidOnline: count(),
  dissatisfied: count(),
  digitised: count(),
  /** 766 group 4: 4.1 resolved with a signed result document, 4.2 received with every required component digitised or exempt, 4.3 received reusing a document digitised before. */
  eResults: count(),
  digitisedAtReception: count(),
  reusedData: count(),
});

/** What the queue read models sum for the tickets called in a row's slice. */
const queueOutcomes = () => ({
  called: count(),
  served: count(),
  noShow: count(),
  waitSecondsSum: count(),
  serviceSecondsSum: count(),
  /** Called within the 15-minute target. */
  withinTarget: count(),
  /** Citizens' ratings of the tickets (the counter tablet's survey), by level. */
  ratedVerySatisfied: count(),
  ratedSatisfied: count(),
  ratedNotSatisfied: count(),
  /** Waits by whole minute, 0…120 (the last bucket holds everything longer): p90 without raw rows. */
  waitHistogram: integer().array().notNull(),
});

/**
 * Dossier read model: one row per local day × competent agency × receiving center ×
 * procedure × channel. Flows (received, resolved, paid) count what happened that day;
 * the in-progress columns are a snapshot at the end of that day. Dashboards read only
 * these rows; the worker rewrites a day from the raw rows, so it can always be rebuilt.
 */
export const dossierDailyStats = pgTable(
  'dossier_daily_stats',
  {
    day: date().notNull(),
    agencyId: uuid().notNull(),
    /** Unit of the competent agency (766 counts by it) and of the receiving center. */
    agencyUnitId: uuid().notNull(),
    receivingCenterId: uuid().notNull(),
    receivingUnitId: uuid().notNull(),
    procedureId: uuid().notNull(),
    field: text().notNull(),
    channel: channel().notNull(),
    received: count(),
    ...dossierOutcomes(),
    ...timestamps,
  },
  (t) => [
    primaryKey({ name: 'dossier_daily_stats_pkey', columns: [t.day, t.agencyId, t.receivingCenterId, t.procedureId, t.channel] }),
    index('dossier_daily_stats_agency_unit_idx').on(t.agencyUnitId, t.day),
    index('dossier_daily_stats_receiving_unit_idx').on(t.receivingUnitId, t.day),
  ],
);

/** The key and counts of the summed dossier read models (per unit pair, and per unit pair and channel). */
const unitPairDay = () => ({ day: date().notNull(), agencyUnitId: uuid().notNull(), receivingUnitId: uuid().notNull() });
const summedCounts = () => ({ received: count(), receivedOnline: count(), ...dossierOutcomes() });

/**
 * The same counts summed per day × competent agency's unit × receiving unit: what rankings and
 * province tiles read (a few thousand rows per quarter instead of hundreds of thousands).
 */
export const dossierUnitDailyStats = pgTable(
  'dossier_unit_daily_stats',
  { ...unitPairDay(), ...summedCounts() },
  (t) => [
    primaryKey({ name: 'dossier_unit_daily_stats_pkey', columns: [t.day, t.agencyUnitId, t.receivingUnitId] }),
    index('dossier_unit_daily_stats_receiving_idx').on(t.receivingUnitId, t.day),
  ],
);

/**
 * The same again per channel: the overview's channel mix reads it, so it stays as small as the unit
 * model instead of summing the detailed rows (which grow with procedures × agencies × centers).
 */
export const dossierChannelDailyStats = pgTable(
  'dossier_channel_daily_stats',
  { ...unitPairDay(), channel: channel().notNull(), ...summedCounts() },
  (t) => [
    primaryKey({ name: 'dossier_channel_daily_stats_pkey', columns: [t.day, t.agencyUnitId, t.receivingUnitId, t.channel] }),
    index('dossier_channel_daily_stats_receiving_idx').on(t.receivingUnitId, t.day),
  ],
);

/** Queue read model: one row per local day × center × service × hour of arrival. */
export const queueHourlyStats = pgTable(
  'queue_hourly_stats',
  {
    day: date().notNull(),
    centerId: uuid().notNull(),
    unitId: uuid().notNull(),
    serviceId: uuid().notNull(),
    hour: smallint().notNull(),
    issued: count(),
    ...queueOutcomes(),
    ...timestamps,
  },
  (t) => [primaryKey({ name: 'queue_hourly_stats_pkey', columns: [t.day, t.centerId, t.serviceId, t.hour] }), index('queue_hourly_stats_unit_idx').on(t.unitId, t.day)],
);

/** Queue read model per counter: one row per local day × center × counter that called tickets (counter performance). */
export const queueCounterDailyStats = pgTable(
  'queue_counter_daily_stats',
  {
    day: date().notNull(),
    centerId: uuid().notNull(),
    unitId: uuid().notNull(),
    counterId: uuid().notNull(),
    ...queueOutcomes(),
    ...timestamps,
  },
  (t) => [primaryKey({ name: 'queue_counter_daily_stats_pkey', columns: [t.day, t.centerId, t.counterId] }), index('queue_counter_daily_stats_unit_idx').on(t.unitId, t.day)],
);

/** Queue read model per officer: one row per local day × center × officer who called tickets (officer performance, DOMAIN "per counter and officer"). */
export const queueOfficerDailyStats = pgTable(
  'queue_officer_daily_stats',
  {
    day: date().notNull(),
    centerId: uuid().notNull(),
    unitId: uuid().notNull(),
    officerId: uuid().notNull(),
    ...queueOutcomes(),
    ...timestamps,
  },
  (t) => [primaryKey({ name: 'queue_officer_daily_stats_pkey', columns: [t.day, t.centerId, t.officerId] }), index('queue_officer_daily_stats_unit_idx').on(t.unitId, t.day)],
);

/**
 * A recomputation that changed a past day's figures (a correction of a closed period): the
 * per-unit counts before and after, so nobody can move a closed month unseen.
 */
export const analyticsCorrections = pgTable(
  'analytics_corrections',
  {
    id: id(),
    day: date().notNull(),
    agencyUnitId: uuid().notNull(),
    receivingUnitId: uuid().notNull(),
    /** The unit's counts (core DossierCounts keys) before and after; null when the row did not exist. */
    before: jsonb().$type<Record<string, number>>(),
    after: jsonb().$type<Record<string, number>>(),
    recomputedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('analytics_corrections_agency_idx').on(t.agencyUnitId, t.day), index('analytics_corrections_receiving_idx').on(t.receivingUnitId, t.day)],
);
