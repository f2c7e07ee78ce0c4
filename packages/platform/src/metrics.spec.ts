import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { isInternalAddress, mayScrape } from './metrics.js';

const request = (remoteAddress: string, headers: Record<string, string> = {}) => ({ headers, socket: { remoteAddress } }) as unknown as IncomingMessage;

describe('who may read /metrics', () => {
  it('the internal network is loopback, private and ULA addresses', () => {
    for (const a of ['127.0.0.1', '::1', '::ffff:10.1.2.3', '172.16.0.9', '172.31.255.1', '192.168.1.20', 'fd12::1']) expect(isInternalAddress(a), a).toBe(true);
    for (const a of ['8.8.8.8', '172.32.0.1', '100.64.0.1', '2001:db8::1', '::ffff:203.0.113.9', undefined]) expect(isInternalAddress(a), String(a)).toBe(false);
  });

  it('without a token: an internal peer that did not come through a proxy', () => {
    expect(mayScrape(request('10.0.0.5'), undefined)).toBe(true);
    expect(mayScrape(request('10.0.0.5', { 'x-forwarded-for': '203.0.113.9' }), undefined)).toBe(false);
    expect(mayScrape(request('10.0.0.5', { forwarded: 'for=203.0.113.9' }), undefined)).toBe(false);
    expect(mayScrape(request('203.0.113.9'), undefined)).toBe(false);
  });

  it('with a token: only the bearer of exactly that token, wherever it comes from', () => {
    const token = 'a-long-enough-metrics-token';
    expect(mayScrape(request('203.0.113.9', { authorization: `Bearer ${token}` }), token)).toBe(true);
    expect(mayScrape(request('127.0.0.1'), token)).toBe(false);
    expect(mayScrape(request('127.0.0.1', { authorization: `Bearer ${token}-` }), token)).toBe(false);
    expect(mayScrape(request('127.0.0.1', { authorization: token }), token)).toBe(false);
  });
});
