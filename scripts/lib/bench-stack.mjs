import os from 'node:os';
import path from 'node:path';
import { freePort, startPostgres, startRedis } from './infra.mjs';

/** Every day open, all day: a bench measures load, not opening hours. */
const ALL_DAY = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ start: '00:00', end: '23:59' }]]));

/**
 * A bench's own PostgreSQL and Redis on free ports, one database with the demo seed, and the
 * demo center TT-32002 open all day. `stop()` removes all of it.
 */
export async function startBenchStack(name) {
  const tmp = path.join(os.tmpdir(), `motcua-bench-${name}-${process.pid}`);
  const pg = await startPostgres({ dir: path.join(tmp, 'pg'), port: await freePort(), persistent: false });
  const redis = await startRedis({ dir: path.join(tmp, 'redis'), port: await freePort() });
  const { prepareTemplate, createTestDatabase } = await import('@motcua/db/testing');
  const { seedDemo } = await import('@motcua/db');
  const template = `bench_${name}_template`;
  process.env.MOTCUA_TEST_PG_URL = pg.url;
  process.env.MOTCUA_TEST_TEMPLATE = template;
  await prepareTemplate(pg.url, template);
  const database = await createTestDatabase();
  const seeded = await seedDemo(database.db);
  const admin = seeded.accounts.find((a) => a.role === 'admin');
  const [center] = await database.sql`select id from centers where code = 'TT-32002'`;
  await database.sql`update centers set opening_hours = ${JSON.stringify(ALL_DAY)}::jsonb where id = ${center.id}`;
  const stop = async () => {
    await database.drop();
    await redis.stop();
    await pg.stop();
  };
  return { pg, redis, database, admin, center, stop };
}

/** Signs the admin in and pairs a kiosk at the center: the cookies a bench's staff and kiosk requests carry. */
export async function pairKiosk(http, admin, centerId) {
  const signIn = await http('POST', '/api/auth/sign-in', { body: { username: admin.username, password: admin.password } });
  const staffCookie = signIn.headers['set-cookie'][0].split(';')[0];
  const device = JSON.parse((await http('POST', `/api/centers/${centerId}/devices`, { cookie: staffCookie, body: { kind: 'kiosk', name: 'Ki-ốt đo tải' } })).body);
  const paired = await http('POST', '/api/devices/pair', { body: { code: device.pairingCode } });
  return { staffCookie, kioskCookie: paired.headers['set-cookie'][0].split(';')[0] };
}
