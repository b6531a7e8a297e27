import type { FlowLedger, LedgerRecord } from './FlowLedger.ts';

/** The few ioredis commands the ledger uses (a `Redis` or `Cluster` instance satisfies it). */
export interface LedgerRedisClient {
  eval(script: string, numKeys: number, ...args: Array<string | number>): Promise<unknown>;
  get(key: string): Promise<string | null>;
  mget(...keys: string[]): Promise<Array<string | null>>;
  scan(
    cursor: string,
    match: 'MATCH',
    pattern: string,
    count: 'COUNT',
    batch: number,
  ): Promise<[cursor: string, keys: string[]]>;
  /** ioredis `Cluster` only: the masters, each scanned in turn. */
  nodes?: (role: 'master') => LedgerRedisClient[];
}

export interface RedisLedgerOptions {
  /** Prefix of the ledger's keys. @default 'verigram-verdicts' */
  prefix?: string | undefined;
  /** How long an entry is kept after its ttl, in ms. @default 604800000 (7 days) */
  retentionMs?: number | undefined;
}

// One Redis string per flow holding a compact JSON object (StoredRecord; the flow id is the key,
// not repeated inside; the flow and its result are JSON texts, kept only once the flow has ended). A string costs
// its key and its bytes; a hash holding a value over 64 bytes (a vlink, a Flow) would switch to
// Redis's hashtable encoding, about 70 bytes per field. Each transition is one Lua script, so it
// is atomic against every other instance.

// Applies a JSON patch to a decoded record (false deletes a field); stores it keeping its expiry.
const PATCH = `
local function patch(key, record, changes)
  for name, value in pairs(cjson.decode(changes)) do
    if value == false then record[name] = nil else record[name] = value end
  end
  redis.call('SET', key, cjson.encode(record), 'KEEPTTL')
  return record
end
`;

// KEYS: flow key, person index. ARGV: expire-at ms, created-at ms, flow id, record JSON.
const INSERT = `
if not redis.call('SET', KEYS[1], ARGV[4], 'NX') then return 0 end
redis.call('PEXPIREAT', KEYS[1], ARGV[1])
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local left = redis.call('PTTL', KEYS[2])
if left < 0 or now + left < tonumber(ARGV[1]) then redis.call('PEXPIREAT', KEYS[2], ARGV[1]) end
return 1`;

// KEYS: flow key. ARGV: expire-at ms or '', patch JSON.
const OBSERVE = `${PATCH}
local raw = redis.call('GET', KEYS[1])
if not raw then return 0 end
local record = cjson.decode(raw)
if record.s ~= 'open' then return 0 end
patch(KEYS[1], record, ARGV[2])
if ARGV[1] ~= '' then redis.call('PEXPIREAT', KEYS[1], ARGV[1]) end
return 1`;

// KEYS: flow key. ARGV: patch JSON of the verdict. Answers the record as it now stands.
const SETTLE = `${PATCH}
local raw = redis.call('GET', KEYS[1])
if not raw then return false end
local record = cjson.decode(raw)
if record.s ~= 'open' then return raw end
patch(KEYS[1], record, ARGV[1])
return redis.call('GET', KEYS[1])`;

// KEYS: flow key, failed-deliveries index. ARGV: flow id, patch JSON. From settled|expired only.
const MARK_DELIVERED = `${PATCH}
local raw = redis.call('GET', KEYS[1])
if not raw then return 0 end
local record = cjson.decode(raw)
if record.s ~= 'settled' and record.s ~= 'expired' then return 0 end
patch(KEYS[1], record, ARGV[2])
redis.call('ZREM', KEYS[2], ARGV[1])
return 1`;

// KEYS: flow key, failed-deliveries index. ARGV: flow id, failed-at ms, patch JSON.
const MARK_DELIVERY_FAILED = `${PATCH}
local raw = redis.call('GET', KEYS[1])
if not raw then return 0 end
local record = cjson.decode(raw)
if record.s ~= 'settled' and record.s ~= 'expired' then return 0 end
patch(KEYS[1], record, ARGV[3])
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
return 1`;

