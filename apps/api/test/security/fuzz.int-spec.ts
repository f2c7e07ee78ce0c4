import { randomUUID } from 'node:crypto';
import { ErrorCode, routes, type RouteDef } from '@motcua/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { seed, signIn, startStack, type Stack } from '../harness.js';

/**
 * #15: a fuzz test over the whole contract route table. For every route, requests are generated
 * from its zod schemas (a valid-looking sample, then each field replaced by NUL text, int4 and
 * float boundaries, extreme dates, unknown ids, wrong types), with unknown and real ids in the
 * path, as anonymous and as a province admin. It fails on any 5xx, on any error outside the one
 * shape, and on any row written by a rejected request (row counts of every table compared).
 */

type Def = { type: string; [k: string]: any };
const defOf = (s: z.ZodType): Def => (s as any).def;

const NUL = 'a\u0000b';
const STRING_CANDIDATES = ['Nguyễn Văn A', 'A', 'AB', 'ABC123', 'abc', 'tinh.quantri', '0912345678', '012345678901', '2026-03-02', '2026-03-02T08:00:00+07:00', '08:00', 'https://8.8.8.8/hook', 'a@b.vn', 'ABC123XY', 'K1234567'];
const BAD_VALUES: unknown[] = [NUL, 2 ** 31, -(2 ** 31) - 1, 1e308, -1, 0, 1.5, '0000-01-01', '0001-01-01T00:00:00Z', '9999-12-31', randomUUID(), 'x'.repeat(20_000), null, true, {}, [], ''];

/** A value the schema probably accepts (best effort: refinements may still refuse it). */
function sample(schema: z.ZodType, depth = 0): unknown {
  const d = defOf(schema);
  if (depth > 8) return undefined;
  switch (d.type) {
    case 'object':
      return Object.fromEntries(Object.entries(d.shape as Record<string, z.ZodType>).map(([k, v]) => [k, sample(v, depth + 1)]).filter(([, v]) => v !== undefined));
    case 'optional':
      return sample(d.innerType, depth + 1);
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return sample(d.innerType, depth + 1);
    case 'pipe':
      return sample(d.in, depth + 1);
    case 'array': {
      const one = sample(d.element, depth + 1);
      return one === undefined ? [] : [one];
    }
    case 'union':
      return sample(d.options[0], depth + 1);
    case 'enum':
      return Object.values(d.entries)[0];
    case 'literal':
      return d.values[0];
    case 'boolean':
      return true;
    case 'number':
    case 'int':
      return [1, 5, 10, 30, 2026].find((n) => schema.safeParse(n).success) ?? 1;
    case 'string':
      if (d.format === 'uuid' || d.format === 'guid') return randomUUID();
      return STRING_CANDIDATES.find((c) => schema.safeParse(c).success) ?? 'A';
    case 'record':
      return {};
    default:
      return undefined;
  }
}

