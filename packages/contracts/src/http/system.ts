import { z } from 'zod';

/** A round trip through every moving part: API → Postgres → BullMQ → worker → Socket.IO. */
export const ZPingRequest = z.object({
  message: z.string().trim().min(1, 'Message is required').max(200, 'Message must be at most 200 characters'),
});
export type PingRequest = z.infer<typeof ZPingRequest>;

export const ZPing = z.object({
  id: z.uuid(),
  message: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  processedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type Ping = z.infer<typeof ZPing>;

export const ZPingParams = z.object({ id: z.uuid('Ping id must be a UUID') });
