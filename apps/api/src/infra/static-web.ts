import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';

const apps = [
  { base: '/backoffice', dir: 'backoffice' },
  { base: '/analytics', dir: 'analytics' },
  { base: '', dir: 'display' },
];

/**
 * Serves the built SPAs in `npm start` mode (nginx does it in docker): hashed
 * assets cached for a year, index.html never cached, and history-mode fallback
 * that leaves /api and /socket.io alone. Returns the apps it found.
 */
export function mountWeb(app: Express, webRoot: string): string[] {
  const mounted: string[] = [];
  for (const { base, dir } of apps) {
    const dist = path.join(webRoot, dir, 'dist');
    const index = path.join(dist, 'index.html');
    if (!existsSync(index)) continue;
    mounted.push(dir);
    app.use(base || '/', express.static(dist, { index: false, maxAge: '1y', immutable: true }));
    app.use((req, res, next) => {
      const inside = base === '' || req.path === base || req.path.startsWith(`${base}/`);
      if (req.method !== 'GET' || !inside || req.path.startsWith('/api/') || req.path === '/api' || req.path.startsWith('/socket.io')) return next();
      if (!req.accepts('html')) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  }
  return mounted;
}
