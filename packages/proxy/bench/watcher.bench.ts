// `pnpm bench:watcher`: the server-side verdict watcher (`createFlowVerdicts`, BullMQ mode) over
// 10,000 open flows. The sandbox runs as a child process and a real `redis-server` (from PATH) on
// a free port, both on 127.0.0.1; nothing else is reached. Not a test: it prints figures; the
// proxy README records them. Bounded: about four minutes, then it stops everything it started.
//
// Phases (all flows belong to the sandbox's second consumer, which has no rate limit):
//   1. create FLOWS flows in the sandbox over HTTP; start IN_PROGRESS of them (first step decided);
//   2. track them all over RAMP_S seconds (the in-progress ones first), as a proxy would while
//      flows are created; each is first read `notStartedMs` after it is tracked;
//   3. once every flow has been read, end the in-progress flows one by one at random moments of
//      END_WINDOW_S seconds: verdict latency = onFlowSettled − the moment the flow ended upstream;
//   4. move the sandbox's clock past the ttl (`POST /_sandbox/clock`): every other flow ends
//      `timeout` at once, and the watcher drains them as each comes up for its next read.
// Upstream requests are counted where they arrive: the sandbox's own request log (GET /flow…).
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { connect, createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import Redis from 'ioredis';
import { createNodeTransport } from '../src/adapters/node/createNodeTransport.ts';
import { createFlowVerdicts } from '../src/verdicts/createFlowVerdicts.ts';
import type { FlowVerdict } from '../src/verdicts/FlowVerdicts.ts';

const FLOWS = Number(process.env.BENCH_FLOWS ?? 10_000);
const IN_PROGRESS = Number(process.env.BENCH_IN_PROGRESS ?? 100);
const BUDGET = Number(process.env.BENCH_BUDGET_RPS ?? 250);
const NOT_STARTED_MS = Number(process.env.BENCH_NOT_STARTED_MS ?? 60_000);
const IN_PROGRESS_MS = Number(process.env.BENCH_IN_PROGRESS_MS ?? 2000);
const RAMP_S = Number(process.env.BENCH_RAMP_S ?? 60);
const END_WINDOW_S = Number(process.env.BENCH_END_WINDOW_S ?? 45);
const DRAIN_LIMIT_S = Number(process.env.BENCH_DRAIN_LIMIT_S ?? 150);
const API_KEY = 'sandbox-other-key';
const PREFIX = 'bench-verdicts';

const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});
const hardStop = setTimeout(
  () => {
    console.error('bench:watcher: over its time bound, stopping');
    process.exit(2);
  },
  (RAMP_S + NOT_STARTED_MS / 1000 + END_WINDOW_S + DRAIN_LIMIT_S + 120) * 1000,
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
  const child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0'], {
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

/** Runs `task` over `items` with `width` at once. */
async function pool<T>(items: T[], width: number, task: (item: T, index: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const index = next++;
        await task(items[index] as T, index);
      }
    }),
  );
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

