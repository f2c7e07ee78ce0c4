import { describe, expect, it } from 'vitest';
import { ApiError, createApiClient, NetworkError } from './api-client.js';

const respond = (status: number, body: unknown) => async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('createApiClient', () => {
  it('returns JSON on success and sends the locale', async () => {
    let seen: RequestInit | undefined;
    const client = createApiClient({ locale: () => 'en', fetchImpl: (async (_url: string, init: RequestInit) => ((seen = init), new Response('{"a":1}', { status: 200 }))) as typeof fetch });
    expect(await client.request('GET', '/x')).toEqual({ a: 1 });
    expect((seen!.headers as Record<string, string>)['accept-language']).toBe('en');
  });

  it('maps the error shape, with field errors keyed by field', async () => {
    const client = createApiClient({ fetchImpl: respond(400, { error: { code: 'VALIDATION_FAILED', message: 'Dữ liệu chưa hợp lệ', details: [{ path: 'body.username', message: 'Hãy nhập tên đăng nhập' }] } }) as typeof fetch });
    const err = (await client.request('POST', '/x', { body: {} }).catch((e: unknown) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.status).toBe(400);
    expect(err.fieldErrors).toEqual({ username: 'Hãy nhập tên đăng nhập' });
  });

  it('turns an unreachable server into a NetworkError, and a non-JSON error into an ApiError', async () => {
    const down = createApiClient({ fetchImpl: (async () => { throw new TypeError('fetch failed'); }) as typeof fetch });
    await expect(down.request('GET', '/x')).rejects.toBeInstanceOf(NetworkError);
    const proxy = createApiClient({ fetchImpl: (async () => new Response('<html>Bad gateway</html>', { status: 502 })) as typeof fetch });
    await expect(proxy.request('GET', '/x')).rejects.toMatchObject({ status: 502, code: 'UNKNOWN' });
  });
});

describe('fillPath', () => {
  it('fills route parameters, encoded, and refuses a missing one', async () => {
    const { fillPath } = await import('./api-client.js');
    expect(fillPath('/centers/:centerId/assignments', { centerId: 'a b' })).toBe('/centers/a%20b/assignments');
    expect(() => fillPath('/staff/:id', {})).toThrow(/missing path parameter id/);
  });
});

describe('call', () => {
  it('takes method, path and answer schema from the route, and fills, encodes and queries', async () => {
    const { defineRoute } = await import('@motcua/contracts');
    const { z } = await import('zod');
    const route = defineRoute({
      method: 'POST', path: '/centers/:centerId/things', summary: 's', tag: 't', access: { kind: 'public', rateLimit: { limit: 1, windowSeconds: 1 } },
      params: z.object({ centerId: z.string() }), query: z.object({ page: z.number().optional(), q: z.string().optional() }),
      body: z.object({ name: z.string() }), response: z.object({ id: z.string() }),
    });
    let url = '';
    let init: RequestInit | undefined;
    const client = createApiClient({ fetchImpl: (async (u: string, i: RequestInit) => ((url = u), (init = i), new Response('{"id":"1","extra":true}', { status: 201 }))) as typeof fetch });
    const out = await client.call(route, { params: { centerId: 'a/b' }, query: { page: 2, q: '' }, body: { name: 'x' } });
    expect(url).toBe('/api/centers/a%2Fb/things?page=2');
    expect(init!.method).toBe('POST');
    expect(init!.body).toBe('{"name":"x"}');
    // The answer is read through the route's own schema.
    expect(out).toEqual({ id: '1' });
    // @ts-expect-error the route needs its params and its body
    expect(() => client.call(route)).toThrow(/missing path parameter centerId/);
    const wrong = createApiClient({ fetchImpl: respond(200, { id: 1 }) as typeof fetch });
    await expect(wrong.call(route, { params: { centerId: 'c' }, body: { name: 'x' } })).rejects.toThrow(/expected string/);
  });
});

describe('call with a multipart form, and url', () => {
  it('sends a FormData body as it is, and builds links from the route', async () => {
    const { defineRoute } = await import('@motcua/contracts');
    const { z } = await import('zod');
    const upload = defineRoute({
      method: 'POST', path: '/files/:index', summary: 's', tag: 't', access: { kind: 'public', rateLimit: { limit: 1, windowSeconds: 1 } },
      params: z.object({ index: z.coerce.number() }), query: z.object({ returnTo: z.string().optional() }), response: z.object({ ok: z.boolean() }),
    });
    let init: RequestInit | undefined;
    const client = createApiClient({ fetchImpl: (async (_u: string, i: RequestInit) => ((init = i), new Response('{"ok":true}', { status: 201 }))) as typeof fetch });
    const form = new FormData();
    form.append('file', new Blob(['x']), 'a.png');
    expect(await client.call(upload, { params: { index: 2 }, body: form })).toEqual({ ok: true });
    expect(init!.body).toBe(form);
    // The browser sets the multipart content type with its boundary.
    expect((init!.headers as Record<string, string>)['content-type']).toBeUndefined();
    expect(client.url(upload, { params: { index: 1 }, query: { returnTo: '/portal/a b' } })).toBe('/api/files/1?returnTo=%2Fportal%2Fa+b');
  });
});
