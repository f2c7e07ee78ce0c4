import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed, signIn, startStack, type Stack } from '../harness.js';

/**
 * #15 item 5: with TRUST_PROXY=true behind nginx's `$proxy_add_x_forwarded_for`, req.ip was the
 * left-most, client-written X-Forwarded-For: every per-address limit was escaped and audit entries
 * carried invented addresses. The API now trusts exactly the hops deployed (TRUST_PROXY=1, as the
 * shipped compose and k8s files set it), and nginx passes only the address it saw.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

describe('a client cannot choose its own address', () => {
  let stack: Stack;
  let admin = '';

  beforeAll(async () => {
    stack = await startStack({ env: { TRUST_PROXY: '1' } });
    const accounts = await seed(stack);
    admin = await signIn(stack, 'tinh.quantri', accounts.find((a) => a.username === 'tinh.quantri')!.password);
  });
  afterAll(() => stack?.stop());

  // What the proxy forwards when the client wrote its own X-Forwarded-For: "<invented>, <address nginx saw>".
  const viaProxy = (invented: string) => ({ 'x-forwarded-for': `${invented}, 203.0.113.7` });

  it('rotating an invented X-Forwarded-For does not escape a per-address limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await fetch(`${stack.baseUrl}/api/devices/pair`, { method: 'POST', headers: { 'content-type': 'application/json', ...viaProxy(`6.6.6.${i}`) }, body: JSON.stringify({ code: 'ZZZZ99' }) });
      statuses.push(res.status);
    }
    // 10 a minute per address: the 11th is refused although every request "came from" elsewhere.
    expect(statuses.slice(0, 10).every((s) => s !== 429)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    // Another real address (what the proxy saw) still gets through.
    const other = await fetch(`${stack.baseUrl}/api/devices/pair`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.8' }, body: JSON.stringify({ code: 'ZZZZ99' }) });
    expect(other.status).not.toBe(429);
  });

  it('health and the VNPay notice, public too, are limited per address (600 a minute): a flood is refused, other addresses are not', async () => {
    const flood = async (route: string, address: string) => {
      const statuses: number[] = [];
      for (let batch = 0; batch < 30; batch++) {
        const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(`${stack.baseUrl}${route}`, { headers: { 'x-forwarded-for': address } })));
        statuses.push(...answers.map((r) => r.status));
      }
      return statuses;
    };
    for (const route of ['/api/health', '/api/payments/vnpay/ipn']) {
      const address = route === '/api/health' ? '203.0.113.60' : '203.0.113.61';
      expect((await flood(route, address)).filter((s) => s === 429)).toEqual([]);
      const over = await fetch(`${stack.baseUrl}${route}`, { headers: { 'x-forwarded-for': address } });
      expect(over.status).toBe(429);
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
      const other = await fetch(`${stack.baseUrl}${route}`, { headers: { 'x-forwarded-for': '203.0.113.62' } });
      expect(other.status).not.toBe(429);
    }
  });

  it('the audit log records the address the proxy saw, not the invented one', async () => {
    const res = await fetch(`${stack.baseUrl}/api/calendar/days/2026-11-20`, { method: 'PUT', headers: { cookie: admin, 'content-type': 'application/json', ...viaProxy('6.6.6.6') }, body: JSON.stringify({ kind: 'holiday', name: 'Ngày Nhà giáo (thử)' }) });
    expect(res.status).toBe(200);
    const rows = await stack.database.sql`select ip from audit_log order by at desc limit 1`;
    expect(rows[0]?.ip).toBe('203.0.113.7');
  });

  it('the shipped nginx forwards the address it saw and the API is told to trust one hop', () => {
    const nginx = readFileSync(path.join(root, 'docker/nginx.conf'), 'utf8');
    const forwarded = [...nginx.matchAll(/X-Forwarded-For\s+([^;]+);/g)].map((m) => m[1]);
    expect(forwarded.length).toBeGreaterThan(0);
    expect(new Set(forwarded)).toEqual(new Set(['$remote_addr']));
    expect(readFileSync(path.join(root, 'docker/compose.yml'), 'utf8')).toMatch(/TRUST_PROXY: "1"/);
    expect(readFileSync(path.join(root, 'docker/k8s/base/config.env'), 'utf8')).toMatch(/^TRUST_PROXY=1$/m);
  });
});
