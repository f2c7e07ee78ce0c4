import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { JobName, Namespace, QueueName, type Envelope } from '@motcua/contracts';
import { createAdapter } from '@socket.io/redis-adapter';
import { Queue } from 'bullmq';
import { Server } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { JobProducer } from './job-producer.js';
import { RealtimePublisher, socketKey } from './realtime-publisher.js';
import { closeRedis, createRedis, pingRedis } from './redis.js';

const url = process.env.MOTCUA_TEST_REDIS_URL!;
// Fresh keys per run, so sequence numbers start at 1 even on a shared Redis.
const prefix = `plat${randomBytes(4).toString('hex')}`;
const pingId = '0196b0a4-1c2d-7e3f-8a9b-0c1d2e3f4a5b';

describe('JobProducer against Redis', () => {
  const connection = createRedis(url, 'bullmq');
  const producer = new JobProducer(connection, prefix);
  const queue = new Queue(QueueName.system, { connection, prefix });
  afterAll(async () => {
    await queue.obliterate({ force: true });
    await Promise.all([producer.close(), queue.close()]);
    await closeRedis(connection);
  });

  it('adds the job to its contract queue under the prefix, with retries and bounded retention', async () => {
    const id = await producer.enqueue(JobName.systemPing, { pingId });
    const job = (await queue.getJob(id))!;
    expect(job.name).toBe('system.ping');
    expect(job.data).toEqual({ pingId });
    expect(job.opts).toMatchObject({ attempts: 5, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: { count: 1000 } });
    expect(await connection.exists(`${prefix}:${QueueName.system}:${id}`)).toBe(1);
  });

  it('adds a job with a deterministic id only once', async () => {
    const before = await queue.count();
    const a = await producer.enqueue(JobName.systemPing, { pingId }, { jobId: `ping-${pingId}` });
    const b = await producer.enqueue(JobName.systemPing, { pingId }, { jobId: `ping-${pingId}` });
    expect(a).toBe(`ping-${pingId}`);
    expect(b).toBe(a);
    expect(await queue.count()).toBe(before + 1);
  });
});

describe('RealtimePublisher through a Socket.IO server with the Redis adapter', () => {
  const redis = createRedis(url);
  const pub = createRedis(url, 'bullmq');
  const sub = pub.duplicate();
  const httpServer = createServer();
  const server = new Server(httpServer, { adapter: createAdapter(pub, sub, { key: socketKey(prefix) }) });
  const publisher = new RealtimePublisher(redis, prefix, () => new Date('2026-01-02T03:04:05.000Z'));
  // Another deployment sharing this Redis: its events must not reach our sockets.
  const stranger = new RealtimePublisher(redis, `${prefix}x`);
  let client: ClientSocket;

  beforeAll(async () => {
    server.of(Namespace.staff).on('connection', (socket) => socket.on('join', async (room: string, ack: () => void) => {
      await socket.join(room);
      ack();
    }));
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    client = connect(`http://127.0.0.1:${(httpServer.address() as AddressInfo).port}${Namespace.staff}`, { transports: ['websocket'] });
    await new Promise<void>((resolve) => client.once('connect', () => client.emit('join', 'system', resolve)));
  });
  afterAll(async () => {
    client.close();
    await new Promise<void>((resolve) => void server.close(() => resolve()));
    await Promise.all([closeRedis(redis), closeRedis(pub), closeRedis(sub)]);
  });

  it('delivers each event in its envelope, with a sequence counted per namespace and room', async () => {
    const received: Envelope<{ n: number }>[] = [];
    client.on('test.event', (e: Envelope<{ n: number }>) => received.push(e));
    const first = await publisher.publish(Namespace.staff, 'system', 'test.event', { n: 1 });
    const other = await publisher.publish(Namespace.staff, 'center:elsewhere', 'test.event', { n: 99 });
    const otherNamespace = await publisher.publish(Namespace.public, 'system', 'test.event', { n: 98 });
    await stranger.publish(Namespace.staff, 'system', 'test.event', { n: 97 });
    const second = await publisher.publish(Namespace.staff, 'system', 'test.event', { n: 2 });
    await vi.waitFor(() => expect(received.length).toBeGreaterThanOrEqual(2), { timeout: 10_000, interval: 20 });
    // Nothing is expected to follow (other room, other namespace, other prefix): give a stray event time to show.
    await new Promise((r) => setTimeout(r, 200));

    const epoch = first.epoch;
    expect(received).toEqual([
      { room: 'system', epoch, seq: 1, at: '2026-01-02T03:04:05.000Z', data: { n: 1 } },
      { room: 'system', epoch, seq: 2, at: '2026-01-02T03:04:05.000Z', data: { n: 2 } },
    ]);
    expect([first.seq, second.seq, other.seq, otherNamespace.seq]).toEqual([1, 2, 1, 1]);
    expect(await publisher.lastSeq(Namespace.staff, 'system')).toEqual({ epoch, seq: 2 });
    expect(await pingRedis(redis)).toBeGreaterThanOrEqual(0);
  });

  it('restarts numbering under a new epoch when Redis lost it, so clients resync instead of dropping events as stale', async () => {
    const before = await publisher.publish(Namespace.staff, 'system', 'test.event', { n: 3 });
    await redis.del(`${prefix}:rseq:${Namespace.staff}:system`);
    const after = await publisher.publish(Namespace.staff, 'system', 'test.event', { n: 4 });
    expect(before.seq).toBe(3);
    expect(after.seq).toBe(1);
    expect(after.epoch).not.toBe(before.epoch);
    // Many publishers racing after the loss agree on one epoch.
    const raced = await Promise.all(Array.from({ length: 20 }, (_, i) => publisher.publish(Namespace.staff, 'system', 'test.event', { n: 10 + i })));
    expect(new Set(raced.map((r) => r.epoch))).toEqual(new Set([after.epoch]));
    expect(raced.map((r) => r.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
  });
});
