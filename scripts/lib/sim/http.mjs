// A tiny HTTP client for the simulator: one cookie jar per simulated person or device.

/** An answer of the API in its one error shape ({ error: { code, message, details } }). */
export class ApiCallError extends Error {
  constructor(status, code, message, details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/**
 * Every request in flight is tracked, so stopping can wait for them to finish
 * instead of cutting them off half-way.
 */
export function createHttp(baseUrl, { onRequest = () => {} } = {}) {
  const inFlight = new Set();
  const root = baseUrl.replace(/\/+$/, '') + '/api';

  async function send(jar, method, path, body) {
    const headers = { 'accept-language': 'en' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const cookie = [...jar.entries()].map(([k, v]) => `${k}=${v}`).join('; ');
    if (cookie) headers.cookie = cookie;
    onRequest();
    const res = await fetch(root + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(30_000) });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      jar.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
    }
    const text = await res.text();
    const data = text ? safeJson(text) : null;
    if (!res.ok) {
      const e = data?.error;
      throw new ApiCallError(res.status, e?.code ?? `HTTP_${res.status}`, e?.message ?? `${method} ${path} answered ${res.status}`, e?.details);
    }
    return data;
  }

  /** A client with its own cookies: a signed-in person, a paired kiosk, or an anonymous citizen. */
  function client(initialCookies = {}) {
    const jar = new Map(Object.entries(initialCookies));
    const call = (method, path, body) => {
      const p = send(jar, method, path, body);
      inFlight.add(p);
      const forget = () => inFlight.delete(p);
      p.then(forget, forget);
      return p;
    };
    return {
      jar,
      get: (path) => call('GET', path),
      post: (path, body) => call('POST', path, body),
      put: (path, body) => call('PUT', path, body),
      patch: (path, body) => call('PATCH', path, body),
    };
  }

  return {
    client,
    /** Resolves once every request started so far has settled. */
    async drain() {
      while (inFlight.size) await Promise.allSettled(inFlight);
    },
  };
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
