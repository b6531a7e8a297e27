// `pnpm bench:watcher`: the server-side verdict watcher (`createFlowVerdicts`, BullMQ mode) over
// 10,000 open flows that end on their own. The sandbox runs as a child process with a fast clock
// (`--clock-rate`, `--ttl`), and a real `redis-server` (from PATH) on a free port, both on
// 127.0.0.1; nothing else is reached. Not a test: it prints figures; the proxy README records
// them. Bounded: it stops everything it started after its time bound.
//
// The flows (the sandbox's second consumer, which has no rate limit) are created over HTTP and
// tracked right after, as a proxy would, spread over RAMP_S seconds. Their person ids script
// them with the sandbox's timed ids, so nobody drives them once created:
//   in progress  `bench-000001+after<N>`, started at creation (its consent step passed, as a
//                person pressing Start), ended by its script N sandbox seconds after creation:
//                10 to 60 real seconds after the watcher's first read (`notStartedMs` after
//                creation), which saw it started, so it was read every `inProgressMs` since; N
//                stays under the sandbox's five-minute inactivity deadline at the default rate;
//   quick        `bench-000002+after<N>`, not started until its script runs it start to end at
//                once, 10 to 120 real seconds after creation: the watcher only ever sees it
//                unstarted (read every `notStartedMs`);
//   abandoned    `bench-000003`, never started: its ttl (`--ttl`, sandbox seconds) ends it
//                `timeout` on the sandbox clock, TTL_S real seconds after creation.
// Latency = onFlowSettled − the moment the flow ended upstream, that moment being the verdict's
// `flow.ended_at` on the sandbox clock mapped to real time (GET /_sandbox/clock gives the
// mapping; the clock runs at a fixed rate from the start). Upstream requests are counted where
// they arrive: the sandbox's own request log (GET /flow…).
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { connect, createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import Redis from 'ioredis';
import { createNodeTransport } from '../src/adapters/node/createNodeTransport.ts';
import { watchJobIdFor } from '../src/verdicts/createBullmqVerdicts.ts';
import { createFlowVerdicts } from '../src/verdicts/createFlowVerdicts.ts';

const FLOWS = Number(process.env.BENCH_FLOWS ?? 10_000);
/** Per cent of the flows started at creation (in progress until their script ends them). */
const IN_PROGRESS_PCT = Number(process.env.BENCH_IN_PROGRESS_PCT ?? 3);
/** Per cent of the flows that end by their script without the watcher ever seeing them started. */
const QUICK_PCT = Number(process.env.BENCH_QUICK_PCT ?? 2);
const BUDGET = Number(process.env.BENCH_BUDGET_RPS ?? 200);
const NOT_STARTED_MS = Number(process.env.BENCH_NOT_STARTED_MS ?? 60_000);
const IN_PROGRESS_MS = Number(process.env.BENCH_IN_PROGRESS_MS ?? 2000);
const RAMP_S = Number(process.env.BENCH_RAMP_S ?? 60);
/** Sandbox seconds per real second: the ttl and the timed ids' delays pass this much faster. */
const CLOCK_RATE = Number(process.env.BENCH_CLOCK_RATE ?? 2);
/** Real seconds from creation to the end of an abandoned flow's ttl. */
const TTL_S = Number(process.env.BENCH_TTL_S ?? 200);
const DRAIN_LIMIT_S = Number(process.env.BENCH_DRAIN_LIMIT_S ?? 150);
const API_KEY = 'sandbox-other-key';
const PREFIX = 'bench-verdicts';
const SANDBOX_TTL = Math.round(TTL_S * CLOCK_RATE);
if (SANDBOX_TTL < 60)
  throw new Error('BENCH_TTL_S × BENCH_CLOCK_RATE must be at least 60 (the spec’s smallest ttl)');

const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});
const hardStop = setTimeout(
  () => {
    console.error('bench:watcher: over its time bound, stopping');
    process.exit(2);
  },
  (RAMP_S + TTL_S + NOT_STARTED_MS / 1000 + DRAIN_LIMIT_S + 120) * 1000,
);
hardStop.unref();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** utime + stime of a process in ms, from /proc (clock ticks are 100 Hz on Linux). */
function cpuMsOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

async function startRedis(): Promise<{ port: number; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  children.add(child);
  child.once('error', (error) => {
    console.error(`redis-server could not start (${error.message}): it must be on PATH`);
    process.exit(1);
  });
  for (let attempt = 0; attempt < 200; attempt++) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (up) return { port, child };
    await sleep(50);
  }
  throw new Error('redis-server did not accept connections');
}

/** Upstream reads the sandbox served, one timestamp (ms) each, from its request log. */
const upstreamReads: number[] = [];

