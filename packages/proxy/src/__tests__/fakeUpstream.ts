// A small in-memory stand-in for Verigram, used until (and beside) the sandbox: it checks the key,
// keeps flows and sessions, and can inject faults. Tests assert on its state ("nothing created").
import type { VerigramFetch } from '@verigram-kit/core';

export const API_KEY = 'sandbox-test-key';

export interface Fault {
  status?: number;
  retryAfter?: string;
  delayMs?: number;
  malformed?: boolean;
  networkError?: boolean;
  /** How many upstream calls the fault applies to. @default Infinity */
  times?: number;
}

interface FakeFlow {
  flow_id: string;
  person_id: string;
  vlink: string;
  locale: string;
  callback_url?: string;
  template?: unknown;
}

const JPEG = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9,
]);

export function createFakeUpstream() {
  const flows = new Map<string, FakeFlow>();
  const sessions = new Map<string, { session_id: string; flow_id: string; person_id: string }>();
  const calls: Array<{ method: string; url: string; body: unknown }> = [];
  let fault: Fault | undefined;
  let counter = 0;
  let file: { bytes: Uint8Array; type: string | null } = { bytes: JPEG, type: 'application/octet-stream' };

  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', 'x-upstream-node': 'fake-1', ...headers },
    });

  const fetch: VerigramFetch = async (input, init) => {
    const url = new URL(input);
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method: init.method ?? 'GET', url: input, body });
    if (fault && (fault.times ?? Number.POSITIVE_INFINITY) > 0) {
      const active = fault;
      if (active.times !== undefined) active.times--;
      if (active.delayMs) {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(resolve, active.delayMs);
          init.signal?.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(init.signal?.reason);
          });
        });
      }
      if (active.networkError) throw new TypeError('fetch failed: ECONNREFUSED');
      if (active.malformed) return new Response('<html>oops', { status: active.status ?? 200 });
      if (active.status) {
        const headers: Record<string, string> = active.retryAfter ? { 'retry-after': active.retryAfter } : {};
        return json(active.status, { error_code: 'FAULT', error_msg: `injected ${active.status}` }, headers);
      }
    }
    const headers = init.headers as Record<string, string>;
    if (headers['X-Verigram-Api-Key'] !== API_KEY) {
      return json(401, { error_code: 'UNAUTHORIZED', error_msg: 'Unknown API key' });
    }
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const method = init.method ?? 'GET';
    if (method === 'POST' && url.pathname === '/flow') {
      if (!/^[a-zA-Z0-9_@.+-]{6,48}$/.test(body?.person_id ?? '')) {
        return json(422, { error_code: 'INVALID_PAYLOAD', error_msg: 'Invalid person_id' });
      }
      const flow_id = `flow-${++counter}`;
      flows.set(flow_id, {
        flow_id,
        person_id: body.person_id,
        vlink: `http://upstream.test/hf2/${flow_id}/`,
        locale: body.locale ?? 'en',
        callback_url: body.callback_url,
        template: body.template,
      });
      return json(201, { flow_id, vlink: `http://upstream.test/hf2/${flow_id}/` });
    }
    if (method === 'GET' && parts[0] === 'flow' && parts.length <= 3) {
      const flow = flows.get(parts[1] ?? '');
      if (!flow) return json(404, { error_code: 'NOT_FOUND', error_msg: 'No such flow' });
      if (parts[2] === 'result')
        return json(200, { flow_id: flow.flow_id, person_id: flow.person_id, flow_status: 'pass' });
      return json(200, { ...flow, consumer_id: 'c1' });
    }
    if (method === 'GET' && parts[0] === 'journal' && parts[1] === 'session') {
      const session = sessions.get(parts[2] ?? '');
      if (!session) return json(404, { error_code: 'NOT_FOUND', error_msg: 'No such session' });
      return json(200, { ...session, service_name: 'verilive' });
    }
    if (method === 'POST' && url.pathname === '/liveness2/session') {
      const session_id = `session-${++counter}`;
      sessions.set(session_id, { session_id, flow_id: body.flow_id, person_id: body.person_id });
      return json(201, {
        session_id,
        access_token: '00000000-0000-4000-8000-000000000000',
        ...body,
        attempts_left: 3,
      });
    }
    if (method === 'GET' && url.pathname === '/resources/file') {
      const flow = flows.get(url.searchParams.get('flow_id') ?? '');
      if (!flow) return json(404, { error_code: 'NOT_FOUND', error_msg: 'No file' });
      const fileHeaders: Record<string, string> = { 'content-length': String(file.bytes.byteLength) };
      if (file.type) fileHeaders['content-type'] = file.type;
      return new Response(file.bytes.slice(), { status: 200, headers: fileHeaders });
    }
    return json(404, { error_code: 'NOT_FOUND', error_msg: 'No such route' });
  };

  return {
    fetch,
    baseUrl: 'https://upstream.test',
    flows,
    sessions,
    calls,
    /** Flows plus liveness sessions: anything a request could have created upstream. */
    createdCount: () => flows.size + sessions.size,
    setFault(next: Fault | undefined) {
      fault = next;
    },
    setFile(next: { bytes: Uint8Array; type: string | null }) {
      file = next;
    },
    /** Adds a flow owned by someone else, as another app user would have made it. */
    addForeignFlow(personId: string) {
      const flow_id = `flow-${++counter}`;
      flows.set(flow_id, {
        flow_id,
        person_id: personId,
        vlink: `http://upstream.test/hf2/${flow_id}/`,
        locale: 'en',
      });
      return flow_id;
    },
    addSession(flowId: string, personId: string) {
      const session_id = `session-${++counter}`;
      sessions.set(session_id, { session_id, flow_id: flowId, person_id: personId });
      return session_id;
    },
  };
}
