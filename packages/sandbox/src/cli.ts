#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { API_KEY_HEADER, API_VERSION, API_VERSION_HEADER } from '@verigram-kit/core';
import { SANDBOX_PORT } from '@verigram-kit/core/internal';
import { checkClockRate } from './server/SandboxClock.ts';
import { type PageMessages, pageMessagesFromEnv, startSandbox } from './server/startSandbox.ts';
import { faultsFromEnv, type SandboxFaults } from './server/withFaults.ts';

const HELP = `verigram-sandbox: a stateful emulator of the Verigram API ${API_VERSION} and its hosted flow page

Usage: verigram-sandbox [options]

Options:
  --port <n>            Port of the API (env SANDBOX_PORT, default 4010; 0 picks a free port)
  --page-port <n>       Port of the hosted page, a second origin like Verigram's web.* (env
                        SANDBOX_PAGE_PORT, default the API port + 1, or a free port when --port is 0)
  --host <addr>         Interface to listen on (default 127.0.0.1)
  --public-url <url>    Base URL of vlinks (the hosted page) when reached through another address
  --page-messages <on|off>  off: the hosted page posts no postMessage, like the real one (env
                        VERIGRAM_SANDBOX_PAGE_MESSAGES, default on)
  --auto-complete       Pass every flow as soon as its page is opened
  --rate-limit <n>      Requests per minute per test key (default 600)
  --ttl <s>             Flow ttl in seconds (default 86400)
  --clock-rate <n>      Run the sandbox clock n times as fast as real time, above 0 and at most
                        10000 (env SANDBOX_CLOCK_RATE, default 1): deadlines, ttl, +after<N> ids
  --latency <ms>        Fault: delay every API answer (env SANDBOX_LATENCY_MS)
  --fault-5xx <rate>    Fault: share 0..1 of API requests answered 500 (env SANDBOX_FAULT_5XX_RATE)
  --fault-429 <n>       Fault: answer the next n API requests 429 (env SANDBOX_FAULT_429_BURST)
  --retry-after <s>     Retry-After of injected 429s (env SANDBOX_FAULT_RETRY_AFTER, default 1)
  --fault-malformed <rate>  Fault: share 0..1 of API answers with a cut JSON body (env SANDBOX_FAULT_MALFORMED_RATE)
  --quiet               Do not log requests
  -h, --help            Show this help
`;

function fail(message: string): never {
  process.stderr.write(`verigram-sandbox: ${message}\nRun verigram-sandbox --help for usage.\n`);
  process.exit(2);
}

function number(
  name: string,
  value: string | undefined,
  { max = Number.POSITIVE_INFINITY } = {},
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > max)
    fail(`--${name} must be a number from 0 to ${max}, got "${value}"`);
  return n;
}

