import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SandboxEngine, type SandboxEngineOptions } from '../engine/SandboxEngine.ts';
import { createSandboxHandler, type SandboxHandlerContext } from './createSandboxHandler.ts';
import { type RateLimit, RateLimiter } from './RateLimiter.ts';
import { SandboxClock } from './SandboxClock.ts';
import { FaultSwitch, faultsFromEnv, type SandboxFaults } from './withFaults.ts';

/** Whether the hosted page posts the sandbox's postMessage protocol to its embedder. */
export type PageMessages = 'on' | 'off';

export interface StartSandboxOptions extends Omit<SandboxEngineOptions, 'vlinkFor'> {
  /** Port of the API origin; 0 picks a free one (use it in tests). @default 0 */
  port?: number;
  /**
   * Port of the hosted page's origin, a second server: like Verigram, whose API (services.*) and
   * hosted page (web.*) are different origins, so a vlink built from the API's address fails here
   * as it would in production. 0 picks a free one. @default 0
   */
  pagePort?: number;
  /** Interface both servers listen on. @default '127.0.0.1' */
  host?: string;
  /** Base of vlinks (the hosted page's origin) when it is reached through another address. @default the page server's URL */
  publicUrl?: string;
  /**
   * `'off'` makes the hosted page silent, as the real one is: Verigram documents no postMessage
   * protocol, so production pages send none; the page still goes to `callback_url` at the end.
   * `'on'` posts the sandbox's own protocol (packages/core/PROTOCOL.md). Read from
   * `VERIGRAM_SANDBOX_PAGE_MESSAGES` in `env` when not given. @default 'on'
   */
  pageMessages?: PageMessages;
  /** Initial faults, on top of the SANDBOX_* environment variables. @default none */
  faults?: SandboxFaults;
  /** Read SANDBOX_* fault variables and VERIGRAM_SANDBOX_PAGE_MESSAGES from this environment. @default process.env */
  env?: Record<string, string | undefined>;
  /** Rate limit of test keys. @default { limit: 600, windowMs: 60000 } */
  rateLimit?: RateLimit;
  /**
   * How many times faster than real time the sandbox clock runs (deadlines, ttl, rate windows,
   * timed person ids such as `alice+after30`): above 0, at most 10000; change it later with
   * `setClockRate` or `POST /_sandbox/clock {"rate": n}`. @default 1
   */
  clockRate?: number;
  /** Randomness for fault rates (inject for deterministic tests). @default Math.random */
  random?: () => number;
  /** Receives one line per request. @default none */
  log?: (line: string) => void;
}

export interface RunningSandbox {
  /** The API origin, the client's `baseUrl`, e.g. `http://127.0.0.1:53211` (no trailing slash). */
  url: string;
  port: number;
  /** The hosted page's origin, where vlinks point, e.g. `http://127.0.0.1:53212` (no trailing slash). */
  pageUrl: string;
  pagePort: number;
  /** Whether the hosted page posts messages to its embedder. */
  pageMessages: PageMessages;
  engine: SandboxEngine;
  /** The API server. */
  server: Server;
  /** The hosted page's server. */
  pageServer: Server;
  /** Replaces the injected faults (missing fields fall back to none). */
  setFaults(faults: SandboxFaults): void;
  getFaults(): Required<SandboxFaults>;
  /** Moves the sandbox's clock forward (timeouts, inactivity, ttl). */
  advanceClock(ms: number): void;
  /** Runs the sandbox's clock `rate` times as fast as real time from now on, with no jump; throws a RangeError outside 0 < rate ≤ 10000. */
  setClockRate(rate: number): void;
  /** The rate the sandbox's clock runs at (1: real time). */
  readonly clockRate: number;
  close(): Promise<void>;
}

/**
 * Starts the Verigram sandbox on node:http.
 * @example
 * const sandbox = await startSandbox();
 * const { vlink } = await (await fetch(`${sandbox.url}/flow`, { method: 'POST', headers: {...}, body })).json();
 * // vlink starts with sandbox.pageUrl: another origin than the API, as in production.
 * expect(sandbox.engine.flowCount).toBe(1);
 * await sandbox.close();
 */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const {
    port = 0,
    pagePort = 0,
    host = '127.0.0.1',
    publicUrl,
    env = process.env,
    rateLimit,
    random = Math.random,
    log,
  } = options;
  const pageMessages = options.pageMessages ?? pageMessagesFromEnv(env);
  const clock = new SandboxClock(options.now, options.clockRate);
  const now = clock.now;
  let base = publicUrl?.replace(/\/$/, '') ?? '';
  const engine = new SandboxEngine({
    ...options,
    now,
    vlinkFor: (id) => `${base}/hf2/${encodeURIComponent(id)}/`,
  });
  const faults = new FaultSwitch({ ...faultsFromEnv(env), ...options.faults });
  const advanceClock = (ms: number) => clock.advance(ms);
  const setClockRate = (rate: number) => clock.setRate(rate);
  const context: SandboxHandlerContext = {
    engine,
    rateLimiter: new RateLimiter(rateLimit),
    faults,
    now,
    advanceClock,
    setClockRate,
    clockRate: () => clock.rate,
    random,
    log,
    pageMessages: pageMessages === 'on',
  };
  let apiUrl = '';
  const api = createSandboxHandler({ ...context, serve: 'api', elsewhere: () => base });
  const page = createSandboxHandler({ ...context, serve: 'page', elsewhere: () => apiUrl });
  const server = createServer((req, res) => void api(req, res));
  const pageServer = createServer((req, res) => void page(req, res));
  const listen = (s: Server, p: number) =>
    new Promise<number>((resolve, reject) => {
      s.once('error', reject);
      s.listen(p, host, () => resolve((s.address() as AddressInfo).port));
    });
  const close = (s: Server) =>
    new Promise<void>((resolve, reject) => {
      if (!s.listening) return resolve();
      s.closeAllConnections();
      s.close((err) => (err ? reject(err) : resolve()));
    });
  const origin = (p: number) => `http://${host.includes(':') ? `[${host}]` : host}:${p}`;
  let boundPort: number;
  let boundPagePort: number;
  try {
    boundPort = await listen(server, port);
    boundPagePort = await listen(pageServer, pagePort);
  } catch (err) {
    await close(server);
    throw err;
  }
  apiUrl = origin(boundPort);
  const pageUrl = origin(boundPagePort);
  if (!publicUrl) base = pageUrl;
  return {
    url: apiUrl,
    port: boundPort,
    pageUrl,
    pagePort: boundPagePort,
    pageMessages,
    engine,
    server,
    pageServer,
    setFaults: (f) => faults.set(f),
    getFaults: () => faults.get(),
    advanceClock,
    setClockRate,
    get clockRate() {
      return clock.rate;
    },
    close: async () => {
      await Promise.all([close(server), close(pageServer)]);
    },
  };
}

/** `VERIGRAM_SANDBOX_PAGE_MESSAGES`: `on` (or unset) or `off`; anything else is a mistake to report. */
export function pageMessagesFromEnv(env: Record<string, string | undefined>): PageMessages {
  const value = env.VERIGRAM_SANDBOX_PAGE_MESSAGES?.trim().toLowerCase();
  if (value === undefined || value === '' || value === 'on') return 'on';
  if (value === 'off') return 'off';
  throw new Error(`VERIGRAM_SANDBOX_PAGE_MESSAGES must be "on" or "off", got "${value}"`);
}
