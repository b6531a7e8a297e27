import type { Flow, FlowProjection } from '@verigram-kit/core';
import type { FlowVerdict, FlowVerdicts, LedgerEntry } from './FlowVerdicts.ts';

/** A ledger entry plus what the watcher keeps between two reads. */
export interface LedgerRecord extends LedgerEntry {
  /** `result`: the flow has ended and started; its `GET /flow/{id}/result` is still to read. */
  phase: 'flow' | 'result';
  /** Failed reads in a row; resets on a good read. */
  failures: number;
  /**
   * The flow as read when it ended, until its verdict is delivered (null while it is open, and
   * once delivered: a watched or delivered flow's entry stays small).
   */
  flow: Flow | null;
  /** The `GET /flow/{id}/result` answer, once read, until the verdict is delivered. */
  result: FlowProjection | null;
}

/** What a read tells the ledger about an open flow. */
export interface LedgerObservation {
  phase?: 'flow' | 'result' | undefined;
  failures?: number | undefined;
  flow?: Flow | null | undefined;
  expiresAt?: string | undefined;
}

/** A verdict as it is decided. */
export interface LedgerSettlement {
  outcome: 'settled' | 'expired';
  flow: Flow | null;
  result: FlowProjection | null;
  settledAt: string;
}

/**
 * Where the watcher keeps every flow the proxy created. Each transition is atomic, so two
 * instances racing on one flow decide its verdict once: `open` → `settled`|`expired` →
 * `delivered`, never back.
 */
export interface FlowLedger {
  /** Adds the entry unless the flow is already there (atomic); true when added. */
  insert(entry: LedgerEntry): Promise<boolean>;
  get(flowId: string): Promise<LedgerRecord | null>;
  /** Newest first. */
  listByPerson(personId: string): Promise<LedgerRecord[]>;
  /** Records a read of an open flow; does nothing once the flow is no longer open. */
  observe(flowId: string, observation: LedgerObservation): Promise<void>;
  /**
   * Decides the verdict of an open flow; a flow already decided keeps its first verdict. Returns
   * the record as it now stands (null when the flow is unknown).
   */
  settle(flowId: string, settlement: LedgerSettlement): Promise<LedgerRecord | null>;
  /** `settled`|`expired` → `delivered`; forgets a failed delivery. */
  markDelivered(flowId: string, deliveredAt: string): Promise<void>;
  /** Notes that every delivery attempt failed (`settled`|`expired` only): listed until redelivered. */
  markDeliveryFailed(flowId: string, failedAt: string): Promise<void>;
  /** Verdicts whose delivery gave up, oldest failure first. */
  listDeliveryFailed(): Promise<LedgerRecord[]>;
  /**
   * Forgets a failed delivery so it can be made again (atomic): true for the one caller that did,
   * false when the flow has none.
   */
  reopenDelivery(flowId: string): Promise<boolean>;
  /** Every record, in batches, in no order (the sweep's walk). */
  scan(): AsyncIterable<LedgerRecord[]>;
}

/** Whether recording `observation` would change `record` (a routine read mostly changes nothing). */
export function changesRecord(record: LedgerRecord, observation: LedgerObservation): boolean {
  return (
    (observation.phase !== undefined && observation.phase !== record.phase) ||
    (observation.failures !== undefined && observation.failures !== record.failures) ||
    (observation.expiresAt !== undefined && observation.expiresAt !== record.expiresAt) ||
    observation.flow !== undefined
  );
}

/** The id of every delivery attempt of a flow's verdict: one flow, one verdict, one id. */
export function deliveryIdFor(flowId: string): string {
  return `vd_${flowId}`;
}

/** The public view of a record. */
export function toLedgerEntry(record: LedgerRecord): LedgerEntry {
  const entry: LedgerEntry = {
    flowId: record.flowId,
    personId: record.personId,
    vlink: record.vlink,
    createdAt: record.createdAt,
    expiresAt: record.expiresAt,
    state: record.state,
  };
  if (record.template !== undefined) entry.template = record.template;
  if (record.outcome !== undefined) entry.outcome = record.outcome;
  if (record.settledAt !== undefined) entry.settledAt = record.settledAt;
  if (record.deliveredAt !== undefined) entry.deliveredAt = record.deliveredAt;
  if (record.deliveryFailedAt !== undefined) entry.deliveryFailedAt = record.deliveryFailedAt;
  return entry;
}

/** The verdict of a decided record. */
export function toFlowVerdict(record: LedgerRecord): FlowVerdict {
  const verdict: FlowVerdict = {
    deliveryId: deliveryIdFor(record.flowId),
    flowId: record.flowId,
    personId: record.personId,
    state: record.outcome ?? (record.state === 'expired' ? 'expired' : 'settled'),
    flow: record.flow,
    result: record.result,
    settledAt: record.settledAt ?? new Date(0).toISOString(),
  };
  if (record.template !== undefined) verdict.template = record.template;
  return verdict;
}

/** A record that waits for delivery (one whose delivery gave up waits for `redeliver`). */
export function awaitsDelivery(record: LedgerRecord): boolean {
  return (record.state === 'settled' || record.state === 'expired') && record.deliveryFailedAt === undefined;
}

/** The read side of FlowVerdicts, the same in every mode: what the app's backend asks the ledger. */
export function ledgerReads(
  ledger: FlowLedger,
  now: () => number,
): Pick<FlowVerdicts, 'get' | 'listByPerson' | 'currentFor' | 'listFailedDeliveries'> {
  return {
    async get(flowId) {
      const record = await ledger.get(flowId);
      return record ? toLedgerEntry(record) : null;
    },
    async listByPerson(personId) {
      return (await ledger.listByPerson(personId)).map(toLedgerEntry);
    },
    async currentFor(personId) {
      const time = now();
      const open = (await ledger.listByPerson(personId)).find(
        (record) => record.state === 'open' && Date.parse(record.expiresAt) > time,
      );
      return open ? toLedgerEntry(open) : null;
    },
    async listFailedDeliveries() {
      return (await ledger.listDeliveryFailed()).map(toFlowVerdict);
    },
  };
}
