import type { SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from './client.js';

/**
 * Raw SQL statements of the repositories, by name. `db.execute` only asserts its row type, so
 * every raw statement goes through `query` (each row checked against a zod schema) or `command`
 * (rows not read); the registry lets statements.spec.ts render each one into a reviewed snapshot.
 */
export const statements = new Map<string, (...args: never) => SQL>();

function register(name: string, build: (...args: never) => SQL) {
  if (statements.has(name)) throw new Error(`Two raw statements are named ${name}`);
  statements.set(name, build);
}

/** A raw statement whose rows are read: each one must match `row`, or the call throws naming the statement. */
export function query<A extends unknown[], S extends z.ZodType>(name: string, row: S, build: (...args: A) => SQL) {
  register(name, build);
  return async (db: DbOrTx, ...args: A): Promise<Array<z.output<S>>> => {
    const rows = await db.execute(build(...args));
    return rows.map((r, i) => {
      const parsed = row.safeParse(r);
      if (!parsed.success) throw new Error(`Raw statement ${name}: row ${i} does not match its type:\n${z.prettifyError(parsed.error)}`);
      return parsed.data;
    });
  };
}

/** A raw statement run for its effect; its rows, if any, are not read. */
export function command<A extends unknown[]>(name: string, build: (...args: A) => SQL) {
  register(name, build);
  return async (db: DbOrTx, ...args: A): Promise<void> => {
    await db.execute(build(...args));
  };
}

/**
 * Column types as postgres.js hands them over from raw SQL (drizzle's driver keeps timestamps and
 * dates as text; bigint and numeric arrive as text).
 */
export const col = {
  /** int4, or a bigint/numeric read as a number. */
  num: z.union([z.number(), z.string()]).transform(Number),
  /** A timestamp as a Date, whichever form it arrives in. */
  date: z.union([z.string(), z.date()]).transform((v) => new Date(v)),
};
