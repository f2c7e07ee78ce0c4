import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ensureDemoPki } from '@motcua/documents';
import { fileURLToPath } from 'node:url';
import { seedDemo, seedHistory } from '@motcua/db';
import { createTestDatabase } from '@motcua/db/testing';
// Plain-JS helpers shared with `npm start`.
import { freePort } from '../../scripts/lib/infra.mjs';
import { startApp, waitForHttp } from '../../scripts/lib/proc.mjs';
import { startPaymentSandbox } from '../../scripts/lib/payment-sandbox.mjs';
import { citizensWithDossiers, startOidcDevProvider } from '../../scripts/lib/oidc-dev-provider.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs the real stack (API serving the built apps + worker) on a cloned database with the demo seed. */
export default async function globalSetup() {
  const redisUrl = process.env.MOTCUA_TEST_REDIS_URL;
  if (!redisUrl || !process.env.MOTCUA_TEST_PG_URL) throw new Error('Run browser tests through `npm test` (it provides PostgreSQL and Redis).');
  const database = await createTestDatabase();
  const seeded = await seedDemo(database.db);
  // A modest year of history (before today, so today's queues stay the tests' own): screenshots show data.
  await seedHistory(database, { dossiers: 2000, seed: 1 });
  // Browser tests run at any hour; kiosks refuse tickets outside opening hours, so the test centers never close.
  const allDay = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ start: '00:00', end: '23:59' }]]));
  await database.sql`update centers set opening_hours = ${JSON.stringify(allDay)}::jsonb`;
  // The floor is staffed: the kiosk issues only for services an open counter serves (#18 item 1).
  await database.sql`update counters set state = 'open'`;

  // Signing keys for the e-results of An Xuyên (one agency: keys take a while to make on a busy machine).
  const pkiDir = await mkdtemp(path.join(os.tmpdir(), 'e2e-pki-'));
  const agencies = await database.sql`select id, code, name from agencies where code = 'UBND-32002'`;
  await ensureDemoPki(pkiDir, agencies.map((a) => ({ agencyId: a.id as string, agencyCode: a.code as string, agencyName: a.name as string })), { log: () => {} });

  const port = await freePort();
  // The local VNPay sandbox: the citizen pays there, its IPN comes back to this stack.
  const sandbox = await startPaymentSandbox({ ipnUrl: `http://127.0.0.1:${port}/api/payments/vnpay/ipn` });
  // Citizen sign-in against the same local identity provider as `npm start`; its citizens own seeded dossiers.
  const callback = `http://127.0.0.1:${port}/api/citizen/auth/callback`;
  const citizens = await citizensWithDossiers(database.sql);
  const oidc = await startOidcDevProvider({ citizens, clients: [{ clientId: 'motcua-e2e', clientSecret: 'e2e-client-secret-0123456789', redirectUris: [callback] }] });
  const env = {
    ...process.env,
    ...sandbox.env(),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    NODE_ENV: 'production',
    DATABASE_URL: database.url,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: `e2e${port}`,
    PORT: String(port),
    WORKER_HEALTH_PORT: String(await freePort()),
    WEB_ROOT: path.join(root, 'apps'),
    LOG_LEVEL: 'warn',
    RUN_MIGRATIONS: 'true',
    // Alerts of dossiers a test inserts arrive within seconds, not the production 5 minutes.
    ALERT_SWEEP_EVERY_MS: '2000',
    SIGNER_PKCS12_DIR: pkiDir,
    FILES_DIR: path.join(pkiDir, 'files'),
    OIDC_ISSUER: oidc.issuer,
    OIDC_CLIENT_ID: 'motcua-e2e',
    OIDC_CLIENT_SECRET: 'e2e-client-secret-0123456789',
    OIDC_REDIRECT_URI: callback,
  };
  const api = startApp('api', path.join(root, 'apps/api/dist/main.js'), env, { quiet: true });
  const worker = startApp('worker', path.join(root, 'apps/worker/dist/main.js'), env, { quiet: true });
  const baseUrl = `http://127.0.0.1:${port}`;
  if (!(await waitForHttp(`${baseUrl}/api/health`, api, 60_000))) {
    await Promise.all([api.stop(), worker.stop(), oidc.stop(), sandbox.stop()]);
    throw new Error(`API did not start:\n${api.tail()}`);
  }
  process.env.E2E_BASE_URL = baseUrl;
  // Browser tests may prepare rows the UI under test does not create (e.g. a ticket being served).
  process.env.E2E_DATABASE_URL = database.url;
  process.env.E2E_ACCOUNTS = JSON.stringify(seeded.created ? seeded.accounts : []);
  process.env.E2E_CITIZENS = JSON.stringify(citizens);

  return async () => {
    await Promise.all([api.stop(), worker.stop(), oidc.stop(), sandbox.stop()]);
    await database.drop();
  };
}
