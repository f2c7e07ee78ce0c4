import { createRequire } from 'node:module';
import { startTracing } from '@motcua/platform/tracing';

// Tracing (only when an OTLP endpoint is configured) starts before the application is even loaded:
// its instrumentations patch http and express as they load.
try {
  await startTracing('motcua-api', createRequire(import.meta.url)('../package.json').version);
} catch (e) {
  process.stderr.write(`motcua-api: cannot start: tracing: ${(e as Error).message}\n`);
  process.exit(1);
}
await import('./server.js');
