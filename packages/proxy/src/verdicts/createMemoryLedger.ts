import type { FlowLedger, LedgerRecord } from './FlowLedger.ts';

export interface MemoryLedgerOptions {
  /** How long an entry is kept after its ttl, in ms. @default 604800000 (7 days) */
  retentionMs?: number | undefined;
  /** Clock. @default Date.now */
  now?: (() => number) | undefined;
}

const copy = (record: LedgerRecord): LedgerRecord => structuredClone(record);

/** The flow ledger of the in-process mode: one process, gone with it. */
export function createMemoryLedger(options: MemoryLedgerOptions = {}): FlowLedger {
  const retentionMs = options.retentionMs ?? 604_800_000;
  const now = options.now ?? Date.now;
  const records = new Map<string, LedgerRecord>();
  const byPerson = new Map<string, Set<string>>();
  let insertsSinceSweep = 0;

  function forget(record: LedgerRecord) {
    records.delete(record.flowId);
    const flows = byPerson.get(record.personId);
    flows?.delete(record.flowId);
    if (flows?.size === 0) byPerson.delete(record.personId);
  }

  // Entries past their retention go in a sweep every thousand inserts, so memory stays bounded
  // by the flows of the retention window.
  function sweep() {
    const time = now();
    for (const record of records.values()) {
      if (Date.parse(record.expiresAt) + retentionMs <= time && record.state !== 'open') forget(record);
    }
  }

  return {
    async insert(entry) {
      if (records.has(entry.flowId)) return false;
      if (++insertsSinceSweep >= 1000) {
        insertsSinceSweep = 0;
        sweep();
      }
      records.set(entry.flowId, {
        ...structuredClone(entry),
        phase: 'flow',
        failures: 0,
        flow: null,
        result: null,
      });
      const flows = byPerson.get(entry.personId) ?? new Set<string>();
      byPerson.set(entry.personId, flows);
      flows.add(entry.flowId);
      return true;
    },
    async get(flowId) {
      const record = records.get(flowId);
      return record ? copy(record) : null;
    },
    async listByPerson(personId) {
      const list = [...(byPerson.get(personId) ?? [])].map((id) => records.get(id) as LedgerRecord);
      return list.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt)).map(copy);
    },
    async observe(flowId, observation) {
      const record = records.get(flowId);
      if (record?.state !== 'open') return;
      if (observation.phase !== undefined) record.phase = observation.phase;
      if (observation.failures !== undefined) record.failures = observation.failures;
      if (observation.flow !== undefined) record.flow = structuredClone(observation.flow);
      if (observation.expiresAt !== undefined) record.expiresAt = observation.expiresAt;
    },
    async settle(flowId, settlement) {
      const record = records.get(flowId);
      if (!record) return null;
      if (record.state === 'open') {
        record.state = settlement.outcome;
        record.outcome = settlement.outcome;
        record.flow = structuredClone(settlement.flow);
        record.result = structuredClone(settlement.result);
        record.settledAt = settlement.settledAt;
      }
      return copy(record);
    },
    async markDelivered(flowId, deliveredAt) {
      const record = records.get(flowId);
      if (record?.state !== 'settled' && record?.state !== 'expired') return;
      record.state = 'delivered';
      record.deliveredAt = deliveredAt;
      delete record.deliveryFailedAt;
      // The flow and its result were the verdict's; the entry keeps what LedgerEntry shows.
      record.flow = null;
      record.result = null;
    },
    async markDeliveryFailed(flowId, failedAt) {
      const record = records.get(flowId);
      if (record?.state !== 'settled' && record?.state !== 'expired') return;
      record.deliveryFailedAt = failedAt;
    },
    async listDeliveryFailed() {
      return [...records.values()]
        .filter((record) => record.deliveryFailedAt !== undefined)
        .sort((a, b) => Date.parse(a.deliveryFailedAt as string) - Date.parse(b.deliveryFailedAt as string))
        .map(copy);
    },
    async reopenDelivery(flowId) {
      const record = records.get(flowId);
      if (record?.deliveryFailedAt === undefined) return false;
      if (record.state !== 'settled' && record.state !== 'expired') return false;
      delete record.deliveryFailedAt;
      return true;
    },
    async *scan() {
      yield [...records.values()].map(copy);
    },
  };
}
