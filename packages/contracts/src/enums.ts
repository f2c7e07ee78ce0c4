import { z } from 'zod';

export const Role = ['admin', 'province_admin', 'center_manager', 'officer', 'specialist', 'leader'] as const;
export const ZRole = z.enum(Role);
export type Role = z.infer<typeof ZRole>;

/** `rating`: a counter's satisfaction tablet, bound to one counter. */
export const DeviceKind = ['display', 'kiosk', 'rating'] as const;
export const ZDeviceKind = z.enum(DeviceKind);
export type DeviceKind = z.infer<typeof ZDeviceKind>;

export const UnitLevel = ['province', 'commune', 'district'] as const;
export const ZUnitLevel = z.enum(UnitLevel);
export type UnitLevel = z.infer<typeof ZUnitLevel>;

export const CounterState = ['closed', 'open', 'serving', 'paused'] as const;
export const ZCounterState = z.enum(CounterState);
export type CounterState = z.infer<typeof ZCounterState>;

export const TicketStatus = ['waiting', 'called', 'serving', 'done', 'no_show', 'transferred', 'cancelled', 'expired'] as const;
export const ZTicketStatus = z.enum(TicketStatus);
export type TicketStatus = z.infer<typeof ZTicketStatus>;

/** What a counter workstation can do; the API sends the ones allowed now (packages/core ticket-lifecycle). */
export const CounterAction = ['callNext', 'callSpecific', 'recall', 'start', 'done', 'noShow', 'transfer', 'pause', 'close', 'open'] as const;
export const ZCounterAction = z.enum(CounterAction);
export type CounterAction = z.infer<typeof ZCounterAction>;

/**
 * An online appointment: booked (possibly rescheduled), cancelled, checked in at the kiosk, or
 * missed (nobody checked in by the slot's end plus the center's on-time window).
 */
export const AppointmentStatus = ['booked', 'cancelled', 'checked_in', 'missed'] as const;
export const ZAppointmentStatus = z.enum(AppointmentStatus);
export type AppointmentStatus = z.infer<typeof ZAppointmentStatus>;

export const DossierStatus = [
  'submitted',
  'intake_supplement',
  'received',
  'refused_at_intake',
  'in_process',
  'awaiting_supplement',
  'awaiting_obligation',
  'suspended',
  'withdrawn',
  'stopped',
  'resolved',
  'returned',
] as const;
export const ZDossierStatus = z.enum(DossierStatus);
export type DossierStatus = z.infer<typeof ZDossierStatus>;

export const Channel = ['counter', 'online', 'post'] as const;
export const ZChannel = z.enum(Channel);
export type Channel = z.infer<typeof ZChannel>;

export const TimeLimitUnit = ['same_day', 'working_days', 'working_hours', 'calendar_days'] as const;
export const ZTimeLimitUnit = z.enum(TimeLimitUnit);
export type TimeLimitUnit = z.infer<typeof ZTimeLimitUnit>;

export const AlertKind = ['due_soon', 'overdue', 'step_overdue', 'intake_sla'] as const;
export const ZAlertKind = z.enum(AlertKind);
export type AlertKind = z.infer<typeof ZAlertKind>;

/** Leaders' alert thresholds (issue #19 item 11): which figure, which side of the line is bad, over which period. */
export const ThresholdIndicator = ['on_time_rate', 'queue_wait_p90'] as const;
export const ZThresholdIndicator = z.enum(ThresholdIndicator);
export type ThresholdIndicator = z.infer<typeof ZThresholdIndicator>;
export const ThresholdComparison = ['below', 'above'] as const;
export const ZThresholdComparison = z.enum(ThresholdComparison);
export type ThresholdComparison = z.infer<typeof ZThresholdComparison>;
export const ThresholdPeriod = ['month', 'day'] as const;
export const ZThresholdPeriod = z.enum(ThresholdPeriod);
export type ThresholdPeriod = z.infer<typeof ZThresholdPeriod>;

export const HolidayKind = ['holiday', 'day_off', 'working_day'] as const;
export const ZHolidayKind = z.enum(HolidayKind);
export type HolidayKind = z.infer<typeof ZHolidayKind>;

/** What a citizen is told about (issue #9); one delivery per event and channel. */
export const CitizenEvent = ['ticket_called', 'ticket_soon', 'dossier_received', 'supplement_requested', 'obligation_to_pay', 'result_ready', 'apology', 'returned'] as const;
export const ZCitizenEvent = z.enum(CitizenEvent);
export type CitizenEvent = z.infer<typeof ZCitizenEvent>;

/** How a citizen is reached: email (SMTP), SMS and Zalo (HTTP gateways), a signed webhook (e.g. the provincial citizen app). */
export const CitizenChannel = ['email', 'sms', 'zalo', 'webhook'] as const;
export const ZCitizenChannel = z.enum(CitizenChannel);
export type CitizenChannel = z.infer<typeof ZCitizenChannel>;

export const Language = ['vi', 'en'] as const;
export const ZLanguage = z.enum(Language);
export type Language = z.infer<typeof ZLanguage>;
