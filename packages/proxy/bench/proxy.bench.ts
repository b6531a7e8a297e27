// `pnpm bench:proxy` (README "Benchmark"): on 127.0.0.1, 50 keep-alive connections, a bounded
// time per case. Compares the upstream itself, a raw node:http passthrough and the proxy's Node
// adapter doing its real work (authorize, Bearer token check, upstream call, JSON answer).
// Not a test: it prints figures; the README records them.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { createFlowTokenSigner } from '../src/auth/createFlowTokenSigner.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const WARMUP_MS = 500;
// Before the measured rounds each server takes this much load on its own: a server's steady state
// is what throughput is about (cold start has its own figure). Measured here, the proxy's CPU per
// request keeps falling for ~15 s of load (V8 tiering up a longer path, the young generation
// growing), the raw passthrough's for ~2 s; the warm-up's own rps is printed beside the rest.
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SECRET = 'bench-secret-bench-secret-bench-secret-0123';
const USER = 'bench-user-01';

interface Started {
  child: ChildProcess;
  port: number;
  startedAt: bigint;
  rss: Promise<number>;
}

/** esbuild ships with tsx and vite (both root devDependencies); bundling keeps tsx out of the cold start. */
async function bundle(): Promise<string> {
  const outfile = join(tmpdir(), `verigram-proxy-bench-${process.pid}.mjs`);
  await build({
    entryPoints: [new URL('./benchServer.ts', import.meta.url).pathname],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'error',
  });
  return outfile;
}

const children = new Set<ChildProcess>();
// Whatever happens to this script, its servers go with it.
process.on('exit', () => {
  for (const child of children) child.kill();
});

async function start(script: string, ...args: string[]): Promise<Started> {
  const startedAt = process.hrtime.bigint();
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(child);
  child.on('exit', () => children.delete(child));
  let buffer = '';
  let resolveRss: (rss: number) => void = () => {};
  const rss = new Promise<number>((resolve) => {
    resolveRss = resolve;
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      for (const line of buffer.split('\n')) {
        const [word, value] = line.split(' ');
        if (word === 'LISTENING') resolve(Number(value));
        if (word === 'RSS') resolveRss(Number(value));
      }
    });
  });
  return { child, port, startedAt, rss };
}

function request(
  agent: http.Agent,
  port: number,
  path: string,
  headers: Record<string, string>,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, headers, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
  });
}

