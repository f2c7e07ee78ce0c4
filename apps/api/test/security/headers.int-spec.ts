import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../harness.js';

/**
 * #15 item 7: under `npm start` there was no CSP, frame-ancestors/X-Frame-Options, nosniff or
 * Referrer-Policy; in docker/nginx.conf a location's own add_header dropped the server's; source
 * maps were served publicly. (The browser tests check that the three apps run under this CSP.)
 */
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

function expectSecurityHeaders(res: Response, where: string) {
  const h = (name: string) => res.headers.get(name);
  expect({ where, csp: h('content-security-policy') }).toEqual({ where, csp: expect.stringContaining("frame-ancestors 'self'") });
  expect(h('content-security-policy')).toContain("script-src 'self'");
  expect(h('content-security-policy')).toContain("object-src 'none'");
  expect(h('content-security-policy')).not.toMatch(/script-src[^;]*unsafe/);
  expect({ where, xfo: h('x-frame-options'), nosniff: h('x-content-type-options'), referrer: h('referrer-policy') }).toEqual({ where, xfo: 'SAMEORIGIN', nosniff: 'nosniff', referrer: 'strict-origin-when-cross-origin' });
}

describe('security headers on every answer, no public source maps', () => {
  let stack: Stack;
  let root = '';

  beforeAll(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'motcua-web-'));
    for (const app of ['display', 'backoffice', 'analytics']) {
      mkdirSync(path.join(root, app, 'dist', 'assets'), { recursive: true });
      writeFileSync(path.join(root, app, 'dist', 'index.html'), `<!doctype html><title>${app}</title>`);
      writeFileSync(path.join(root, app, 'dist', 'assets', `${app}-abc123.js`), `console.log('${app}')`);
    }
    stack = await startStack({ empty: true, env: { WEB_ROOT: root } });
  });
  afterAll(async () => {
    await stack?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('the API, its errors, its docs and the apps it serves under npm start carry the headers', async () => {
    const html = { accept: 'text/html' };
    for (const [url, headers] of [
      ['/api/health', {}],
      ['/api/auth/me', {}],
      ['/api/no-such-route', {}],
      ['/api/docs', html],
      ['/', html],
      ['/kiosk/0196b0a4-1c2d-7e3f-8a9b-0c1d2e3f4a5b', html],
      ['/backoffice/', html],
      ['/analytics/communes', html],
      ['/assets/display-abc123.js', {}],
    ] as const) {
      const res = await fetch(`${stack.baseUrl}${url}`, { headers });
      expect(res.status).toBeLessThan(500);
      expectSecurityHeaders(res, url);
    }
  });

  it('the built apps ship no source maps', () => {
    for (const app of ['display', 'backoffice', 'analytics']) {
      const config = readFileSync(path.join(repo, 'apps', app, 'vite.config.ts'), 'utf8');
      expect({ app, sourcemap: /sourcemap:\s*true/.test(config) }).toEqual({ app, sourcemap: false });
      const assets = path.join(repo, 'apps', app, 'dist', 'assets');
      if (existsSync(assets)) expect({ app, maps: readdirSync(assets).filter((f) => f.endsWith('.map')) }).toEqual({ app, maps: [] });
    }
  });

  it('in nginx every location that adds a header repeats the security headers, and maps are not served', () => {
    const nginx = readFileSync(path.join(repo, 'docker/nginx.conf'), 'utf8');
    const snippet = readFileSync(path.join(repo, 'docker/nginx-security-headers.conf'), 'utf8');
    for (const header of ['Content-Security-Policy', 'X-Frame-Options', 'X-Content-Type-Options', 'Referrer-Policy']) expect(snippet).toContain(`add_header ${header}`);
    expect(snippet).toContain("frame-ancestors 'self'");
    const locations = [...nginx.matchAll(/location\s+([^{]+)\{([^}]*)\}/g)].map((m) => ({ where: m[1]!.trim(), body: m[2]! }));
    expect(locations.length).toBeGreaterThan(4);
    for (const l of locations.filter((x) => /add_header/.test(x.body))) expect({ where: l.where, included: l.body.includes('include /etc/nginx/motcua-security-headers.conf;') }).toEqual({ where: l.where, included: true });
    expect(nginx).toMatch(/location ~ \\\.map\$ \{\s*return 404;/);
    expect(readFileSync(path.join(repo, 'docker/Dockerfile'), 'utf8')).toContain('COPY docker/nginx-security-headers.conf /etc/nginx/motcua-security-headers.conf');
  });
});
