import { z } from 'zod';
import { msg } from '../i18n.js';

/** A round trip through every moving part: API → Postgres → BullMQ → worker → Socket.IO. */
export const ZPingRequest = z.object({
  message: z
    .string()
    .trim()
    .min(1, { error: msg('Hãy nhập nội dung', 'Message is required') })
    .max(200, { error: msg('Nội dung tối đa 200 ký tự', 'Message must be at most 200 characters') }),
});
export type PingRequest = z.infer<typeof ZPingRequest>;

export const ZPing = z.object({
  id: z.uuid(),
  message: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  processedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type Ping = z.infer<typeof ZPing>;

export const ZPingParams = z.object({ id: z.uuid({ error: msg('Mã ping phải là UUID', 'Ping id must be a UUID') }) });
