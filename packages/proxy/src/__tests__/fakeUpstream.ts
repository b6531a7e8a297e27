// A small in-memory stand-in for Verigram, used beside the sandbox: it checks the key, keeps flows
// and sessions, and can inject faults. Tests assert on its state ("nothing created").
// Every answer it gives as Verigram is checked against the vendored OpenAPI spec, as the sandbox's
// are, so the proxy is never tested against a Verigram that does not exist: a drifted answer fails
// the test that provoked it. Injected faults are exempt: they stand for the network and the
// gateways in between (a 503, a cut-short body), which no spec describes.
import type { Flow, FlowProjection, VerigramFetch } from '@verigram-kit/core';
import { onTestFinished } from 'vitest';
import { expectMatchesSpec, operationPath } from '../../../../tests/contract/openApiContract.ts';

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

const JPEG = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9,
]);
const CONSUMER_ID = 'consumer-1';
// What Verigram runs when a flow names no template (the consumer's default, spec CreateFlow).
const CONSUMER_TEMPLATE = { pipeline: [{ service_name: 'verilive' }] } as Flow['template'];

/**
 * Call inside a test: the returned upstream's answers are checked against the spec when the test
 * ends (the proxy would turn a throw inside its transport into a 502 the test might expect).
 */
export function createFakeUpstream() {
  const flows = new Map<string, Flow>();
  const sessions = new Map<string, { session_id: string; flow_id: string; person_id: string }>();
  const calls: Array<{ method: string; url: string; body: unknown }> = [];
  const drift: string[] = [];
  let fault: Fault | undefined;
  let counter = 0;
  let file: { bytes: Uint8Array; type: string | null } = { bytes: JPEG, type: 'application/octet-stream' };
  onTestFinished(() => {
    if (drift.length > 0) throw new Error(`The fake upstream drifted from the spec:\n${drift.join('\n')}`);
  });

  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', 'x-upstream-node': 'fake-1', ...headers },
    });
  const now = () => new Date().toISOString();

  function newFlow(personId: string, fields: Partial<Flow> = {}): Flow {
    const flow_id = `flow-${++counter}`;
    const flow: Flow = {
      flow_id,
      consumer_id: CONSUMER_ID,
      vlink: `http://upstream.test/hf2/${flow_id}/`,
      person_id: personId,
      locale: 'en',
      template: CONSUMER_TEMPLATE,
      test_flow: true,
      created_at: now(),
      flow_status: 'unknown',
      ...fields,
    };
    flows.set(flow_id, flow);
    return flow;
  }

  // biome-ignore lint/suspicious/noExplicitAny: requests are read loosely; the proxy's own types shape them
  async function answer(url: URL, method: string, headers: Record<string, string>, body: any) {
    if (headers['X-Verigram-Api-Key'] !== API_KEY) {
      return json(401, { error_code: 'UNAUTHORIZED', error_msg: 'Unknown API key' });
    }
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    if (method === 'POST' && url.pathname === '/flow') {
      if (!/^[a-zA-Z0-9_@.+-]{6,48}$/.test(body?.person_id ?? '')) {
        return json(422, { error_code: 'INVALID_PAYLOAD', error_msg: 'Invalid person_id' });
      }
      const flow = newFlow(body.person_id, {
        locale: body.locale ?? 'en',
        ...(body.callback_url === undefined ? {} : { callback_url: body.callback_url }),
        ...(body.template === undefined ? {} : { template: body.template }),
        ...(body.input_data === undefined ? {} : { input_data: body.input_data }),
      });
      return json(201, { flow_id: flow.flow_id, vlink: flow.vlink });
    }
    if (method === 'GET' && parts[0] === 'flow' && parts.length <= 3) {
      const flow = flows.get(parts[1] ?? '');
      if (!flow) return json(404, { error_code: 'NOT_FOUND', error_msg: 'No such flow' });
      if (parts[2] !== 'result') return json(200, flow);
      // Spec, getFlowResult: "Returns 404 if flow is not started yet".
      if (!flow.started_at)
        return json(404, {
          error_code: 'FLOW_NOT_STARTED',
          error_msg: `Flow ${flow.flow_id} has not started yet`,
        });
      const projection: FlowProjection = {
        flow_id: flow.flow_id,
        person_id: flow.person_id,
        flow_status: flow.flow_status,
        ...(flow.end_cause ? { end_cause: flow.end_cause } : {}),
        created_at: flow.created_at,
      };
      return json(200, projection);
    }
    if (method === 'GET' && parts[0] === 'journal' && parts[1] === 'session') {
      const session = sessions.get(parts[2] ?? '');
      if (!session) return json(404, { error_code: 'NOT_FOUND', error_msg: 'No such session' });
      return json(200, { ...session, consumer_id: CONSUMER_ID, service_name: 'verilive' });
    }
    if (method === 'POST' && url.pathname === '/liveness2/session') {
      const session_id = `session-${++counter}`;
      sessions.set(session_id, { session_id, flow_id: body.flow_id, person_id: body.person_id });
      return json(201, {
        session_id,
        access_token: '00000000-0000-4000-8000-000000000000',
        person_id: body.person_id,
        flow_id: body.flow_id,
        created_at: now(),
        attempts_left: body.max_retries ?? 3,
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
  }

  // Reads a copy, so the proxy still gets the whole body (a file's stream included).
  async function checkAgainstSpec(method: string, url: URL, response: Response) {
    const path = url.pathname + url.search;
    if (!operationPath(path)) return;
    const type = response.headers.get('content-type') ?? '';
    const raw = new Uint8Array(await response.clone().arrayBuffer());
    const body: unknown = type.startsWith('application/json')
      ? JSON.parse(new TextDecoder().decode(raw))
      : raw;
    try {
      expectMatchesSpec(method, path, response.status, body, type);
    } catch (error) {
      drift.push(`${method} ${path} → ${response.status}: ${(error as Error).message}`);
    }
  }

  const fetch: VerigramFetch = async (input, init) => {
    const url = new URL(input);
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    const method = init.method ?? 'GET';
    calls.push({ method, url: input, body });
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
    const response = await answer(url, method, init.headers as Record<string, string>, body);
    await checkAgainstSpec(method, url, response);
    return response;
  };

  return {
    fetch,
    baseUrl: 'https://upstream.test',
    flows,
    sessions,
    calls,
    /** Answers that did not match the spec (the test fails on any when it ends). */
    drift,
    /** Flows plus liveness sessions: anything a request could have created upstream. */
    createdCount: () => flows.size + sessions.size,
    setFault(next: Fault | undefined) {
      fault = next;
    },
    setFile(next: { bytes: Uint8Array; type: string | null }) {
      file = next;
    },
    /** The person went through the flow: it started and ended with `flowStatus`. */
    finishFlow(flowId: string, flowStatus: 'pass' | 'fail' = 'pass') {
      const flow = flows.get(flowId);
      if (!flow) throw new Error(`No flow ${flowId}`);
      Object.assign(flow, {
        started_at: now(),
        ended_at: now(),
        end_cause: 'completed',
        flow_status: flowStatus,
      } satisfies Partial<Flow>);
    },
    /** Adds a flow owned by someone else, as another app user would have made it. */
    addForeignFlow(personId: string) {
      return newFlow(personId).flow_id;
    },
    addSession(flowId: string, personId: string) {
      const session_id = `session-${++counter}`;
      sessions.set(session_id, { session_id, flow_id: flowId, person_id: personId });
      return session_id;
    },
  };
}
