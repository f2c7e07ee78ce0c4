import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema/index.js';

export type Database = PostgresJsDatabase<typeof schema>;
/** A transaction handle; repositories accept either. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
export type DbOrTx = Database | Tx;

export interface DatabaseHandle {
  db: Database;
  sql: postgres.Sql;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  max?: number;
  applicationName?: string;
  /** Give up connecting after this long (a host that does not answer at all). */
  connectTimeoutSeconds?: number;
  /** The server cancels a statement running longer (code 57014), so no request holds a connection for ever. */
  statementTimeoutMs?: number;
  /**
   * Behind PgBouncer in transaction mode: no named prepared statements (a statement prepared on one
   * server connection is unknown on the next) and no startup parameters PgBouncer refuses
   * (`statement_timeout`: set it on the database role instead).
   */
  pooled?: boolean;
}

export function createDatabase(url: string, options: DatabaseOptions = {}): DatabaseHandle {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connect_timeout: options.connectTimeoutSeconds ?? 10,
    // postgres.js waits 3^n/100 s (up to 20 s) before reconnecting after failures, and queries wait with it:
    // while the server is down they must fail at once (503), and run again as soon as it is back.
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 0.5),
    prepare: !options.pooled,
    connection: { application_name: options.applicationName ?? 'motcua', ...(options.statementTimeoutMs && !options.pooled ? { statement_timeout: options.statementTimeoutMs } : {}) },
  });
  const db = drizzle(sql, { schema, casing: 'snake_case' });
  return { db, sql, close: () => sql.end({ timeout: 5 }) };
}

/** Round-trip time to the server, for health checks. Throws when unreachable. */
export async function pingDatabase(sql: postgres.Sql): Promise<number> {
  const started = performance.now();
  await sql`select 1`;
  return performance.now() - started;
}