interface Tally {
  latencies: number[];
  seconds: number;
  errors: number;
  /** CPU time the server process spent, in ms (Linux /proc; NaN elsewhere). */
  cpuMs: number;
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

/** One bounded burst of load: CONNECTIONS workers, each a keep-alive loop of GETs. */
async function load(
  server: Started,
  path: string,
  headers: Record<string, string>,
  seconds: number,
  tally: Tally,
) {
  const port = server.port;
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const warmupEnd = Date.now() + WARMUP_MS;
  const end = warmupEnd + seconds * 1000;
  let measuredFrom = 0n;
  const worker = async () => {
    while (Date.now() < end) {
      const t0 = process.hrtime.bigint();
      const status = await request(agent, port, path, headers).catch(() => 0);
      const t1 = process.hrtime.bigint();
      if (Date.now() < warmupEnd) continue;
      if (measuredFrom === 0n) measuredFrom = t0;
      if (status !== 200) tally.errors++;
      tally.latencies.push(Number(t1 - t0) / 1e6);
    }
  };
  const cpuStart = new Promise<number>((resolve) =>
    setTimeout(() => resolve(cpuMsOf(server.child.pid)), WARMUP_MS),
  );
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  tally.cpuMs += cpuMsOf(server.child.pid) - (await cpuStart);
  tally.seconds += Number(process.hrtime.bigint() - measuredFrom) / 1e9;
  agent.destroy();
}

function summarise(tally: Tally) {
  const latencies = [...tally.latencies].sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
  return {
    rps: latencies.length / tally.seconds,
    p50: at(0.5),
    p99: at(0.99),
    errors: tally.errors,
    cpuUsPerRequest: (tally.cpuMs * 1000) / latencies.length,
  };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

async function coldStart(script: string, path: string, headers: Record<string, string>, ...args: string[]) {
  const server = await start(script, ...args);
  const agent = new http.Agent({ keepAlive: false });
  const status = await request(agent, server.port, path, headers);
  const coldMs = Number(process.hrtime.bigint() - server.startedAt) / 1e6;
  const rss = await server.rss;
  return { server, status, coldMs, rss };
}

const script = await bundle();
process.on('exit', () => rmSync(script, { force: true }));
const upstream = await start(script, 'upstream');
const upstreamUrl = `http://127.0.0.1:${upstream.port}`;
const { token } = await createFlowTokenSigner(SECRET, 3600).sign('flow-1', USER);
const cases: Array<{ name: string; args: string[]; path: string; headers: Record<string, string> }> = [
  {
    name: 'direct upstream',
    args: ['upstream'],
    path: '/flow/flow-1',
    headers: { 'x-verigram-api-key': 'sandbox-test-key' },
  },
  {
    name: 'raw node:http passthrough',
    args: ['raw', upstreamUrl],
    path: '/api/verigram/flow/flow-1',
    headers: {},
  },
  {
    name: 'proxy (Node adapter, token check)',
    args: ['proxy', upstreamUrl],
    path: '/api/verigram/flow/flow-1',
    headers: { authorization: `Bearer ${token}`, 'x-bench-user': USER },
  },
];

console.log(
  `Node ${process.version}, ${cpus().length} cores, ${CONNECTIONS} connections, ${SECONDS} s per case in ${ROUNDS} interleaved rounds (+${WARMUP_MS} ms warm-up each), after ${WARMUP_SECONDS} s of warm-up load per server`,
);
// Cold start and RSS: the median of three fresh processes per case.
const servers: Started[] = [];
const startup: Record<string, { coldMs: number; rss: number }> = {};
for (const c of cases) {
  const colds: number[] = [];
  const rsses: number[] = [];
  for (let i = 0; i < 3; i++) {
    const { server, status, coldMs, rss } = await coldStart(script, c.path, c.headers, ...c.args);
    if (status !== 200) throw new Error(`${c.name}: first request answered ${status}`);
    colds.push(coldMs);
    rsses.push(rss);
    if (i < 2) {
      server.child.kill();
      await once(server.child, 'exit');
    } else servers.push(server);
  }
  startup[c.name] = { coldMs: median(colds), rss: median(rsses) };
}
// Warm-up: each server alone, tallied apart so its figures are printed, never mixed in.
const warmups = cases.map((): Tally => ({ latencies: [], seconds: 0, errors: 0, cpuMs: 0 }));
for (const [i, c] of cases.entries()) {
  await load(servers[i] as Started, c.path, c.headers, WARMUP_SECONDS, warmups[i] as Tally);
}
// Throughput: the cases take turns, so a neighbour's burst of CPU (the machine is shared) hits
// them alike instead of spoiling one case.
const tallies = cases.map((): Tally => ({ latencies: [], seconds: 0, errors: 0, cpuMs: 0 }));
for (let round = 0; round < ROUNDS; round++) {
  for (const [i, c] of cases.entries()) {
    await load(servers[i] as Started, c.path, c.headers, SECONDS / ROUNDS, tallies[i] as Tally);
  }
}
for (const server of [...servers, upstream]) server.child.kill();

const results: Record<
  string,
  ReturnType<typeof summarise> & { coldMs: number; rss: number; warmup: ReturnType<typeof summarise> }
> = {};
for (const [i, c] of cases.entries()) {
  results[c.name] = {
    ...summarise(tallies[i] as Tally),
    ...(startup[c.name] as { coldMs: number; rss: number }),
    warmup: summarise(warmups[i] as Tally),
  };
}

const pad = (text: string, width: number) => text.padEnd(width);
console.log(
  `\n${pad('case', 36)}${pad('rps', 10)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad('cold ms', 10)}${pad('RSS MB', 9)}${pad('CPU µs/req', 12)}${pad('errors', 8)}warm-up rps, CPU µs/req`,
);
for (const [name, r] of Object.entries(results)) {
  console.log(
    `${pad(name, 36)}${pad(r.rps.toFixed(0), 10)}${pad(r.p50.toFixed(2), 9)}${pad(r.p99.toFixed(2), 9)}${pad(r.coldMs.toFixed(0), 10)}${pad((r.rss / 2 ** 20).toFixed(1), 9)}${pad(r.cpuUsPerRequest.toFixed(0), 12)}${pad(String(r.errors + r.warmup.errors), 8)}${r.warmup.rps.toFixed(0)}, ${r.warmup.cpuUsPerRequest.toFixed(0)}`,
  );
}
const raw = results['raw node:http passthrough'];
const proxy = results['proxy (Node adapter, token check)'];
if (raw && proxy) {
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  console.log(
    `\nproxy/raw rps ${(proxy.rps / raw.rps).toFixed(2)}x (target >= 0.8x: ${verdict(proxy.rps >= 0.8 * raw.rps)})`,
  );
  console.log(
    `proxy/raw p99 ${(proxy.p99 / raw.p99).toFixed(2)}x (target <= 1.5x: ${verdict(proxy.p99 <= 1.5 * raw.p99)})`,
  );
  console.log(
    `proxy cold start ${proxy.coldMs.toFixed(0)} ms (target < 200 ms: ${verdict(proxy.coldMs < 200)})`,
  );
  console.log(
    `server CPU per request: proxy ${proxy.cpuUsPerRequest.toFixed(0)} µs, raw ${raw.cpuUsPerRequest.toFixed(0)} µs (load-independent; the rps ratio follows it when the machine is quiet)`,
  );
  console.log(
    `proxy RSS after first request ${(proxy.rss / 2 ** 20).toFixed(1)} MB (target < 60 MB: ${verdict(proxy.rss < 60 * 2 ** 20)})`,
  );
}