async function startSandbox(): Promise<{ url: string; child: ChildProcess }> {
  const cli = fileURLToPath(new URL('../../sandbox/src/cli.ts', import.meta.url));
  const args = ['--port', '0', '--clock-rate', String(CLOCK_RATE), '--ttl', String(SANDBOX_TTL)];
  const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  let buffer = '';
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      const now = Date.now();
      for (const line of lines) {
        const listening = line.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
        if (listening) resolve({ url: listening[1] as string, child });
        // The watcher's reads only: GET /flow/{id} and GET /flow/{id}/result.
        if (/^\s*GET \/flow\//.test(line)) upstreamReads.push(now);
      }
    });
  });
}

function call(
  agent: http.Agent,
  base: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      new URL(path, base),
      {
        method,
        agent,
        headers: {
          'X-Verigram-Api-Key': API_KEY,
          'X-Verigram-Api-Version': '2.0',
          ...(payload ? { 'Content-Type': 'application/json' } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => {
          let json: unknown = null;
          try {
            json = JSON.parse(text);
          } catch {}
          resolve({ status: res.statusCode ?? 0, json });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted.length
    ? (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number)
    : NaN;

/** The most reads in any one-second window starting at a read, over [from, to). */
function peakPerSecond(from: number, to: number): number {
  const inRange = upstreamReads.filter((t) => t >= from && t < to);
  let peak = 0;
  let start = 0;
  for (let end = 0; end < inRange.length; end++) {
    while ((inRange[end] as number) - (inRange[start] as number) >= 1000) start++;
    peak = Math.max(peak, end - start + 1);
  }
  return peak;
}
const meanPerSecond = (from: number, to: number) =>
  upstreamReads.filter((t) => t >= from && t < to).length / ((to - from) / 1000);

async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(info.match(/^used_memory:(\d+)/m)?.[1]);
}

function heapUsed(): number {
  (globalThis as { gc?: () => void }).gc?.();
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

type Kind = 'in progress' | 'quick' | 'abandoned';
const KINDS: Kind[] = ['in progress', 'quick', 'abandoned'];

function kindOf(index: number): Kind {
  const slot = index % 100;
  if (slot < IN_PROGRESS_PCT) return 'in progress';
  if (slot < IN_PROGRESS_PCT + QUICK_PCT) return 'quick';
  return 'abandoned';
}

/** A seeded generator (mulberry32), so two runs script the same flows. */
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const random = seeded(20261206);

function personIdOf(index: number, kind: Kind): string {
  const base = `bench-${String(index).padStart(6, '0')}`;
  if (kind === 'abandoned') return base;
  const realSeconds =
    kind === 'in progress' ? NOT_STARTED_MS / 1000 + 10 + random() * 50 : 10 + random() * 110;
  return `${base}+after${Math.round(realSeconds * CLOCK_RATE)}`;
}

async function main() {
  if (!(globalThis as { gc?: unknown }).gc) {
    console.error('bench:watcher: run with node --expose-gc (pnpm bench:watcher does) for the heap figure');
  }
  const startedAt = Date.now();
  const [redisServer, sandbox] = await Promise.all([startRedis(), startSandbox()]);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  const redis = new Redis({ host: '127.0.0.1', port: redisServer.port, maxRetriesPerRequest: null });
  console.log(
    `sandbox ${sandbox.url} (clock ×${CLOCK_RATE}, ttl ${SANDBOX_TTL} s), redis-server 127.0.0.1:${redisServer.port}`,
  );
  console.log(
    `${FLOWS} flows (${IN_PROGRESS_PCT} % in progress, ${QUICK_PCT} % quick, the rest abandoned), budget ${BUDGET} req/s, notStartedMs ${NOT_STARTED_MS}, inProgressMs ${IN_PROGRESS_MS}`,
  );

  // The sandbox clock runs at a fixed rate from its start: one reading maps it to real time.
  const asked = Date.now();
  const clock = (await call(agent, sandbox.url, 'GET', '/_sandbox/clock')).json as {
    now: string;
    rate: number;
  };
  const realAtReading = (asked + Date.now()) / 2;
  const realOf = (iso: string) => realAtReading + (Date.parse(iso) - Date.parse(clock.now)) / clock.rate;

  const kinds = new Map<string, Kind>();
  const warmedUp = new Set<string>();
  // What the bench keeps of each verdict (not the verdict itself: its heap would count as the watcher's).
  const verdicts = new Map<
    string,
    { at: number; endedAt: string | undefined; outcome: string; calls: number }
  >();
  const watcher = createFlowVerdicts({
    apiKey: API_KEY,
    baseUrl: sandbox.url,
    fetch: createNodeTransport(),
    redis: { host: '127.0.0.1', port: redisServer.port, maxRetriesPerRequest: null },
    prefix: PREFIX,
    upstreamBudget: { requestsPerSecond: BUDGET },
    intervals: { notStartedMs: NOT_STARTED_MS, inProgressMs: IN_PROGRESS_MS },
    onFlowSettled: (verdict) => {
      if (!kinds.has(verdict.flowId)) return void warmedUp.add(verdict.flowId);
      const known = verdicts.get(verdict.flowId);
      if (known) known.calls++;
      else
        verdicts.set(verdict.flowId, {
          at: Date.now(),
          endedAt: verdict.flow?.ended_at,
          outcome: `${verdict.state}/${verdict.flow?.flow_status}/${verdict.flow?.end_cause}`,
          calls: 1,
        });
    },
  });
  // Warm-up, so that fixed costs stay out of the per-flow figures: a flow that ends at creation
  // and one that does not, both read at once, load every script the watcher and BullMQ use into
  // Redis (and the modules into this process).
  const warmUp: string[] = [];
  for (const personId of ['warmup-01+auto', 'warmup-02']) {
    const created = await call(agent, sandbox.url, 'POST', '/flow', { person_id: personId, locale: 'en' });
    const { flow_id: flowId, vlink } = created.json as { flow_id: string; vlink: string };
    warmUp.push(flowId);
    await watcher.track({ flowId, personId, vlink });
    await watcher.nudge(flowId);
  }
  while (!warmedUp.has(warmUp[0] as string)) await sleep(50);
  await sleep(1000);
  const redisBefore = await usedMemory(redis);
  const heapBefore = heapUsed();

  // 1. Create and track the flows, spread over RAMP_S seconds, as a proxy would.
  const rampStart = Date.now();
  const perTick = Math.ceil(FLOWS / (RAMP_S * 10));
  for (let first = 0; first < FLOWS; first += perTick) {
    const tickStart = Date.now();
    const indexes = Array.from({ length: Math.min(perTick, FLOWS - first) }, (_, k) => first + k);
    await Promise.all(
      indexes.map(async (index) => {
        const kind = kindOf(index);
        const personId = personIdOf(index, kind);
        const created = await call(agent, sandbox.url, 'POST', '/flow', {
          person_id: personId,
          locale: 'en',
        });
        if (created.status !== 201) throw new Error(`POST /flow answered ${created.status}`);
        const { flow_id: flowId, vlink } = created.json as { flow_id: string; vlink: string };
        if (kind === 'in progress') {
          // The person presses Start: the consent step passes, the flow waits on liveness.
          const started = await call(agent, sandbox.url, 'POST', `/_sandbox/flows/${flowId}/steps/current`, {
            outcome: 'pass',
          });
          if (started.status !== 200) throw new Error(`steps/current answered ${started.status}`);
        }
        kinds.set(flowId, kind);
        await watcher.track({ flowId, personId, vlink });
      }),
    );
    await sleep(Math.max(0, 100 - (Date.now() - tickStart)));
  }
  const rampEnd = Date.now();
  console.log(`created and tracked ${FLOWS} flows in ${((rampEnd - rampStart) / 1000).toFixed(1)} s`);

  // 2. Steady: every flow has had its first read `notStartedMs` after it was tracked; the
  // abandoned ones start to end TTL_S after the first was created.
  const firstReadsDone = rampEnd + NOT_STARTED_MS + 2000;
  const steadyTo = rampStart + TTL_S * 1000;
  if (firstReadsDone > steadyTo) console.error('bench:watcher: the ttl ends before every flow was read once');
  const cpuWatcher0 = process.cpuUsage();
  const cpuRedis0 = cpuMsOf(redisServer.child.pid);
  const cpuSandbox0 = cpuMsOf(sandbox.child.pid);
  await sleep(Math.max(0, firstReadsDone - Date.now()));
  const redisAfter = await usedMemory(redis);
  const heapAfter = heapUsed();
  const openAtMeasure = FLOWS - verdicts.size;
  const keys = await redis.dbsize();
  // Where one abandoned flow's bytes go: its ledger entry, its watch job, its person's index.
  const sampleId = [...kinds].find(([id, kind]) => kind === 'abandoned' && !verdicts.has(id))?.[0] as string;
  const breakdown: string[] = [];
  for (const key of [
    `${PREFIX}:ledger:flow:${sampleId}`,
    `${PREFIX}:watch:${watchJobIdFor(sampleId)}`,
    `${PREFIX}:ledger:person:${(await watcher.get(sampleId))?.personId}`,
  ]) {
    breakdown.push(
      `${key.replace(sampleId, '{id}').replace(/bench-\d+/, '{person}')} ${await redis.memory('USAGE', key)} B`,
    );
  }
  const zsets: string[] = [];
  for (const name of ['delayed', 'prioritized']) {
    const key = `${PREFIX}:watch:${name}`;
    zsets.push(`${name} ${await redis.zcard(key)} jobs ${await redis.memory('USAGE', key, 'SAMPLES', 0)} B`);
  }
  await sleep(Math.max(0, steadyTo - Date.now()));
  const cpuWatcherSteady = process.cpuUsage(cpuWatcher0);
  const cpuRedisSteady = cpuMsOf(redisServer.child.pid) - cpuRedis0;
  const cpuSandboxSteady = cpuMsOf(sandbox.child.pid) - cpuSandbox0;

  // 3. The abandoned flows end over the next RAMP_S seconds; wait for every verdict.
  const drainLimit = rampEnd + TTL_S * 1000 + NOT_STARTED_MS + DRAIN_LIMIT_S * 1000;
  while (verdicts.size < FLOWS && Date.now() < drainLimit) await sleep(250);
  const drainedAt = Date.now();
  const pending = await watcher.pending();

  const latencies = new Map<Kind, number[]>(KINDS.map((kind) => [kind, []]));
  const outcomes = new Map<string, number>();
  for (const [flowId, { at, endedAt, outcome }] of verdicts) {
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    if (endedAt) latencies.get(kinds.get(flowId) as Kind)?.push(at - realOf(endedAt));
  }
  const steadySeconds = (steadyTo - rampEnd) / 1000;
  const duplicates = [...verdicts.values()].filter((v) => v.calls > 1).length;

  const row = (label: string, value: string) => console.log(`  ${label.padEnd(48)} ${value}`);
  const figures = (values: number[]) => {
    const sorted = values.sort((a, b) => a - b).map((ms) => Math.max(0, Math.round(ms)));
    return `p50 ${percentile(sorted, 50)} ms, p95 ${percentile(sorted, 95)} ms, max ${sorted.at(-1)} ms (n=${sorted.length})`;
  };
  console.log(`\nbench:watcher ${new Date(startedAt).toISOString()} (Node ${process.version})`);
  row(
    'upstream reads/s after the ramp (mean / peak 1 s)',
    `${meanPerSecond(rampEnd, steadyTo).toFixed(1)} / ${peakPerSecond(rampEnd, steadyTo)}  (budget ${BUDGET})`,
  );
  row(
    'upstream reads/s, whole run (peak 1 s)',
    `${peakPerSecond(0, Number.POSITIVE_INFINITY)}  (budget ${BUDGET})`,
  );
  row(
    'reads asked by the unstarted flows alone',
    `${((FLOWS * (100 - IN_PROGRESS_PCT)) / 100 / (NOT_STARTED_MS / 1000)).toFixed(0)} /s`,
  );
  row(
    'latency, in progress (goal p95 <= 2 × inProgressMs)',
    `${figures(latencies.get('in progress') as number[])}; goal ${2 * IN_PROGRESS_MS} ms`,
  );
  row('latency, quick (seen unstarted only)', `${figures(latencies.get('quick') as number[])}`);
  row('latency, abandoned (ttl ran out)', `${figures(latencies.get('abandoned') as number[])}`);
  row(
    'verdicts delivered / flows',
    `${verdicts.size} / ${FLOWS}, ${duplicates} delivered more than once, pending after: ${pending.watches} watches ${pending.deliveries} deliveries (last at +${((drainedAt - rampEnd) / 1000).toFixed(0)} s after the ramp)`,
  );
  row('outcomes', [...outcomes].map(([k, n]) => `${k} ${n}`).join(', '));
  row(
    'Redis per tracked flow (used_memory delta)',
    `${((redisAfter - redisBefore) / FLOWS).toFixed(0)} B  (${openAtMeasure} of ${FLOWS} still watched; ${keys} keys)`,
  );
  row("  MEMORY USAGE of an abandoned flow's keys", breakdown.join(', '));
  row('  the watch queue’s sorted sets', zsets.join(', '));
  row(
    'heap per tracked flow (after GC)',
    `${((heapAfter - heapBefore) / FLOWS).toFixed(0)} B (the bench's own maps included)`,
  );
  row(
    'CPU after the ramp (watcher process / redis / sandbox)',
    `${((cpuWatcherSteady.user + cpuWatcherSteady.system) / 1000 / steadySeconds / 10).toFixed(1)} % / ${(cpuRedisSteady / steadySeconds / 10).toFixed(1)} % / ${(cpuSandboxSteady / steadySeconds / 10).toFixed(1)} % of one core over ${steadySeconds.toFixed(0)} s`,
  );
  row('run time', `${((Date.now() - startedAt) / 1000).toFixed(0)} s`);

  await watcher.close();
  await redis.quit();
  agent.destroy();
  for (const child of children) child.kill();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
