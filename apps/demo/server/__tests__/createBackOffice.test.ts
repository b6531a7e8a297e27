import { describe, expect, it } from 'vitest';
import { createBackOffice } from '../createBackOffice.ts';

const verdict = (deliveryId: string, personId: string) => ({
  deliveryId,
  flowId: `${deliveryId}-F`,
  personId,
  template: 'selfie-only',
  state: 'settled' as const,
  flow: { flow_id: `${deliveryId}-F`, flow_status: 'pass', end_cause: 'completed' } as never,
  result: null,
  settledAt: '2026-12-06T12:00:00.000Z',
});
const noLedger = { listByPerson: async () => [] };

describe('the demo back office', () => {
  it('given the same delivery twice (a retry), then it shows one verdict delivered twice', async () => {
    const office = createBackOffice();
    office.onFlowSettled(verdict('D1', 'aurora-a'));
    office.onFlowSettled(verdict('D1', 'aurora-a'));
    const { verdicts } = await office.viewFor('aurora-a', noLedger);
    expect(verdicts).toHaveLength(1);
    expect(verdicts[0]).toMatchObject({
      flowId: 'D1-F',
      outcome: 'pass',
      endCause: 'completed',
      deliveries: 2,
    });
  });

  it('given verdicts of two visitors, then each sees only their own, newest first, and never a person id', async () => {
    const office = createBackOffice();
    office.onFlowSettled(verdict('D1', 'aurora-a'));
    office.onFlowSettled(verdict('D2', 'aurora-b'));
    office.onFlowSettled({ ...verdict('D3', 'aurora-a'), state: 'expired' });
    const view = await office.viewFor('aurora-a', noLedger);
    expect(view.verdicts.map((v) => [v.deliveryId, v.outcome])).toEqual([
      ['D3', 'expired'],
      ['D1', 'pass'],
    ]);
    expect(JSON.stringify(view)).not.toContain('aurora-');
  });
});