async function main() {
  if (!(globalThis as { gc?: unknown }).gc) {
    console.error('bench:watcher: run with node --expose-gc (pnpm bench:watcher does) for the heap figure');
  }
  const startedAt = Date.now();
  const [redisServer, sandbox] = await Promise.all([startRedis(), startSandbox()]);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  const redis = new Redis({ host: '127.0.0.1', port: redisServer.port, maxRetriesPerRequest: null });
  console.log(`sandbox ${sandbox.url}, redis-server 127.0.0.1:${redisServer.port}`);
  console.log(
    `${FLOWS} flows (${IN_PROGRESS} in progress), budget ${BUDGET} req/s, notStartedMs ${NOT_STARTED_MS}, inProgressMs ${IN_PROGRESS_MS}`,
  );

  // 1. Create the flows upstream.
  const t1 = Date.now();
  const ids: string[] = new Array(FLOWS);
  await pool(ids, 32, async (_, index) => {
    const answer = await call(agent, sandbox.url, 'POST', '/flow', {
      person_id: `bench-${String(index).padStart(6, '0')}`,
      locale: 'en',
    });
    if (answer.status !== 201) throw new Error(`POST /flow answered ${answer.status}`);
    ids[index] = (answer.json as { flow_id: string }).flow_id;
  });
  const inProgress = ids.slice(0, IN_PROGRESS);
  await pool(inProgress, 16, async (flowId) => {
    // The default template's consent step passes: the flow has started and waits on liveness.
    const answer = await call(agent, sandbox.url, 'POST', `/_sandbox/flows/${flowId}/steps/current`, {
      outcome: 'pass',
    });
    if (answer.status !== 200) throw new Error(`steps/current answered ${answer.status}`);
  });
  console.log(`created ${FLOWS} flows upstream in ${((Date.now() - t1) / 1000).toFixed(1)} s`);

  // 2. Track them, spread over RAMP_S seconds.
  const ended = new Map<string, number>();
  const verdicts = new Map<string, { at: number; verdict: FlowVerdict; calls: number }>();
  const watcher = createFlowVerdicts({
    apiKey: API_KEY,
    baseUrl: sandbox.url,
    fetch: createNodeTransport(),
    redis: { host: '127.0.0.1', port: redisServer.port, maxRetriesPerRequest: null },
    prefix: PREFIX,
    upstreamBudget: { requestsPerSecond: BUDGET },
    intervals: { notStartedMs: NOT_STARTED_MS, inProgressMs: IN_PROGRESS_MS },
    onFlowSettled: (verdict) => {
      const known = verdicts.get(verdict.flowId);
      if (known) known.calls++;
      else verdicts.set(verdict.flowId, { at: Date.now(), verdict, calls: 1 });
    },
  });
  // A first call starts the BullMQ mode, so its fixed cost stays out of the per-flow figures.
  await watcher.get('warm-up');
  const redisBefore = await usedMemory(redis);
  const heapBefore = heapUsed();
  const trackStart = Date.now();
  const perTick = Math.ceil(FLOWS / (RAMP_S * 10));
  for (let i = 0; i < FLOWS; i += perTick) {
    const tickStart = Date.now();
    await Promise.all(
      ids.slice(i, i + perTick).map((flowId, k) =>
        watcher.track({
          flowId,
          personId: `bench-${String(i + k).padStart(6, '0')}`,
          vlink: `${sandbox.url}/hf2/${flowId}/`,
        }),
      ),
    );
    await sleep(Math.max(0, 100 - (Date.now() - tickStart)));
  }
  const trackEnd = Date.now();
  const redisAfter = await usedMemory(redis);
  const heapAfter = heapUsed();
  const keys = await redis.dbsize();
  // Where one not-started flow's bytes go: every key naming it, and its person's index.
  const sample = ids[IN_PROGRESS] as string;
  const breakdown: string[] = [];
  for (const key of await redis.keys(`*${sample}*`)) {
    breakdown.push(`${key.replace(sample, '{id}')} ${await redis.memory('USAGE', key)} B`);
  }
  const personKey = (await redis.keys(`*bench-${String(IN_PROGRESS).padStart(6, '0')}*`))[0];
  if (personKey)
    breakdown.push(
      `${personKey.replace(/bench-\d+/, '{person}')} ${await redis.memory('USAGE', personKey)} B`,
    );
  console.log(`tracked ${FLOWS} flows in ${((trackEnd - trackStart) / 1000).toFixed(1)} s`);

  // 3. Wait until every flow has had its first read, then end the in-progress ones at random.
  const firstReadsDone = trackEnd + NOT_STARTED_MS + 2000;
  await sleep(Math.max(0, firstReadsDone - Date.now()));
  const steadyFrom = Date.now();
  const cpuWatcher0 = process.cpuUsage();
  const cpuRedis0 = cpuMsOf(redisServer.child.pid);
  const cpuSandbox0 = cpuMsOf(sandbox.child.pid);
  const endAt = inProgress.map(() => Math.random() * END_WINDOW_S * 1000).sort((a, b) => a - b);
  const order = [...inProgress].sort(() => Math.random() - 0.5);
  await Promise.all(
    order.map(async (flowId, k) => {
      await sleep(endAt[k] as number);
      const answer = await call(agent, sandbox.url, 'POST', `/_sandbox/flows/${flowId}/steps/current`, {
        outcome: 'pass',
      });
      if (answer.status !== 200) throw new Error(`steps/current answered ${answer.status}`);
      ended.set(flowId, Date.now());
    }),
  );
  // Their verdicts: at most a few read intervals after the last end.
  const endsDone = Date.now();
  while (inProgress.some((id) => !verdicts.has(id)) && Date.now() - endsDone < 30_000) await sleep(100);
  const steadyTo = Date.now();
  const cpuWatcherSteady = process.cpuUsage(cpuWatcher0);
  const cpuRedisSteady = cpuMsOf(redisServer.child.pid) - cpuRedis0;
  const cpuSandboxSteady = cpuMsOf(sandbox.child.pid) - cpuSandbox0;

  // 4. Every other flow passes its ttl upstream at once.
  const expiryAt = Date.now();
  const clock = await call(agent, sandbox.url, 'POST', '/_sandbox/clock', {
    advance_ms: 86_400_000 + 60_000,
  });
  if (clock.status !== 200) throw new Error(`/_sandbox/clock answered ${clock.status}`);
  while (verdicts.size < FLOWS && Date.now() - expiryAt < DRAIN_LIMIT_S * 1000) await sleep(250);
  const drainedAt = Date.now();
  const expiredVerdicts = [...verdicts.values()].filter((v) => v.at >= expiryAt);
  const drainLatencies = expiredVerdicts.map((v) => v.at - expiryAt).sort((a, b) => a - b);

  const latencies = inProgress
    .filter((id) => verdicts.has(id) && ended.has(id))
    .map((id) => (verdicts.get(id)?.at as number) - (ended.get(id) as number))
    .sort((a, b) => a - b);
  const steadySeconds = (steadyTo - steadyFrom) / 1000;
  const duplicates = [...verdicts.values()].filter((v) => v.calls > 1).length;
  const outcomes = new Map<string, number>();
  for (const { verdict } of verdicts.values()) {
    const key = `${verdict.state}/${verdict.flow?.flow_status}/${verdict.flow?.end_cause}`;
    outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
  }

  const row = (label: string, value: string) => console.log(`  ${label.padEnd(44)} ${value}`);
  console.log(`\nbench:watcher ${new Date(startedAt).toISOString()} (Node ${process.version})`);
  row(
    'upstream reads/s, steady (mean / peak 1 s)',
    `${meanPerSecond(steadyFrom, steadyTo).toFixed(1)} / ${peakPerSecond(steadyFrom, steadyTo)}  (budget ${BUDGET})`,
  );
  row('upstream reads/s, whole run (peak 1 s)', `${peakPerSecond(0, Number.POSITIVE_INFINITY)}`);
  row(
    'verdict latency after the flow ended',
    `p50 ${percentile(latencies, 50)} ms, p95 ${percentile(latencies, 95)} ms, max ${latencies.at(-1)} ms (n=${latencies.length}; goal p95 <= ${2 * IN_PROGRESS_MS} ms)`,
  );
  row(
    `expiry wave: ${FLOWS - IN_PROGRESS} flows end at once`,
    `${expiredVerdicts.length} verdicts in ${((drainedAt - expiryAt) / 1000).toFixed(1)} s (p50 ${percentile(drainLatencies, 50)} ms, p95 ${percentile(drainLatencies, 95)} ms)`,
  );
  row(
    'upstream reads/s during the expiry wave',
    `mean ${meanPerSecond(expiryAt, drainedAt).toFixed(1)} / peak ${peakPerSecond(expiryAt, drainedAt)}`,
  );
  row('verdicts delivered / flows', `${verdicts.size} / ${FLOWS}, ${duplicates} delivered more than once`);
  row('outcomes', [...outcomes].map(([k, n]) => `${k} ${n}`).join(', '));
  row(
    'Redis per watched flow (used_memory delta)',
    `${((redisAfter - redisBefore) / FLOWS).toFixed(0)} B  (${keys} keys for ${FLOWS} flows)`,
  );
  row("  MEMORY USAGE of one flow's keys", breakdown.join(', '));
  row('heap per watched flow (after GC)', `${((heapAfter - heapBefore) / FLOWS).toFixed(0)} B`);
  row(
    'CPU while steady (watcher process / redis / sandbox)',
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
