import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSystemStore } from './system.js';

const health = (redis: 'up' | 'down') => ({
  status: redis === 'up' ? 'ok' : 'degraded',
  version: '0.1.0',
  uptimeSeconds: 60,
  checks: { postgres: { status: 'up', latencyMs: 1 }, redis: redis === 'up' ? { status: 'up', latencyMs: 1 } : { status: 'down', error: 'no answer within 1000 ms' } },
});

describe('useSystemStore', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => vi.unstubAllGlobals());

  it('keeps a degraded health answer (HTTP 503) as data, not as an error', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(health('down')), { status: 503 })));
    const store = useSystemStore();
    await store.refresh();
    expect(store.error).toBeNull();
    expect(store.health?.checks.redis.status).toBe('down');
  });

  it('reports an unreachable API as an error', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('fetch failed'); }));
    const store = useSystemStore();
    await store.refresh();
    expect(store.health).toBeNull();
    expect(store.error).toBeInstanceOf(Error);
  });

  it('times the self-test hops from the pong', async () => {
    const ping = { id: '0196b0a4-1c2d-7e3f-8a9b-0c1d2e3f4a5b', message: 'x', createdAt: '2026-11-22T10:00:00.000Z', processedAt: null };
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(ping), { status: 201 })));
    const store = useSystemStore();
    const result = await store.selfTest(async (id) => ({ ...ping, id, processedAt: '2026-11-22T10:00:00.040Z' }));
    expect(result.processedMs).toBe(40);
    expect(result.receivedMs).toBeGreaterThanOrEqual(result.acceptedMs);
  });

  it('gives up after the timeout', async () => {
    const ping = { id: '0196b0a4-1c2d-7e3f-8a9b-0c1d2e3f4a5b', message: 'x', createdAt: '2026-11-22T10:00:00.000Z', processedAt: null };
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(ping), { status: 201 })));
    const store = useSystemStore();
    await expect(store.selfTest(() => new Promise(() => {}), 20)).rejects.toThrow('timeout');
  });
});
