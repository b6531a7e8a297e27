import type { RedisLikeClient } from '../stores/createRedisStore.ts';
import type { FlowLedger, LedgerRecord } from './FlowLedger.ts';

export interface RedisLedgerOptions {
  /** Prefix of the ledger's keys. @default 'verigram-verdicts' */
  prefix?: string | undefined;
  /** How long an entry is kept after its ttl, in ms. @default 604800000 (7 days) */
  retentionMs?: number | undefined;
}

// Each transition is one Lua script, so it is atomic against every other instance.

// KEYS: flow hash, person index. ARGV: expire-at ms, created-at ms, flow id, field/value pairs.
const INSERT = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV, 4))
redis.call('PEXPIREAT', KEYS[1], ARGV[1])
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local left = redis.call('PTTL', KEYS[2])
if left < 0 or now + left < tonumber(ARGV[1]) then redis.call('PEXPIREAT', KEYS[2], ARGV[1]) end
return 1`;

// KEYS: flow hash. ARGV: expire-at ms or '', field/value pairs.
const OBSERVE = `
if redis.call('HGET', KEYS[1], 'state') ~= 'open' then return 0 end
if #ARGV > 1 then redis.call('HSET', KEYS[1], unpack(ARGV, 2)) end
if ARGV[1] ~= '' then redis.call('PEXPIREAT', KEYS[1], ARGV[1]) end
return 1`;

// KEYS: flow hash. ARGV: field/value pairs of the verdict (state first).
const SETTLE = `
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
if redis.call('HGET', KEYS[1], 'state') == 'open' then redis.call('HSET', KEYS[1], unpack(ARGV)) end
return redis.call('HGETALL', KEYS[1])`;

// KEYS: flow hash. ARGV: delivered-at.
const MARK_DELIVERED = `
local state = redis.call('HGET', KEYS[1], 'state')
if state ~= 'settled' and state ~= 'expired' then return 0 end
redis.call('HSET', KEYS[1], 'state', 'delivered', 'deliveredAt', ARGV[1])
return 1`;

// KEYS: person index. ARGV: prefix of flow hashes. Drops members whose hash has expired.
const LIST = `
local ids = redis.call('ZREVRANGE', KEYS[1], 0, -1)
local out = {}
for _, id in ipairs(ids) do
  local fields = redis.call('HGETALL', ARGV[1] .. id)
  if #fields == 0 then redis.call('ZREM', KEYS[1], id) else table.insert(out, fields) end
end
return out`;

const GET = `return redis.call('HGETALL', KEYS[1])`;

const OPTIONAL = ['template', 'outcome', 'settledAt', 'deliveredAt'] as const;

function parse(fields: unknown): LedgerRecord | null {
  if (!Array.isArray(fields) || fields.length === 0) return null;
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) map.set(String(fields[i]), String(fields[i + 1]));
  const record: LedgerRecord = {
    flowId: map.get('flowId') as string,
    personId: map.get('personId') as string,
    vlink: map.get('vlink') as string,
    createdAt: map.get('createdAt') as string,
    expiresAt: map.get('expiresAt') as string,
    state: map.get('state') as LedgerRecord['state'],
    phase: map.get('phase') === 'result' ? 'result' : 'flow',
    failures: Number(map.get('failures') ?? 0),
    flow: map.get('flow') ? JSON.parse(map.get('flow') as string) : null,
    result: map.get('result') ? JSON.parse(map.get('result') as string) : null,
  };
  for (const name of OPTIONAL) {
    const value = map.get(name);
    if (value !== undefined) (record as unknown as Record<string, string>)[name] = value;
  }
  return record;
}

/**
 * The flow ledger in Redis: a hash per flow and a sorted set per person (scored by creation
 * time), each expiring `retentionMs` after the flow's ttl.
 */
export function createRedisLedger(client: RedisLikeClient, options: RedisLedgerOptions = {}): FlowLedger {
  const prefix = `${options.prefix ?? 'verigram-verdicts'}:ledger:`;
  const retentionMs = options.retentionMs ?? 604_800_000;
  const flowKey = (flowId: string) => `${prefix}flow:${flowId}`;
  const personKey = (personId: string) => `${prefix}person:${personId}`;
  const expireAt = (expiresAt: string) => String(Date.parse(expiresAt) + retentionMs);

  return {
    async insert(entry) {
      const fields: string[] = [
        'flowId',
        entry.flowId,
        'personId',
        entry.personId,
        'vlink',
        entry.vlink,
        'createdAt',
        entry.createdAt,
        'expiresAt',
        entry.expiresAt,
        'state',
        entry.state,
        'phase',
        'flow',
        'failures',
        '0',
      ];
      if (entry.template !== undefined) fields.push('template', entry.template);
      const added = await client.eval(
        INSERT,
        2,
        flowKey(entry.flowId),
        personKey(entry.personId),
        expireAt(entry.expiresAt),
        String(Date.parse(entry.createdAt)),
        entry.flowId,
        ...fields,
      );
      return Number(added) === 1;
    },
    async get(flowId) {
      return parse(await client.eval(GET, 1, flowKey(flowId)));
    },
    async listByPerson(personId) {
      const rows = (await client.eval(LIST, 1, personKey(personId), `${prefix}flow:`)) as unknown[];
      return rows.map(parse).filter((record): record is LedgerRecord => record !== null);
    },
    async observe(flowId, observation) {
      const fields: string[] = [];
      if (observation.phase !== undefined) fields.push('phase', observation.phase);
      if (observation.failures !== undefined) fields.push('failures', String(observation.failures));
      if (observation.flow !== undefined)
        fields.push('flow', observation.flow ? JSON.stringify(observation.flow) : '');
      if (observation.expiresAt !== undefined) fields.push('expiresAt', observation.expiresAt);
      const until = observation.expiresAt === undefined ? '' : expireAt(observation.expiresAt);
      await client.eval(OBSERVE, 1, flowKey(flowId), until, ...fields);
    },
    async settle(flowId, settlement) {
      const reply = await client.eval(
        SETTLE,
        1,
        flowKey(flowId),
        'state',
        settlement.outcome,
        'outcome',
        settlement.outcome,
        'flow',
        settlement.flow ? JSON.stringify(settlement.flow) : '',
        'result',
        settlement.result ? JSON.stringify(settlement.result) : '',
        'settledAt',
        settlement.settledAt,
      );
      return parse(reply);
    },
    async markDelivered(flowId, deliveredAt) {
      await client.eval(MARK_DELIVERED, 1, flowKey(flowId), deliveredAt);
    },
  };
}
