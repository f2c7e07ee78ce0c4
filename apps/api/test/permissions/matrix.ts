import type { RouteId } from '@motcua/contracts';
import type postgres from 'postgres';
import type { Account } from '../harness.js';

/** Ids of real rows the sample requests point at, inside or outside the caller's scope. */
export type Target = Record<string, string>;

export interface Sample {
  path: string;
  body?: unknown;
  /** A route that ends the caller's session (sign-out) gets a throwaway one. */
  destructive?: boolean;
}

export interface MatrixContext {
  sql: postgres.Sql;
  accounts: Account[];
  /** The center whose rows are "inside" (An Xuyên) or "outside" (Tân Thành) the callers' scope. */
  where: 'inside' | 'outside';
  /** What the base fixture (and earlier parts) found: centerId, counterId (1, the officer's today), boardCounterId (2), staffId, otherStaffId, date. */
  target: Target;
}

/**
 * One feature's share of the permission matrix: rows its samples need (created with
 * plain SQL), and a sample request per route of its table.
 */
export interface MatrixPart {
  fixtures?: (ctx: MatrixContext) => Promise<Target>;
  samples: Partial<Record<RouteId, (t: Target, accounts: Account[]) => Sample>>;
}