/** Paths of the leaves of a sample, to replace one at a time. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.length ? value.flatMap((v, i) => leaves(v, [...path, i])) : [path];
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length ? entries.flatMap(([k, v]) => leaves(v, [...path, k])) : [path];
  }
  return [path];
}
function replaced(value: unknown, path: (string | number)[], by: unknown): unknown {
  if (!path.length) return by;
  const copy: any = Array.isArray(value) ? [...value] : { ...(value as object) };
  copy[path[0]!] = replaced(copy[path[0]!], path.slice(1), by);
  return copy;
}

/** Deterministic pick so a failure can be replayed. */
let seedN = 42;
const rand = () => ((seedN = (seedN * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

describe('fuzz over the contract route table', () => {
  let stack: Stack;
  let admin = '';
  const real: Record<string, string> = {};
  let snapshotSql = '';

  beforeAll(async () => {
    stack = await startStack();
    const accounts = await seed(stack);
    admin = await signIn(stack, 'tinh.quantri', accounts.find((a) => a.username === 'tinh.quantri')!.password);
    const sql = stack.database.sql;
    const one = async (q: string) => ((await sql.unsafe(q))[0]?.id as string | undefined) ?? randomUUID();
    Object.assign(real, {
      centers: await one('select id from centers limit 1'),
      units: await one('select id from administrative_units limit 1'),
      services: await one('select id from services limit 1'),
      counters: await one('select id from counters limit 1'),
      staff: await one("select id from staff where username <> 'tinh.quantri' limit 1"),
      procedures: await one('select id from procedures limit 1'),
      dossiers: await one('select id from dossiers limit 1'),
      agencies: await one('select id from agencies limit 1'),
      'priority-categories': await one('select id from priority_categories limit 1'),
      devices: await one('select id from devices limit 1'),
    });
    // Every table but the realtime outbox: a transport queue the relay drains after an earlier, accepted request.
    const tables = await sql`select tablename from pg_tables where schemaname = 'public' and tablename not like '__drizzle%' and tablename <> 'realtime_outbox' order by 1`;
    snapshotSql = `select ${tables.map((t) => `(select count(*) from "${t.tablename}")::int as "${t.tablename}"`).join(', ')}`;
  }, 120_000);
  afterAll(() => stack?.stop());

  it('no 5xx, every error in the one shape, nothing written by a rejected request', async () => {
    const started = Date.now();
    const table = Object.entries(routes as Record<string, RouteDef>);
    const errorCodes = new Set<string>(Object.values(ErrorCode));
    const failures: string[] = [];
    let requests = 0;
    let fiveHundreds = 0;
    const snapshot = async () => (await stack.database.sql.unsafe(snapshotSql))[0] as Record<string, number>;

    const fill = (def: RouteDef, how: 'unknown' | 'real' | 'bad' | 'nul') =>
      def.path.replace(/:(\w+)/g, (_, name: string, offset: number) => {
        if (how === 'bad') return 'not-an-id';
        if (how === 'nul') return '%00';
        if (name === 'date') return '2026-05-01';
        if (name === 'code' || name === 'token' || name === 'event' || name === 'channel' || name === 'language') return how === 'real' ? 'vi' : 'ZZ999';
        if (how === 'unknown') return randomUUID();
        const before = def.path.slice(0, offset).split('/').filter(Boolean);
        const owner = name === 'id' ? before[before.length - 1]! : `${name.replace(/Id$/, '')}s`;
        return real[owner] ?? real[`${name.replace(/Id$/, '')}s`] ?? randomUUID();
      });

    for (const [name, def] of table) {
      if (def.path === '/auth/sign-out') continue; // would end the admin's session mid-run
      const bodySample = def.body ? sample(def.body) : undefined;
      const querySample = def.query ? (sample(def.query) as Record<string, unknown>) : undefined;
      type Case = { path: string; query?: Record<string, unknown>; body?: unknown; raw?: string };
      const cases: Case[] = [];
      for (const how of ['real', 'unknown', 'bad', 'nul'] as const) cases.push({ path: fill(def, how), query: querySample, body: bodySample });
      const realPath = fill(def, 'real');
      if (bodySample !== undefined) {
        const paths = leaves(bodySample);
        for (const p of paths) for (const bad of BAD_VALUES) if (rand() < Math.min(1, 24 / (paths.length * BAD_VALUES.length))) cases.push({ path: realPath, query: querySample, body: replaced(bodySample, p, bad) });
        cases.push({ path: realPath, raw: '{"broken' }, { path: realPath, body: [] }, { path: realPath, body: NUL });
      }
      if (querySample) for (const key of Object.keys(def.query ? defOf(def.query).shape ?? {} : {})) for (const bad of [NUL, '0000-01-01', '99999999999', 'x'.repeat(3000)]) cases.push({ path: realPath, body: bodySample, query: { ...querySample, [key]: bad } });

      for (const actor of ['anonymous', 'admin'] as const) {
        // The counts after a rejected request are the counts before the next one.
        let before = await snapshot();
        for (const c of cases) {
          const qs = c.query ? `?${new URLSearchParams(Object.entries(c.query).filter(([, v]) => v !== undefined).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)]))}` : '';
          const res = await fetch(`${stack.baseUrl}/api${c.path}${qs}`, {
            method: def.method,
            // A browser-facing route (the citizen sign-in callback) answers with a redirect: that answer is what is checked, not the page it leads to.
            redirect: 'manual',
            headers: { 'content-type': 'application/json', 'accept-language': 'en', ...(actor === 'admin' ? { cookie: admin } : {}) },
            body: def.method === 'GET' || def.method === 'DELETE' ? undefined : (c.raw ?? JSON.stringify(c.body ?? {})),
          });
          requests++;
          const text = await res.text();
          const what = `${actor} ${def.method} ${c.path}${qs.slice(0, 200)} ${c.raw ?? JSON.stringify(c.body)?.slice(0, 300)} → ${res.status} ${text.slice(0, 300)}`;
          if (res.status >= 500) {
            fiveHundreds++;
            failures.push(`5xx (${name}): ${what}`);
            before = await snapshot();
            continue;
          }
          if (res.status >= 400) {
            let body: any;
            try {
              body = JSON.parse(text);
            } catch {
              body = undefined;
            }
            const shaped = body && Object.keys(body).length === 1 && body.error && errorCodes.has(body.error.code) && typeof body.error.message === 'string' && body.error.message.length > 0;
            if (!shaped) failures.push(`shape (${name}): ${what}`);
            const after = await snapshot();
            const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
            if (changed.length) failures.push(`rejected but wrote ${changed.join(', ')} (${name}): ${what}`);
            before = after;
          } else before = await snapshot();
        }
      }
    }
    const seconds = Math.round((Date.now() - started) / 1000);
    console.log(`fuzz: ${table.length} operations, ${requests} requests, ${fiveHundreds} answers 5xx, ${failures.length} failures, ${seconds} s`);
    expect(failures.slice(0, 40)).toEqual([]);
    expect(requests).toBeGreaterThan(table.length * 8);
  }, 240_000);
});