// KEYS: flow key, failed-deliveries index. ARGV: flow id. Only the first caller gets 1.
const REOPEN_DELIVERY = `${PATCH}
local raw = redis.call('GET', KEYS[1])
if not raw then return 0 end
local record = cjson.decode(raw)
if record.fa == nil or (record.s ~= 'settled' and record.s ~= 'expired') then return 0 end
patch(KEYS[1], record, '{"fa":false}')
redis.call('ZREM', KEYS[2], ARGV[1])
return 1`;

// KEYS: an index (sorted set of flow ids). ARGV: prefix of flow keys, 'rev' for newest first.
// Answers id, record pairs; drops members whose record has expired.
const LIST = `
local ids
if ARGV[2] == 'rev' then ids = redis.call('ZREVRANGE', KEYS[1], 0, -1) else ids = redis.call('ZRANGE', KEYS[1], 0, -1) end
local out = {}
for _, id in ipairs(ids) do
  local raw = redis.call('GET', ARGV[1] .. id)
  if raw then table.insert(out, id); table.insert(out, raw) else redis.call('ZREM', KEYS[1], id) end
end
return out`;

/**
 * A record as Redis keeps it, once per flow for the flow's whole retention: one-letter names and
 * times in epoch ms, about 60 bytes less per flow than the LedgerRecord's names and ISO dates.
 */
interface StoredRecord {
  /** personId */
  p: string;
  /** template */
  t?: string;
  /** vlink */
  v: string;
  /** createdAt */
  c: number;
  /** expiresAt */
  e: number;
  /** state */
  s: LedgerRecord['state'];
  /** phase. @default 'flow' */
  h?: LedgerRecord['phase'];
  /** failures. @default 0 */
  n?: number;
  /** flow: its JSON text, kept once the flow has ended */
  f?: string;
  /** result: its JSON text */
  r?: string;
  /** outcome */
  o?: 'settled' | 'expired';
  /** settledAt */
  sa?: number;
  /** deliveredAt */
  da?: number;
  /** deliveryFailedAt */
  fa?: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

function parse(flowId: string, raw: unknown): LedgerRecord | null {
  if (typeof raw !== 'string' || raw === '') return null;
  const stored = JSON.parse(raw) as StoredRecord;
  const record: LedgerRecord = {
    flowId,
    personId: stored.p,
    vlink: stored.v,
    createdAt: iso(stored.c),
    expiresAt: iso(stored.e),
    state: stored.s,
    phase: stored.h === 'result' ? 'result' : 'flow',
    failures: Number(stored.n ?? 0),
    flow: stored.f ? JSON.parse(stored.f) : null,
    result: stored.r ? JSON.parse(stored.r) : null,
  };
  if (stored.t !== undefined) record.template = stored.t;
  if (stored.o !== undefined) record.outcome = stored.o;
  if (stored.sa !== undefined) record.settledAt = iso(stored.sa);
  if (stored.da !== undefined) record.deliveredAt = iso(stored.da);
  if (stored.fa !== undefined) record.deliveryFailedAt = iso(stored.fa);
  return record;
}

function parsePairs(reply: unknown): LedgerRecord[] {
  const pairs = Array.isArray(reply) ? reply : [];
  const records: LedgerRecord[] = [];
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const record = parse(String(pairs[i]), pairs[i + 1]);
    if (record) records.push(record);
  }
  return records;
}

/**
 * The flow ledger in Redis: a JSON string per flow, a sorted set per person (scored by creation
 * time) and one of the verdicts whose delivery gave up, each expiring `retentionMs` after the
 * flow's ttl.
 */
