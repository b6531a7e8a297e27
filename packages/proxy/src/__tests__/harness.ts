// Shared set-up of the handler tests: a proxy over an upstream, plain Request builders, and a
// recorder of every response and log line so a suite can grep them for the API key.
import { createVerigramProxy } from '../createVerigramProxy.ts';
import type { VerigramProxyOptions } from '../VerigramProxyOptions.ts';
import { API_KEY } from './fakeUpstream.ts';

export const APP = 'https://app.example.com';
export const SECRET = 'test-secret-that-is-at-least-32-bytes-long!';
export const ALICE = 'alice-0001';
export const BOB = 'bob-000002';

/** Everything the proxy said in a suite: response statuses, headers, bodies and log lines. */
export const transcript: string[] = [];

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: Record<string, unknown>;
}

export function createHarness(
  upstream: { baseUrl: string; fetch?: VerigramProxyOptions['fetch'] },
  overrides: Partial<VerigramProxyOptions> = {},
) {
  const logs: string[] = [];
  const proxy = createVerigramProxy({
    apiKey: API_KEY,
    baseUrl: upstream.baseUrl,
    fetch: upstream.fetch,
    secret: SECRET,
    authorize: (request) => {
      // Stands in for the host app's session cookie.
      const user = request.headers.get('x-test-user');
      return user ? { personId: user } : null;
    },
    templates: { basic: { pipeline: [{ service_name: 'verilive' }] } },
    uiPresets: { brand: { theme: 'bts', logo_url: 'https://docs.services.verigram.cloud/logo.svg' } },
    retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 50 },
    logger: (level, message, fields) => {
      const line = JSON.stringify({ level, message, fields });
      logs.push(line);
      transcript.push(line);
    },
    ...overrides,
  });

  async function send(request: Request, context?: { clientIp?: string }): Promise<Answer> {
    const response = await proxy(request, context);
    const text = await response.text();
    const headerLines: string[] = [];
    for (const [name, value] of response.headers) headerLines.push(`${name}: ${value}`);
    transcript.push(`${response.status}\n${headerLines.join('\n')}\n\n${text}`);
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text);
    } catch {}
    return { status: response.status, headers: response.headers, text, json };
  }

  return { proxy, send, logs };
}

export function post(
  path: string,
  body: unknown,
  {
    user = ALICE,
    origin = APP,
    headers = {},
  }: { user?: string | null; origin?: string | null; headers?: Record<string, string> } = {},
): Request {
  const all: Record<string, string> = { 'content-type': 'application/json', ...headers };
  if (origin !== null) all.origin = origin;
  if (user !== null) all['x-test-user'] = user;
  return new Request(`${APP}/api/verigram${path}`, {
    method: 'POST',
    headers: all,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export function get(
  path: string,
  {
    user = ALICE,
    token,
    headers = {},
  }: { user?: string | null; token?: string; headers?: Record<string, string> } = {},
): Request {
  const all: Record<string, string> = { ...headers };
  if (user !== null) all['x-test-user'] = user;
  if (token !== undefined) all.authorization = `Bearer ${token}`;
  return new Request(`${APP}/api/verigram${path}`, { headers: all });
}
