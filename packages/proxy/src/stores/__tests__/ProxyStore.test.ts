import { describe, expect, it } from 'vitest';
import { createFakeUpstream } from '../../__tests__/fakeUpstream.ts';
import { createHarness, post } from '../../__tests__/harness.ts';
import { useRedisServer } from '../../__tests__/redisServer.ts';
import { createMemoryStore } from '../createMemoryStore.ts';
import { createRedisStore } from '../createRedisStore.ts';
import type { ProxyStore } from '../ProxyStore.ts';

function itKeepsTheStoreContract(makeStore: () => ProxyStore) {
  it('counts within a window and reports the time left', async () => {
    const store = makeStore();
    expect((await store.increment('c', 60_000)).count).toBe(1);
    const second = await store.increment('c', 60_000);
    expect(second.count).toBe(2);
    expect(second.resetInMs).toBeGreaterThan(50_000);
    expect(second.resetInMs).toBeLessThanOrEqual(60_000);
  });

  it('starts a new window once the old one expires', async () => {
    const store = makeStore();
    await store.increment('w', 40);
    await store.increment('w', 40);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect((await store.increment('w', 40)).count).toBe(1);
  });

  it('elects exactly one winner among concurrent setIfAbsent calls', async () => {
    const store = makeStore();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.setIfAbsent('k', `v${i}`, 10_000)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = results.indexOf(true);
    expect(await store.get('k')).toBe(`v${winner}`);
  });

  it('sets, reads, expires and deletes values', async () => {
    const store = makeStore();
    await store.set('a', '1', 10_000);
    expect(await store.get('a')).toBe('1');
    await store.delete('a');
    expect(await store.get('a')).toBeNull();
    await store.set('b', '2', 30);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await store.get('b')).toBeNull();
  });
}

describe('memory store', () => {
  itKeepsTheStoreContract(() => createMemoryStore());

  it('drops the oldest entries beyond maxEntries', async () => {
    const store = createMemoryStore({ maxEntries: 2 });
    await store.set('a', '1', 10_000);
    await store.set('b', '2', 10_000);
    await store.set('c', '3', 10_000);
    expect(await store.get('a')).toBeNull();
    expect(await store.get('c')).toBe('3');
  });

  it('given a flood of rate-limit counters, then an idempotency record survives it', async () => {
    const store = createMemoryStore({ maxEntries: 10 });
    await store.set('idem:user:key', '{"state":"done"}', 86_400_000);
    for (let i = 0; i < 100; i++) await store.increment(`rl:ip:198.51.100.${i}`, 60_000);
    expect(await store.get('idem:user:key')).toBe('{"state":"done"}');
    expect(await store.get('rl:ip:198.51.100.99')).toBe('1');
    expect(await store.get('rl:ip:198.51.100.0')).toBeNull();
  });

  it('when full, drops expired entries before live ones, however new', async () => {
    let time = 0;
    const store = createMemoryStore({ maxEntries: 10, now: () => time });
    await store.set('rl:old', '1', 100_000);
    for (let i = 0; i < 9; i++) await store.set(`rl:short:${i}`, '1', 10);
    time = 50;
    await store.set('rl:new', '1', 100_000);
    expect(await store.get('rl:old')).toBe('1');
    expect(await store.get('rl:new')).toBe('1');
  });
});

describe('redis store, on a real redis-server', () => {
  const server = useRedisServer();
  itKeepsTheStoreContract(() => createRedisStore(server.redis, { prefix: `test-${Math.random()}:` }));

  describe('two proxy instances sharing the Redis store', () => {
    it('create one flow for concurrent identical Idempotency-Key requests, and share rate limits', async () => {
      const upstream = createFakeUpstream();
      upstream.setFault({ delayMs: 40, times: 1 });
      const store = createRedisStore(server.redis, { prefix: `proxy-${Math.random()}:` });
      const rateLimit = { perUser: { limit: 4, windowMs: 60_000 }, perIp: false as const };
      const a = createHarness(upstream, { store, rateLimit });
      const b = createHarness(upstream, { store, rateLimit });
      const headers = { 'idempotency-key': 'order-7' };
      const answers = await Promise.all([a, b, a, b].map(({ send }) => send(post('/flow', {}, { headers }))));
      expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201]);
      expect(new Set(answers.map((answer) => answer.json.flow_id)).size).toBe(1);
      expect(upstream.flows.size).toBe(1);
      // Every request counts (replays too), whichever instance served it: the fifth is over the limit of four.
      const limited = await b.send(post('/flow', {}));
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    });
  });
});
