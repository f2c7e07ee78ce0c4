import { DEFAULT_TIME_ZONE, businessDate, nextDate } from '@motcua/core';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../client.js';
import { analyticsRepository } from '../repositories/analytics.repository.js';
import { col, query } from '../statement.js';

export interface RebuildProgress {
  from: string;
  to: string;
  done: number;
  total: number;
  rows: number;
}

/** Chunks of at most `days` consecutive days covering [from, to]. */
export function dayChunks(from: string, to: string, days: number): Array<[string, string]> {
  const chunks: Array<[string, string]> = [];
  for (let start = from; start <= to; start = nextDate(start, days)) {
    const end = nextDate(start, days - 1);
    chunks.push([start, end < to ? end : to]);
  }
  return chunks;
}

const firstDay = query(
  'readModels.firstDay',
  z.object({ day: col.date.nullable() }),
  () => sql`select least((select min(received_at) from dossiers), (select min(arrived_at) from tickets)) as day`,
);

/**
 * Rewrites both read models from the raw rows over [from, to] (default: from the first
 * dossier or ticket to today). One transaction per chunk of days, so a crash loses one chunk
 * and a rerun repairs it; dashboards keep reading the old rows until each chunk commits.
 */
export async function rebuildReadModels(
  db: Database,
  options: { from?: string; to?: string; timeZone?: string; chunkDays?: number; onProgress?: (p: RebuildProgress) => void } = {},
): Promise<{ from: string; to: string; rows: number }> {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const [first] = await firstDay(db);
  const to = options.to ?? businessDate(new Date(), timeZone);
  const from = options.from ?? (first?.day ? businessDate(first.day, timeZone) : to);
  const chunks = dayChunks(from, to, options.chunkDays ?? 31);
  let rows = 0;
  for (const [i, [a, b]] of chunks.entries()) {
    rows += await db.transaction(async (tx) => (await analyticsRepository.rollupDossierDays(tx, a, b, timeZone)) + (await analyticsRepository.rollupQueueDays(tx, a, b)));
    options.onProgress?.({ from: a, to: b, done: i + 1, total: chunks.length, rows });
  }
  return { from, to, rows };
}