async function main(): Promise<void> {
  let values: Record<string, string | boolean | undefined>;
  try {
    // `pnpm sandbox -- --port 1` forwards the "--" itself.
    const args = process.argv.slice(2);
    if (args[0] === '--') args.shift();
    ({ values } = parseArgs({
      args,
      options: {
        port: { type: 'string' },
        'page-port': { type: 'string' },
        host: { type: 'string' },
        'page-messages': { type: 'string' },
        'public-url': { type: 'string' },
        'auto-complete': { type: 'boolean' },
        'rate-limit': { type: 'string' },
        ttl: { type: 'string' },
        'clock-rate': { type: 'string' },
        latency: { type: 'string' },
        'fault-5xx': { type: 'string' },
        'fault-429': { type: 'string' },
        'retry-after': { type: 'string' },
        'fault-malformed': { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    fail((err as Error).message);
  }
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const port =
    number('port', (values.port as string | undefined) ?? process.env.SANDBOX_PORT, { max: 65535 }) ??
    SANDBOX_PORT;
  const pagePort =
    number('page-port', (values['page-port'] as string | undefined) ?? process.env.SANDBOX_PAGE_PORT, {
      max: 65535,
    }) ?? (port === 0 ? 0 : port + 1);
  if (pagePort !== 0 && pagePort === port) fail('--page-port must differ from --port: they are two origins');
  const host = (values.host as string | undefined) ?? '127.0.0.1';
  let pageMessages: PageMessages;
  try {
    const flag = values['page-messages'] as string | undefined;
    pageMessages = pageMessagesFromEnv(
      flag === undefined ? process.env : { VERIGRAM_SANDBOX_PAGE_MESSAGES: flag },
    );
  } catch (err) {
    fail((err as Error).message.replace('VERIGRAM_SANDBOX_PAGE_MESSAGES', '--page-messages'));
  }
  const faults: SandboxFaults = { ...faultsFromEnv(process.env) };
  const set = (k: keyof SandboxFaults, flag: string, max?: number) => {
    const v = number(flag, values[flag] as string | undefined, max === undefined ? {} : { max });
    if (v !== undefined) faults[k] = v;
  };
  set('latencyMs', 'latency');
  set('error5xxRate', 'fault-5xx', 1);
  set('burst429', 'fault-429');
  set('retryAfterSeconds', 'retry-after');
  set('malformedRate', 'fault-malformed', 1);
  const limit = number('rate-limit', values['rate-limit'] as string | undefined);
  const ttl = number('ttl', values.ttl as string | undefined);
  if (ttl !== undefined && (ttl < 60 || ttl > 31_536_000))
    fail('--ttl must be from 60 to 31536000 (spec Flow.ttl)');
  const clockRateText = (values['clock-rate'] as string | undefined) ?? process.env.SANDBOX_CLOCK_RATE;
  const clockRate = clockRateText === undefined ? undefined : Number(clockRateText);
  const [clockRateProblem] = checkClockRate(clockRate ?? 1, '--clock-rate');
  if (clockRateProblem) fail(`${clockRateProblem}, got "${clockRateText}"`);

  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  try {
    sandbox = await startSandbox({
      port,
      pagePort,
      host,
      pageMessages,
      ...(values['public-url'] ? { publicUrl: values['public-url'] as string } : {}),
      autoComplete: Boolean(values['auto-complete']),
      faults,
      env: {},
      ...(limit !== undefined ? { rateLimit: { limit } } : {}),
      ...(ttl !== undefined ? { ttlSeconds: ttl } : {}),
      ...(clockRate !== undefined ? { clockRate } : {}),
      ...(values.quiet ? {} : { log: (line: string) => process.stdout.write(`  ${line}\n`) }),
    });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    fail(
      e.code === 'EADDRINUSE'
        ? `port ${port} or ${pagePort} is in use; pass --port <n> and --page-port <n> (SANDBOX_PORT, SANDBOX_PAGE_PORT)`
        : e.message,
    );
  }
  const url = sandbox.url;
  const pageUrl = (values['public-url'] as string | undefined)?.replace(/\/$/, '') ?? sandbox.pageUrl;
  const activeFaults = Object.entries(sandbox.getFaults()).filter(([k, v]) => v && k !== 'retryAfterSeconds');
  process.stdout.write(`
Verigram sandbox (API ${API_VERSION}) listening on ${url}

  API base URL     ${url}
  Hosted page      ${pageUrl}/hf2/{flow_id}/   (another origin, as the real one: https://web.verigram.kz/hf2/{flow_id}/)
  Page messages    ${pageMessages === 'on' ? "on (the sandbox's own postMessage protocol; Verigram's page sends none)" : "off (silent, like Verigram's page)"}
  Theme preview    ${pageUrl}/hf2/preview/
  Test keys        sandbox-test-key   (test_flow: true, rate-limited)
                   sandbox-other-key  (a second consumer, to test isolation)
  Auto-complete    ${values['auto-complete'] ? 'on' : 'off'}
  Clock            ${sandbox.clockRate === 1 ? 'real time' : `${sandbox.clockRate}× real time`}
  Faults           ${activeFaults.length ? activeFaults.map(([k, v]) => `${k}=${v}`).join(' ') : 'none'}
  Person ids       alice+pass alice+fail alice+review alice+timeout alice+abandon alice+reviewed
                   alice+suspicious alice+blacklisted alice+whitelisted (+auto: at creation)
                   alice+after30 alice+after5+fail (30 s / 5 s after creation, no page needed)

Control routes (sandbox only):
  POST ${url}/_sandbox/flows/{flow_id}/steps/current   {"outcome":"pass|fail|unknown|abandon|timeout","error_codes":[...]}
  GET  ${url}/_sandbox/flows          PUT ${url}/_sandbox/faults      PUT ${url}/_sandbox/auto-complete
  POST ${url}/_sandbox/clock {"advance_ms":300000} or {"rate":60}   POST ${url}/_sandbox/reset

Try it:
  curl -X POST ${url}/flow \\
    -H 'Content-Type: application/json' \\
    -H '${API_VERSION_HEADER}: ${API_VERSION}' \\
    -H '${API_KEY_HEADER}: sandbox-test-key' \\
    -d '{"callback_url": "https://your-company.com/callback", "person_id": "your-client-id", "locale": "en"}'

`);
  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
