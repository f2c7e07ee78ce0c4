import { AlertKind, AppointmentStatus, ThresholdComparison, ThresholdIndicator, ThresholdPeriod, Channel, CounterState, DeviceKind, DossierStatus, HolidayKind, Role, TicketStatus, TimeLimitUnit, UnitLevel } from '@motcua/contracts';
import { pgEnum } from 'drizzle-orm/pg-core';

// Same values as the contracts, so an API enum and a column can never drift apart.
export const unitLevel = pgEnum('unit_level', UnitLevel);
export const role = pgEnum('role', Role);
export const deviceKind = pgEnum('device_kind', DeviceKind);
export const counterState = pgEnum('counter_state', CounterState);
export const ticketStatus = pgEnum('ticket_status', TicketStatus);
export const dossierStatus = pgEnum('dossier_status', DossierStatus);
export const channel = pgEnum('channel', Channel);
export const timeLimitUnit = pgEnum('time_limit_unit', TimeLimitUnit);
export const notificationKind = pgEnum('notification_kind', [...AlertKind, 'digest', 'system', 'threshold', 'device_offline']);
export const dayKind = pgEnum('day_kind', HolidayKind);
export const ratingLevel = pgEnum('rating_level', ['very_satisfied', 'satisfied', 'not_satisfied']);
export const stepResult = pgEnum('step_result', ['early', 'on_time', 'late']);
export const appointmentStatus = pgEnum('appointment_status', AppointmentStatus);
export const thresholdIndicator = pgEnum('threshold_indicator', ThresholdIndicator);
export const thresholdComparison = pgEnum('threshold_comparison', ThresholdComparison);
export const thresholdPeriod = pgEnum('threshold_period', ThresholdPeriod);
export const thresholdState = pgEnum('threshold_state', ['ok', 'crossed']);
