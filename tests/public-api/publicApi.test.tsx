// The packages' public surface, used the way an app uses it: imported by package name only.
// This file runs twice: against the sources (project `public-api`) and against the built
// `dist/` through each package's publishConfig exports (project `public-api-dist`), so a
// packaging mistake (a missing export, a broken entry, a lost 'use client') cannot hide.

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import {
  createFlowEventLog,
  hostPageSecurityHeaders,
  isTerminalFlow,
  parseFlowMessage,
  VerigramApiError,
} from '@verigram-kit/core';
import { createVerigramProxy } from '@verigram-kit/proxy';
import { createFlowVerdicts, type FlowVerdict } from '@verigram-kit/proxy/verdicts';
import {
  createWebhookSender,
  generateWebhookSecret,
  verifyVerigramWebhook,
} from '@verigram-kit/proxy/webhooks';
import { createProxyClient, FlowStatus, VerigramFlow, VerigramProvider } from '@verigram-kit/react';
import { FlowUiBuilder } from '@verigram-kit/react/builder';
import { VerigramCallback } from '@verigram-kit/react/callback';
import { type RunningSandbox, startSandbox } from '@verigram-kit/sandbox/server';
import { renderToString } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const APP = 'http://app.example.localhost:3000';
let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());

describe('the public API', () => {
  it('core parses the hosted page protocol and types errors', () => {
    expect(
      parseFlowMessage({ protocol: 'verigram-hf2', version: 1, flowId: 'F', type: 'cancelled' }),
    ).not.toBeNull();
    expect(new VerigramApiError({ status: 404, errorCode: 'NOT_FOUND', errorMsg: 'x' }).isRetryable).toBe(
      false,
    );
  });

  it('core gives the embedding page its security headers and derives flow events from a polled flow', () => {
    const headers = hostPageSecurityHeaders({ hostedOrigin: 'https://web.verigram.kz' });
    expect(headers['Permissions-Policy']).toBe('camera=(self "https://web.verigram.kz")');
    expect(headers['Content-Security-Policy']).toContain("frame-src https://web.verigram.kz 'self'");
    const events = createFlowEventLog().fromServer({
      flow_id: 'F',
      consumer_id: 'c',
      vlink: 'https://web.verigram.kz/hf2/F/',
      person_id: 'person-1',
      flow_status: 'unknown',
      started_at: '2026-01-01T10:00:00Z',
      current_step_id: '0',
      template: { pipeline: [{ service_name: 'verilive' }] },
    });
    expect(events).toMatchObject([{ type: 'step_started', serviceName: 'verilive', source: 'server' }]);
  });

  it('the browser client, through the proxy, creates a flow on the sandbox and reads it with its token', async () => {
    const proxy = createVerigramProxy({
      apiKey: 'sandbox-test-key',
      baseUrl: sandbox.url,
      secret: 'a-test-secret-of-at-least-32-bytes-long!!',
      authorize: () => ({ personId: 'public-api-user' }),
    });
    // The browser's fetch, pointed at the proxy handler as if it were mounted on APP.
    const browserFetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(new URL(String(input), APP), init);
      request.headers.set('Origin', APP);
      return proxy(request);
    };
    const client = createProxyClient({ fetch: browserFetch as typeof fetch });

    const before = sandbox.engine.flowCount;
    const handle = await client.createFlow({ locale: 'kk', callbackUrl: `${APP}/verigram/callback` });
    expect(sandbox.engine.flowCount).toBe(before + 1);
    expect(handle.vlink).toBe(`${sandbox.pageUrl}/hf2/${handle.flowId}/`);
    expect(handle.flowToken).toEqual(expect.any(String));

    const flow = await client.getFlow(handle.flowId);
    expect(flow).toMatchObject({ flow_id: handle.flowId, person_id: 'public-api-user', locale: 'kk' });
    expect(isTerminalFlow(flow)).toBe(false);

    // Another browser, without the token, cannot even learn that the flow exists: it gets the
    // same answer as for a flow id that was never created.
    const stranger = createProxyClient({ fetch: browserFetch as typeof fetch });
    const answer = (id: string) =>
      stranger.getFlow(id).then(
        () => 'read',
        (e: VerigramApiError) => `${e.status} ${e.errorCode}`,
      );
    expect(await answer(handle.flowId)).toBe(await answer('01NEVERCREATED0000000000-F'));
    expect(await answer(handle.flowId)).not.toBe('read');
  });

  it('a second tab of the same user, through the proxy with verdicts, finds the flow in progress and reads it', async () => {
    const verdicts = createFlowVerdicts({
      apiKey: 'sandbox-test-key',
      baseUrl: sandbox.url,
      onFlowSettled: () => {},
      logger: false,
    });
    const proxy = createVerigramProxy({
      apiKey: 'sandbox-test-key',
      baseUrl: sandbox.url,
      secret: 'a-test-secret-of-at-least-32-bytes-long!!',
      authorize: () => ({ personId: 'public-api-tabs' }),
      verdicts,
    });
    const tab = () =>
      createProxyClient({
        fetch: ((input: RequestInfo | URL, init?: RequestInit) => {
          const request = new Request(new URL(String(input), APP), init);
          request.headers.set('Origin', APP);
          return proxy(request);
        }) as typeof fetch,
      });
    try {
      const first = tab();
      expect(await first.getCurrentFlow?.()).toBeNull();
      const handle = await first.createFlow({ callbackUrl: `${APP}/verigram/callback` });

      const second = tab();
      expect((await second.getCurrentFlow?.())?.flowId).toBe(handle.flowId);
      // The answer carried a token for this tab: its reads of the flow are allowed.
      expect((await second.getFlow(handle.flowId)).flow_id).toBe(handle.flowId);
    } finally {
      await verdicts.close();
    }
  });

  it('the components render on the server without touching window', () => {
    const client = createProxyClient();
    const html = renderToString(
      <QueryClientProvider client={new QueryClient()}>
        <VerigramProvider client={client}>
          <VerigramFlow flow={{ flowId: 'F1', vlink: 'https://web.verigram.kz/hf2/F1/', flowToken: 't' }} />
          <FlowStatus flowId="F1" />
        </VerigramProvider>
      </QueryClientProvider>,
    );
    expect(typeof html).toBe('string');
    expect(html).not.toContain('<iframe');
  });

  it('the callback entry renders its page on the server', () => {
    expect(renderToString(<VerigramCallback locale="en" />)).toContain('<');
  });

  it('the verdicts entry records a flow the proxy creates and delivers its verdict with no browser polling', async () => {
    const received: FlowVerdict[] = [];
    const verdicts = createFlowVerdicts({
      apiKey: 'sandbox-test-key',
      baseUrl: sandbox.url,
      onFlowSettled: (verdict) => void received.push(verdict),
      intervals: { notStartedMs: 30, inProgressMs: 30 },
      upstreamBudget: { requestsPerSecond: 50 },
    });
    const proxy = createVerigramProxy({
      apiKey: 'sandbox-test-key',
      baseUrl: sandbox.url,
      secret: 'a-test-secret-of-at-least-32-bytes-long!!',
      // `+auto`: the sandbox runs the flow to a pass at creation.
      authorize: () => ({ personId: 'verdicts-user+auto' }),
      verdicts,
    });
    const created = await proxy(
      new Request(`${APP}/api/verigram/flow`, {
        method: 'POST',
        headers: { origin: APP, 'content-type': 'application/json' },
        body: '{}',
      }),
    );
    const { flow_id } = (await created.json()) as { flow_id: string };
    // Within the test's budget, not a shorter one of its own: a loaded machine is slow, not wrong.
    const deadline = Date.now() + 20_000;
    while (received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await verdicts.close();
    expect(received).toMatchObject([{ flowId: flow_id, state: 'settled', flow: { flow_status: 'pass' } }]);
  });

  it('the builder entry loads on its own', () => {
    expect(FlowUiBuilder).toBeTruthy();
    expect(renderToString(<FlowUiBuilder />)).toContain('<');
  });

  it('the webhooks entry signs a verdict that its verifier accepts', async () => {
    const secret = generateWebhookSecret();
    const verdict = {
      deliveryId: 'dlv_1',
      flowId: 'F1',
      personId: 'alice-0001',
      state: 'settled' as const,
      flow: null,
      result: null,
      settledAt: new Date().toISOString(),
    };
    let received: { body: string; headers: Headers } | undefined;
    const receiver = async (_url: RequestInfo | URL, init?: RequestInit) => {
      received = { body: String(init?.body), headers: new Headers(init?.headers) };
      return new Response(null, { status: 204 });
    };
    await createWebhookSender({
      url: 'https://crm.example.com/hook',
      secret,
      fetch: receiver as typeof fetch,
    })(verdict);
    expect(verifyVerigramWebhook(received?.body ?? '', received?.headers ?? new Headers(), secret)).toEqual(
      verdict,
    );
  });
});
