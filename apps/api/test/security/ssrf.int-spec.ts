import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer } from 'node:net';
import { NO_ANSWER, OutboundRefused, postGuarded } from '@motcua/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, seed, signIn, startStack, type Stack } from '../harness.js';

/**
 * #15 item 4: webhooks to 127.0.0.1, localhost:6379, 169.254.169.254, [::1] and decimal IPs were
 * accepted, the worker posted to them following redirects, and the delivery log told whether a
 * port answered. The one outbound guard refuses them on save and again on send.
 */
describe('outbound URLs cannot reach the server’s own network', () => {
  let stack: Stack;
  let admin = '';
  let unitId = '';
  let receiver: Server;
  let receiverPort = 0;
  let silent: TcpServer;
  let silentPort = 0;
  const hits: string[] = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      hits.push(req.url ?? '');
      if (req.url === '/redirect') res.writeHead(302, { location: `http://127.0.0.1:${receiverPort}/landed` }).end();
      else res.writeHead(204).end();
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    receiverPort = (receiver.address() as AddressInfo).port;
    // A port that accepts the connection and closes it without a word (like Redis seeing HTTP).
    silent = createTcpServer((s) => s.destroy());
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    silentPort = (silent.address() as AddressInfo).port;
    stack = await startStack();
    const accounts = await seed(stack);
    admin = await signIn(stack, 'tinh.quantri', accounts.find((a) => a.username === 'tinh.quantri')!.password);
    const [unit] = await stack.database.sql`select id from administrative_units where code = '32002'`;
    unitId = unit!.id as string;
  });
  afterAll(async () => {
    receiver?.close();
    silent?.close();
    await stack?.stop();
  });

  it('saving a webhook into loopback, link-local, private or ULA space, or on another port, is a 400', async () => {
    const count = async () => (await stack.database.sql`select count(*)::int n from alert_webhooks`)[0]!.n as number;
    const before = await count();
    for (const url of [
      'http://127.0.0.1/alerts',
      'http://localhost:6379/',
      'http://169.254.169.254/latest/meta-data/',
      'http://[::1]/alerts',
      'http://2130706433/alerts',
      'http://0x7f.0.0.1/alerts',
      'http://10.1.2.3/alerts',
      'http://192.168.1.10/alerts',
      'http://[fd00::1]/alerts',
      'http://[::ffff:127.0.0.1]/alerts',
      'http://0.0.0.0/alerts',
      'https://8.8.8.8:6379/alerts',
    ]) {
      const res = await fetch(`${stack.baseUrl}/api/units/${unitId}/webhooks`, { method: 'POST', headers: { cookie: admin, 'content-type': 'application/json', 'accept-language': 'en' }, body: JSON.stringify({ url }) });
      const body = await json(res);
      expect({ url, status: res.status, code: body.error?.code, path: body.error?.details?.[0]?.path }).toEqual({ url, status: 400, code: 'VALIDATION_FAILED', path: 'body.url' });
    }
    expect(await count()).toBe(before);
    // A public address on a standard port is still fine.
    const ok = await fetch(`${stack.baseUrl}/api/units/${unitId}/webhooks`, { method: 'POST', headers: { cookie: admin, 'content-type': 'application/json' }, body: JSON.stringify({ url: 'https://8.8.8.8/alerts' }) });
    expect(ok.status).toBe(201);
  });

  it('sending refuses a private address before connecting, unless the administrator allows that host', async () => {
    hits.length = 0;
    const url = `http://127.0.0.1:${receiverPort}/hook`;
    await expect(postGuarded(url, {}, '{}', { allow: [] }, 2000)).rejects.toBeInstanceOf(OutboundRefused);
    // A name is resolved and the address checked: localhost is loopback too.
    await expect(postGuarded(`http://localhost/hook`, {}, '{}', { allow: [] }, 2000)).rejects.toBeInstanceOf(OutboundRefused);
    expect(hits).toEqual([]);
    expect(await postGuarded(url, {}, '{}', { allow: ['127.0.0.1'] }, 2000)).toEqual({ status: 204, body: '' });
    expect(hits).toEqual(['/hook']);
  });

  it('never follows a redirect', async () => {
    hits.length = 0;
    await expect(postGuarded(`http://127.0.0.1:${receiverPort}/redirect`, {}, '{}', { allow: ['127.0.0.1'] }, 2000)).rejects.toThrow(/redirects are not followed/);
    expect(hits).toEqual(['/redirect']);
  });

  it('a closed port and a port that answers without HTTP read the same in the delivery log', async () => {
    const closed = await postGuarded(`http://127.0.0.1:1/`, {}, '{}', { allow: ['127.0.0.1'] }, 2000).catch((e: Error) => e.message);
    const mute = await postGuarded(`http://127.0.0.1:${silentPort}/`, {}, '{}', { allow: ['127.0.0.1'] }, 2000).catch((e: Error) => e.message);
    expect(closed).toBe(NO_ANSWER);
    expect(mute).toBe(NO_ANSWER);
  });
});
