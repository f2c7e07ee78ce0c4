import { describe, expect, it } from 'vitest';
import { bullPrefix, parseClusterUrl, parseSentinelUrl } from './redis.js';

describe('parseSentinelUrl', () => {
  it('reads the sentinels, the master name, the password and the database', () => {
    expect(parseSentinelUrl('redis+sentinel://:s%40cret@10.0.0.1:26379,10.0.0.2,10.0.0.3:26380/motcua/2')).toEqual({
      sentinels: [
        { host: '10.0.0.1', port: 26379 },
        { host: '10.0.0.2', port: 26379 },
        { host: '10.0.0.3', port: 26380 },
      ],
      name: 'motcua',
      password: 's@cret',
      sentinelPassword: 's@cret',
      db: 2,
    });
    expect(parseSentinelUrl('redis+sentinel://127.0.0.1:26379/mymaster')).toEqual({ sentinels: [{ host: '127.0.0.1', port: 26379 }], name: 'mymaster' });
  });

  it('leaves plain URLs to ioredis and refuses a Sentinel URL without a master name', () => {
    expect(parseSentinelUrl('redis://127.0.0.1:6379/0')).toBeNull();
    expect(parseSentinelUrl('rediss://cache.example.vn:6380')).toBeNull();
    expect(() => parseSentinelUrl('redis+sentinel://127.0.0.1:26379')).toThrow(/master name/);
  });
});

describe('parseClusterUrl', () => {
  it('reads the seed nodes and the password; BullMQ gets a hash-tag prefix only on a cluster', () => {
    expect(parseClusterUrl('redis+cluster://:s%40cret@10.0.0.1:7000,10.0.0.2:7001,10.0.0.3')).toEqual({
      nodes: [
        { host: '10.0.0.1', port: 7000 },
        { host: '10.0.0.2', port: 7001 },
        { host: '10.0.0.3', port: 6379 },
      ],
      password: 's@cret',
    });
    expect(parseClusterUrl('redis://127.0.0.1:6379')).toBeNull();
    expect(parseClusterUrl('redis+sentinel://127.0.0.1:26379/motcua')).toBeNull();
    expect(() => parseClusterUrl('redis+cluster://10.0.0.1:7000/2')).toThrow(/Cluster URL/);
    expect(bullPrefix('redis+cluster://10.0.0.1:7000', 'motcua')).toBe('{motcua}');
    expect(bullPrefix('redis://10.0.0.1:6379', 'motcua')).toBe('motcua');
  });
});
