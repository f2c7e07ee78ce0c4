import { z } from 'zod';
import { ZCitizenChannel, ZCitizenEvent, ZLanguage } from '../enums.js';
import { msg } from '../i18n.js';
import { ZDateTime, ZId } from './common.js';

/** A message template of one event × channel × language: the code's default, or the province's override. */
export const ZCitizenTemplate = z.object({
  event: ZCitizenEvent,
  channel: ZCitizenChannel,
  language: ZLanguage,
  subject: z.string(),
  body: z.string(),
  /** The placeholders this event fills, e.g. "code", "dueDate". */
  placeholders: z.array(z.string()),
  overridden: z.boolean(),
  updatedAt: ZDateTime.nullable(),
});
export type CitizenTemplate = z.infer<typeof ZCitizenTemplate>;

export const ZCitizenTemplateParams = z.object({ event: ZCitizenEvent, channel: ZCitizenChannel, language: ZLanguage });
export const ZCitizenTemplateInput = z.object({
  // Only email has a subject; other channels send the body alone.
  subject: z.string().trim().max(200, { error: msg('Tối đa 200 ký tự', 'At most 200 characters') }).default(''),
  body: z.string().trim().min(1, { error: msg('Nội dung không được để trống', 'The message cannot be empty') }).max(2000, { error: msg('Tối đa 2000 ký tự', 'At most 2000 characters') }),
});
export type CitizenTemplateInput = z.infer<typeof ZCitizenTemplateInput>;

export const CitizenDeliveryStatus = ['pending', 'sent', 'failed', 'opted_out'] as const;
export const ZCitizenDeliveryStatus = z.enum(CitizenDeliveryStatus);
export type CitizenDeliveryStatus = z.infer<typeof ZCitizenDeliveryStatus>;

/** A row of the citizen delivery log. The target is masked: staff see where it went, not the whole number or address. */
export const ZCitizenDelivery = z.object({
  id: ZId,
  event: ZCitizenEvent,
  channel: ZCitizenChannel,
  language: ZLanguage,
  target: z.string(),
  reference: z.string(),
  centerName: z.string(),
  status: ZCitizenDeliveryStatus,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  deliveredAt: ZDateTime.nullable(),
  createdAt: ZDateTime,
});
export type CitizenDelivery = z.infer<typeof ZCitizenDelivery>;

const ZPageNumber = z.coerce.number({ error: msg('Phải là số', 'Must be a number') }).int().min(1, { error: msg('Trang bắt đầu từ 1', 'Pages start at 1') }).default(1);
const ZPageSize = z.coerce.number({ error: msg('Phải là số', 'Must be a number') }).int().min(1, { error: msg('Từ 1 đến 100', 'Between 1 and 100') }).max(100, { error: msg('Từ 1 đến 100', 'Between 1 and 100') }).default(20);
export const ZCitizenDeliveryQuery = z.object({ page: ZPageNumber, pageSize: ZPageSize, status: ZCitizenDeliveryStatus.optional(), event: ZCitizenEvent.optional(), channel: ZCitizenChannel.optional() });
export type CitizenDeliveryQuery = z.infer<typeof ZCitizenDeliveryQuery>;
export const ZCitizenDeliveryPage = z.object({ items: z.array(ZCitizenDelivery), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type CitizenDeliveryPage = z.infer<typeof ZCitizenDeliveryPage>;

/** The token in every message's opt-out link (random, one per phone number or email address). */
export const ZOptOutParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, { error: msg('Liên kết hủy nhận tin không đúng', 'Invalid opt-out link') }) });
export const ZOptOutResult = z.object({ optedOut: z.literal(true), message: z.object({ vi: z.string(), en: z.string() }) });
/** What the opt-out page shows before the citizen confirms: the number or address masked, and whether it already opted out. */
export const ZOptOutLink = z.object({ kind: z.enum(['phone', 'email']), contact: z.string(), optedOut: z.boolean() });
export type OptOutLink = z.infer<typeof ZOptOutLink>;
