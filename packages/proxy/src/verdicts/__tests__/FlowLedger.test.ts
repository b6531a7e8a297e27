// The two flow ledgers hold the same contract: one insert per flow, one verdict per flow however
// many instances race to decide it, and no way back from delivered.
import type { Flow } from '@verigram-kit/core';
import { describe, expect, it } from 'vitest';
import { useRedisServer } from '../../__tests__/redisServer.ts';
import { createMemoryLedger } from '../createMemoryLedger.ts';
import { createRedisLedger } from '../createRedisLedger.ts';
import type { FlowLedger } from '../FlowLedger.ts';
import type { LedgerEntry } from '../FlowVerdicts.ts';

const server = useRedisServer();

const ledgers: Array<[string, () => FlowLedger]> = [
  ['memory', () => createMemoryLedger()],
  [
    'redis',
    () => createRedisLedger(server.redis, { prefix: `ledger${Math.random().toString(36).slice(2)}` }),
  ],
];

const entry = (flowId: string, personId: string, createdAt: string): LedgerEntry => ({
  flowId,
  personId,
  vlink: `https://example.test/hf2/${flowId}/`,
  createdAt,
  expiresAt: new Date(Date.parse(createdAt) + 86_400_000).toISOString(),
  state: 'open',
});

describe.each(ledgers)('%s flow ledger', (_name, makeLedger) => {
  it('keeps the first record of a flow inserted twice, and lists a person’s flows newest first', async () => {
    const ledger = makeLedger();
    expect(await ledger.insert(entry('F1', 'alice-0001', '2026-12-06T10:00:00.000Z'))).toBe(true);
    expect(
      await ledger.insert({ ...entry('F1', 'alice-0001', '2026-12-06T10:00:00.000Z'), vlink: 'x' }),
    ).toBe(false);
    await ledger.insert(entry('F2', 'alice-0001', '2026-12-06T11:00:00.000Z'));
    await ledger.insert(entry('F3', 'bob-000002', '2026-12-06T12:00:00.000Z'));
    expect((await ledger.get('F1'))?.vlink).toBe('https://example.test/hf2/F1/');
    expect((await ledger.listByPerson('alice-0001')).map((record) => record.flowId)).toEqual(['F2', 'F1']);
    expect((await ledger.listByPerson('bob-000002')).map((record) => record.flowId)).toEqual(['F3']);
    expect(await ledger.listByPerson('carol-0003')).toEqual([]);
  });

  it('given twenty instances deciding one flow at once, then exactly one verdict is kept', async () => {
    const ledger = makeLedger();
    await ledger.insert(entry('F9', 'alice-0001', '2026-12-06T10:00:00.000Z'));
    const outcomes = Array.from({ length: 20 }, (_, i): 'settled' | 'expired' =>
      i % 2 ? 'settled' : 'expired',
    );
    const answers = await Promise.all(
      outcomes.map((outcome, i) =>
        ledger.settle('F9', {
          outcome,
          flow: null,
          result: null,
          settledAt: new Date(1000 * i).toISOString(),
        }),
      ),
    );
    const kept = await ledger.get('F9');
    expect(answers.every((answer) => answer?.settledAt === kept?.settledAt)).toBe(true);
    expect(kept?.state).toBe(kept?.outcome);
  });

  it('never moves a flow back: an observation after the verdict, or a second delivery, changes nothing', async () => {
    const ledger = makeLedger();
    await ledger.insert(entry('F5', 'alice-0001', '2026-12-06T10:00:00.000Z'));
    await ledger.observe('F5', { failures: 2, phase: 'flow' });
    expect((await ledger.get('F5'))?.failures).toBe(2);
    await ledger.settle('F5', {
      outcome: 'settled',
      flow: null,
      result: null,
      settledAt: '2026-12-06T10:05:00.000Z',
    });
    await ledger.observe('F5', { failures: 7, expiresAt: '2030-01-01T00:00:00.000Z' });
    await ledger.markDelivered('F5', '2026-12-06T10:06:00.000Z');
    await ledger.markDelivered('F5', '2026-12-06T10:09:00.000Z');
    expect(
      await ledger.settle('F5', { outcome: 'expired', flow: null, result: null, settledAt: 'later' }),
    ).toMatchObject({
      state: 'delivered',
      outcome: 'settled',
      failures: 2,
      deliveredAt: '2026-12-06T10:06:00.000Z',
      settledAt: '2026-12-06T10:05:00.000Z',
    });
  });

  it('lists a verdict whose delivery gave up until it is reopened, once; a delivery forgets it', async () => {
    const ledger = makeLedger();
    const flow = { flow_id: 'F6', flow_status: 'pass', end_cause: 'completed' } as Flow;
    const verdict = {
      outcome: 'settled' as const,
      flow,
      result: null,
      settledAt: '2026-12-06T10:05:00.000Z',
    };
    await ledger.insert(entry('F6', 'alice-0001', '2026-12-06T10:00:00.000Z'));
    await ledger.insert(entry('F7', 'alice-0001', '2026-12-06T10:01:00.000Z'));
    // An open flow has no delivery to fail.
    await ledger.markDeliveryFailed('F6', '2026-12-06T10:06:00.000Z');
    expect(await ledger.listDeliveryFailed()).toEqual([]);

    await ledger.settle('F6', verdict);
    await ledger.settle('F7', verdict);
    await ledger.markDeliveryFailed('F7', '2026-12-06T10:07:00.000Z');
    await ledger.markDeliveryFailed('F6', '2026-12-06T10:08:00.000Z');
    expect((await ledger.listDeliveryFailed()).map((record) => record.flowId)).toEqual(['F7', 'F6']);
    expect((await ledger.get('F6'))?.flow).toEqual(flow);

    const reopened = await Promise.all([ledger.reopenDelivery('F7'), ledger.reopenDelivery('F7')]);
    expect(reopened.sort()).toEqual([false, true]);
    expect((await ledger.get('F7'))?.deliveryFailedAt).toBeUndefined();
    await ledger.markDelivered('F6', '2026-12-06T10:09:00.000Z');
    // Delivered, the entry no longer holds the verdict's flow and result.
    expect(await ledger.get('F6')).toMatchObject({ flow: null, result: null });
    expect(await ledger.listDeliveryFailed()).toEqual([]);
    expect(await ledger.get('F6')).toMatchObject({
      state: 'delivered',
      deliveredAt: '2026-12-06T10:09:00.000Z',
    });
    expect((await ledger.get('F6'))?.deliveryFailedAt).toBeUndefined();
    expect(await ledger.reopenDelivery('F6')).toBe(false);

    const scanned: string[] = [];
    for await (const records of ledger.scan()) scanned.push(...records.map((record) => record.flowId));
    expect(scanned.sort()).toEqual(['F6', 'F7']);
  });
});
