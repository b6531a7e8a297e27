import { resolveObjectURL } from 'node:buffer';
import { isVerigramApiError } from '@verigram-kit/core';
import { describe, expect, it } from 'vitest';
import { expectMatchesSpec } from '../../../../../tests/contract/openApiContract.ts';
import { createInMemoryClient } from '../createInMemoryClient.ts';

describe('createInMemoryClient', () => {
  it('creates flows on its engine and reads them back through the FlowClient contract', async () => {
    const client = createInMemoryClient({ personId: 'reader+pass', uiPresets: { brand: { theme: 'bts' } } });
    const handle = await client.createFlow({
      locale: 'ru',
      uiPreset: 'brand',
      callbackUrl: 'https://shop.example/cb',
    });
    expect(handle.vlink).toMatch(/^blob:/);
    const flow = await client.getFlow(handle.flowId);
    expect(flow).toMatchObject({
      locale: 'ru',
      person_id: 'reader+pass',
      vlink: handle.vlink,
      template: { ui: { theme: 'bts' } },
    });
    await expect(client.getFlowResult(handle.flowId)).rejects.toMatchObject({
      status: 404,
      errorCode: 'FLOW_NOT_STARTED',
    });
    // What the hosted page's script does through the bridge: open runs the +pass script.
    client.engine.pageAction(handle.flowId, { type: 'open' });
    const result = await client.getFlowResult(handle.flowId);
    expect(result).toMatchObject({ flow_status: 'pass', end_cause: 'completed' });
    const session = result.service_statuses?.[1]?.session_id as string;
    expect((await client.getSessionResult(handle.flowId, session)).service_name).toBe('verilive');
    const file = await client.getFile(handle.flowId, 'bestframe');
    expect(file.type).toBe('image/png');
    expect(file.size).toBeGreaterThan(1000);
    // The generated type makes max_retries required (the spec gives it a default).
    const live = await client.createLivenessSession(handle.flowId, { duration: 300, max_retries: 2 });
    // max_retries 2: the first attempt and two retries.
    expect(live).toMatchObject({ flow_id: handle.flowId, person_id: 'reader+pass', attempts_left: 3 });
    client.dispose();
  });

  it('given a whole flow, then every answer of the in-memory client matches the spec, as the HTTP ones do', async () => {
    const client = createInMemoryClient({ personId: 'contract+pass' });
    const handle = await client.createFlow({ locale: 'kk' });
    const json = 'application/json';
    expectMatchesSpec('GET', `/flow/${handle.flowId}`, 200, await client.getFlow(handle.flowId), json);
    client.engine.pageAction(handle.flowId, { type: 'open' });
    const result = await client.getFlowResult(handle.flowId);
    expectMatchesSpec('GET', `/flow/${handle.flowId}/result`, 200, result, json);
    const sessionId = result.service_statuses?.[1]?.session_id as string;
    const session = await client.getSessionResult(handle.flowId, sessionId);
    expectMatchesSpec('GET', `/journal/session/${sessionId}`, 200, session, json);
    const live = await client.createLivenessSession(handle.flowId, { max_retries: 1 });
    expectMatchesSpec('POST', '/liveness2/session', 201, live, json);
    client.dispose();
  });

  it('returns the same flow for the same idempotency key', async () => {
    const client = createInMemoryClient();
    const a = await client.createFlow({ idempotencyKey: 'k1' });
    const b = await client.createFlow({ idempotencyKey: 'k1' });
    expect(b.flowId).toBe(a.flowId);
    expect(client.engine.flowCount).toBe(1);
  });

  it('rejects with VerigramApiError carrying the sandbox status and code', async () => {
    const client = createInMemoryClient();
    const err = await client.getFlow('nope-F').catch((e: unknown) => e);
    expect(isVerigramApiError(err)).toBe(true);
    expect(err).toMatchObject({ status: 404, errorCode: 'NOT_FOUND' });
    await expect(client.createFlow({ template: 'unknown-template' })).rejects.toMatchObject({
      status: 422,
      errorCode: 'UNKNOWN_TEMPLATE',
    });
    const aborted = new AbortController();
    aborted.abort();
    await expect(client.getFlow('x', { signal: aborted.signal })).rejects.toMatchObject({
      status: 0,
      errorCode: 'ABORTED',
    });
  });

  it('registers a bridge the hosted page reaches on its parent, and removes it on dispose', async () => {
    const client = createInMemoryClient();
    const registry = (
      globalThis as unknown as { __verigramSandbox__: Record<string, (id: string, a: unknown) => unknown> }
    ).__verigramSandbox__;
    const { flowId } = await client.createFlow({});
    const keys = Object.keys(registry);
    const bridge = registry[keys[keys.length - 1] as string] as (id: string, a: unknown) => { phase: string };
    expect(bridge(flowId, { type: 'start' }).phase).toBe('in_progress');
    expect(() => bridge(flowId, { type: 'outcome', outcome: 'maybe' })).toThrow(/outcome/);
    client.dispose();
    expect(Object.keys(registry)).toHaveLength(keys.length - 1);
  });

  it("answers getCurrentFlow with its person's newest flow in progress, never another person's", async () => {
    const alice = createInMemoryClient({ personId: 'alice-0001' });
    const bob = createInMemoryClient({ personId: 'bob-000002', engine: alice.engine });
    expect(await alice.getCurrentFlow?.()).toBeNull();
    const older = await alice.createFlow({});
    const newer = await alice.createFlow({});
    expect((await alice.getCurrentFlow?.())?.flowId).toBe(newer.flowId);
    expect(await bob.getCurrentFlow?.()).toBeNull();
    alice.engine.completeFlow('sandbox-test-key', newer.flowId, 'pass');
    expect((await alice.getCurrentFlow?.())?.flowId).toBe(older.flowId);
    alice.dispose();
    bob.dispose();
  });

  it('given pageMessages off, then its hosted pages are silent like the real one; on by default', async () => {
    const pageOf = async (client: ReturnType<typeof createInMemoryClient>) => {
      const { vlink } = await client.createFlow({});
      const text = await (resolveObjectURL(vlink) as Blob).text();
      client.dispose();
      return text;
    };
    expect(await pageOf(createInMemoryClient({ pageMessages: 'off' }))).toContain('"postMessages":false');
    expect(await pageOf(createInMemoryClient())).toContain('"postMessages":true');
  });
});
