import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { DbOrTx } from './client.js';
import { col, query } from './statement.js';

const returning = (rows: unknown[]) => ({ execute: async () => rows }) as unknown as DbOrTx;
const waiting = query('test.waiting', z.object({ service_id: z.string(), n: col.num, oldest: col.date.nullable() }), (centerId: string) => sql`select ${centerId}`);

describe('query', () => {
  it('returns the rows as their schema reads them', async () => {
    expect(await waiting(returning([{ service_id: 's', n: '12', oldest: '2026-03-02 03:00:00+00' }]), 'c')).toEqual([{ service_id: 's', n: 12, oldest: new Date('2026-03-02T03:00:00Z') }]);
  });

  it('throws naming the statement when a row does not match', async () => {
    await expect(waiting(returning([{ serviceId: 's', n: 1, oldest: null }]), 'c')).rejects.toThrow(/test\.waiting: row 0 [\s\S]*at service_id/);
  });

  it('refuses two statements with one name', () => {
    expect(() => query('test.waiting', z.object({}), () => sql``)).toThrow('Two raw statements are named test.waiting');
  });
});
