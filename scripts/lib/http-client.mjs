// The benchmarks' HTTP client: keep-alive sockets without fetch's per-request overhead, so the load client is not the bottleneck.
import http from 'node:http';

/** A client for one base URL with up to `sockets` connections; resolves { status, headers, body } and never throws on 4xx/5xx. */
export function httpClient(base, { sockets = 64, keepAlive = true } = {}) {
  const agent = new http.Agent({ keepAlive, maxSockets: sockets });
  return function request(method, pathname, { body, cookie } = {}) {
    return new Promise((resolve, reject) => {
      const data = body === undefined ? undefined : JSON.stringify(body);
      const headers = { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...(data ? { 'content-length': Buffer.byteLength(data) } : {}) };
      const req = http.request(`${base}${pathname}`, { method, agent, headers }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }));
      });
      req.on('error', reject);
      if (data) req.write(data);
      req.end();
    });
  };
}
