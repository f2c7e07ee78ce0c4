import { createRequire } from 'node:module';
import path from 'node:path';
import { routes } from '@motcua/contracts';
import express, { type Express } from 'express';
import { buildOpenApi } from './openapi.js';

const swaggerDir = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const page = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Một Cửa API</title><link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="docs"></div><script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;

/** Documentation is static, so it is served beside the API routes rather than through the route table. */
export function mountDocs(app: Express, info: { version: string; serverUrl: string }): void {
  const spec = buildOpenApi(routes, info);
  app.get('/api/docs/openapi.json', (_req, res) => res.json(spec));
  app.get('/api/docs/init.js', (_req, res) => res.type('js').send(`SwaggerUIBundle({ url: '/api/docs/openapi.json', dom_id: '#docs', deepLinking: true });`));
  app.use('/api/docs/assets', express.static(swaggerDir, { index: false, maxAge: '7d' }));
  app.get(['/api/docs', '/api/docs/'], (_req, res) => res.type('html').send(page));
}