export function createRedisLedger(client: LedgerRedisClient, options: RedisLedgerOptions = {}): FlowLedger {
  const prefix = `${options.prefix ?? 'verigram-verdicts'}:ledger:`;
  const retentionMs = options.retentionMs ?? 604_800_000;
  const flowPrefix = `${prefix}flow:`;
  const flowKey = (flowId: string) => `${flowPrefix}${flowId}`;
  const personKey = (personId: string) => `${prefix}person:${personId}`;
  const failedKey = `${prefix}delivery-failed`;
  const expireAt = (expiresAt: string) => String(Date.parse(expiresAt) + retentionMs);

  return {
    async insert(entry) {
      const stored: StoredRecord = {
        p: entry.personId,
        ...(entry.template === undefined ? {} : { t: entry.template }),
        v: entry.vlink,
        c: Date.parse(entry.createdAt),
        e: Date.parse(entry.expiresAt),
        s: entry.state,
      };
      const added = await client.eval(
        INSERT,
        2,
        flowKey(entry.flowId),
        personKey(entry.personId),
        expireAt(entry.expiresAt),
        String(Date.parse(entry.createdAt)),
        entry.flowId,
        JSON.stringify(stored),
      );
      return Number(added) === 1;
    },
    async get(flowId) {
      return parse(flowId, await client.get(flowKey(flowId)));
    },
    async listByPerson(personId) {
      return parsePairs(await client.eval(LIST, 1, personKey(personId), flowPrefix, 'rev'));
    },
    async observe(flowId, observation) {
      const changes: Partial<StoredRecord> = {};
      if (observation.phase !== undefined) changes.h = observation.phase;
      if (observation.failures !== undefined) changes.n = observation.failures;
      if (observation.flow) changes.f = JSON.stringify(observation.flow);
      if (observation.expiresAt !== undefined) changes.e = Date.parse(observation.expiresAt);
      const until = observation.expiresAt === undefined ? '' : expireAt(observation.expiresAt);
      await client.eval(OBSERVE, 1, flowKey(flowId), until, JSON.stringify(changes));
    },
    async settle(flowId, settlement) {
      const changes: Partial<StoredRecord> = {
        s: settlement.outcome,
        o: settlement.outcome,
        sa: Date.parse(settlement.settledAt),
      };
      if (settlement.flow) changes.f = JSON.stringify(settlement.flow);
      if (settlement.result) changes.r = JSON.stringify(settlement.result);
      return parse(flowId, await client.eval(SETTLE, 1, flowKey(flowId), JSON.stringify(changes)));
    },
    async markDelivered(flowId, deliveredAt) {
      // Delivered: the flow and its result were the verdict's; the entry keeps what LedgerEntry shows.
      const changes = { s: 'delivered', da: Date.parse(deliveredAt), fa: false, f: false, r: false };
      await client.eval(MARK_DELIVERED, 2, flowKey(flowId), failedKey, flowId, JSON.stringify(changes));
    },
    async markDeliveryFailed(flowId, failedAt) {
      await client.eval(
        MARK_DELIVERY_FAILED,
        2,
        flowKey(flowId),
        failedKey,
        flowId,
        String(Date.parse(failedAt)),
        JSON.stringify({ fa: Date.parse(failedAt) }),
      );
    },
    async listDeliveryFailed() {
      return parsePairs(await client.eval(LIST, 1, failedKey, flowPrefix, ''));
    },
    async reopenDelivery(flowId) {
      return Number(await client.eval(REOPEN_DELIVERY, 2, flowKey(flowId), failedKey, flowId)) === 1;
    },
    async *scan(batchSize = 500) {
      // SCAN holds no lock and costs no memory; on a Cluster every master holds some keys.
      for (const node of client.nodes ? client.nodes('master') : [client]) {
        let cursor = '0';
        do {
          const [next, keys] = await node.scan(cursor, 'MATCH', `${flowPrefix}*`, 'COUNT', batchSize);
          cursor = next;
          if (keys.length === 0) continue;
          const values = await node.mget(...keys);
          const records: LedgerRecord[] = [];
          for (const [i, key] of keys.entries()) {
            const record = parse(key.slice(flowPrefix.length), values[i]);
            if (record) records.push(record);
          }
          yield records;
        } while (cursor !== '0');
      }
    },
  };
}
