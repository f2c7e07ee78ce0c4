import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startStack, type Stack } from './harness.js';

/** A WEB_ROOT with the three SPAs' dist folders, each index naming its app. */
function webRoot(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'motcua-web-'));
  for (const app of ['display', 'backoffice', 'analytics']) {
    mkdirSync(path.join(root, app, 'dist', 'assets'), { recursive: true });
    writeFileSync(path.join(root, app, 'dist', 'index.html'), `<!doctype html><title>${app}</title>`);
    writeFileSync(path.join(root, app, 'dist', 'assets', `${app}-abc123.js`), `console.log('${app}')`);
  }
  return root;
}

describe('serving the built web apps beside the API (WEB_ROOT)', () => {
  let stack: Stack;
  let root = '';
  const html = { accept: 'text/html,application/xhtml+xml' };
  const title = async (url: string) => (await (await fetch(`${stack.baseUrl}${url}`, { headers: html })).text()).match(/<title>(\w+)<\/title>/)?.[1];

  beforeAll(async () => {
    root = webRoot();
    stack = await startStack({ empty: true, env: { WEB_ROOT: root } });
  });
  afterAll(async () => {
    await stack?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves each app at its base, with history-mode fallback to its own index', async () => {
    expect(await title('/')).toBe('display');
    expect(await title('/kiosk/0196b0a4-1c2d-7e3f-8a9b-0c1d2e3f4a5b')).toBe('display');
    expect(await title('/backoffice/')).toBe('backoffice');
    expect(await title('/backoffice/centers/1/board')).toBe('backoffice');
    expect(await title('/analytics/')).toBe('analytics');
    expect(await title('/analytics/communes')).toBe('analytics');
  });

  it('serves hashed assets for a long time and index.html never from cache', async () => {
    const asset = await fetch(`${stack.baseUrl}/backoffice/assets/backoffice-abc123.js`);
    expect(await asset.text()).toBe("console.log('backoffice')");
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${stack.baseUrl}/backoffice/x`, { headers: html })).headers.get('cache-control')).toBe('no-cache');
  });

  it('never shadows /api or /socket.io', async () => {
    const unknown = await fetch(`${stack.baseUrl}/api/not-a-route`, { headers: html });
    expect(unknown.status).toBe(404);
    expect((await json(unknown)).error.code).toBe('NOT_FOUND');
    expect((await fetch(`${stack.baseUrl}/api/health`, { headers: html })).headers.get('content-type')).toContain('application/json');
    const handshake = await fetch(`${stack.baseUrl}/socket.io/?EIO=4&transport=polling`, { headers: html });
    expect(handshake.status).toBe(200);
    expect(await handshake.text()).toMatch(/^0\{"sid":/);
  });
});
