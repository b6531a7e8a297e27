import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { CreateFlowOptions, Flow, FlowClient, FlowHandle, FlowProjection } from '@verigram-kit/core';
import { VerigramApiError } from '@verigram-kit/core';
import { StrictMode } from 'react';
import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { VerigramFlow, type VerigramFlowProps } from '../VerigramFlow.tsx';
import { VerigramProvider } from '../VerigramProvider.tsx';
import { autoMode } from '../verigramFlowModes.ts';
import { expectNoAxeViolations } from './kitTestSetup.tsx';

const ORIGIN = 'http://127.0.0.1:4010';
const CALLBACK = `${location.origin}/verigram/callback`;

/** A FlowClient whose flows end when `finish(id)` is called, counting every call. */
function fakeClient() {
  let next = 1;
  const ended = new Set<string>();
  const flow = (id: string) =>
    ({
      flow_id: id,
      vlink: `${ORIGIN}/hf2/${id}/`,
      flow_status: ended.has(id) ? 'pass' : 'unknown',
      ...(ended.has(id) ? { end_cause: 'completed', ended_at: '2026-11-23T12:00:00Z' } : {}),
    }) as unknown as Flow;
  const client = {
    createFlow: vi.fn(async (_options: CreateFlowOptions): Promise<FlowHandle> => {
      const id = `F${next++}`;
      return { flowId: id, vlink: `${ORIGIN}/hf2/${id}/`, flowToken: `token-${id}` };
    }),
    getFlow: vi.fn(async (id: string) => flow(id)),
    getFlowResult: vi.fn(async (id: string) => ({ flow_id: id, flow_status: 'pass' }) as FlowProjection),
    getSessionResult: vi.fn(),
    createLivenessSession: vi.fn(),
    getFile: vi.fn(),
    rememberFlow: vi.fn(),
  };
  return { client: client as typeof client & FlowClient, finish: (id: string) => ended.add(id), flow };
}

function renderFlow(client: FlowClient, props: VerigramFlowProps = {}) {
  return render(
    <VerigramProvider client={client}>
      <VerigramFlow pollInterval={0} {...props} />
    </VerigramProvider>,
  );
}

const frame = async (title = 'Identity verification') =>
  (await screen.findByTitle(title)) as HTMLIFrameElement;
const envelope = (flowId: string) => ({ protocol: 'verigram-hf2', version: 1, flowId });
const send = (data: unknown, origin: string, source: Window | null) =>
  act(() => {
    dispatchEvent(new MessageEvent('message', { data, origin, source }));
  });
const callbackMessage = (flowId: string | null) => ({
  protocol: 'verigram-kit',
  version: 1,
  type: 'callback',
  url: CALLBACK,
  flowId,
});
/**
 * Resolves once every flow read asked of the client so far has answered and what awaited it ran:
 * an `onComplete` still to come could only come from one of them.
 */
async function everyReadAnswered(client: ReturnType<typeof fakeClient>['client']) {
  const reads = () => [...client.getFlow.mock.results, ...client.getFlowResult.mock.results];
  let seen = -1;
  // A read's answer may start the next one (the flow, then its result): until none is added.
  while (seen !== reads().length) {
    seen = reads().length;
    await act(() => Promise.allSettled(reads().map((read) => read.value)));
  }
}
/**
 * Resolves after `periods` ticks of a `setInterval(…, ms)` set now. Timers of one delay fire in the
 * order they were set, so any interval of `ms` set earlier (a poll) has fired at least as often.
 */
const pollPeriodsPass = (ms: number, periods: number) =>
  new Promise<void>((resolve) => {
    let ticks = 0;
    const timer = setInterval(() => {
      if (++ticks < periods) return;
      clearInterval(timer);
      resolve();
    }, ms);
  });

afterEach(() => {
  sessionStorage.clear();
  vi.restoreAllMocks();
});

describe('<VerigramFlow>', () => {
  it('given creation options, when mounted, then it creates one flow and embeds its vlink', async () => {
    const { client } = fakeClient();
    renderFlow(client, { uiPreset: 'brand', locale: 'en' });
    const iframe = await frame();
    expect(iframe.src).toBe(`${ORIGIN}/hf2/F1/`);
    expect(iframe.getAttribute('allow')).toBe('camera; microphone; fullscreen; autoplay; clipboard-write');
    expect(iframe.hasAttribute('sandbox')).toBe(false);
    expect(client.createFlow).toHaveBeenCalledTimes(1);
    expect(client.createFlow.mock.calls[0]?.[0]).toMatchObject({
      uiPreset: 'brand',
      locale: 'en',
      callbackUrl: CALLBACK,
      idempotencyKey: expect.any(String),
    });
    expect(client.rememberFlow).toHaveBeenCalledWith(expect.objectContaining({ flowId: 'F1' }));
  });

  it('given an existing flow and a custom allow and callback path, then nothing is created', async () => {
    const { client } = fakeClient();
    const onCallback = vi.fn();
    renderFlow(client, {
      flow: { flowId: 'X1', vlink: `${ORIGIN}/hf2/X1/`, flowToken: 't' },
      allow: 'camera',
      callbackUrl: '/done',
      onCallback,
    });
    const iframe = await frame();
    expect(iframe.src).toBe(`${ORIGIN}/hf2/X1/`);
    expect(iframe.getAttribute('allow')).toBe('camera');
    expect(client.createFlow).not.toHaveBeenCalled();
    await send(
      { ...callbackMessage('X1'), url: `${location.origin}/done` },
      location.origin,
      iframe.contentWindow,
    );
    expect(onCallback).toHaveBeenCalledWith(`${location.origin}/done`);
  });

  it('given valid messages from its frame, then onReady, onStep, onEvent fire and the height follows', async () => {
    const { client } = fakeClient();
    const onReady = vi.fn();
    const onStep = vi.fn();
    const onEvent = vi.fn();
    renderFlow(client, { onReady, onStep, onEvent });
    const iframe = await frame();
    const source = iframe.contentWindow;
    await send({ ...envelope('F1'), type: 'ready', stepCount: 2 }, ORIGIN, source);
    await send(
      { ...envelope('F1'), type: 'step_started', stepId: 's1', stepIndex: 0, serviceName: 'verilive' },
      ORIGIN,
      source,
    );
    await send({ ...envelope('F1'), type: 'resize', height: 900 }, ORIGIN, source);
    expect(onReady).toHaveBeenCalledWith(expect.objectContaining({ stepCount: 2 }));
    expect(onStep).toHaveBeenCalledWith(expect.objectContaining({ stepId: 's1' }));
    expect(onEvent).toHaveBeenCalledTimes(3);
    expect(iframe.style.height).toBe('900px');
    expect(screen.getByTitle('Identity verification').closest('[data-state]')).toHaveAttribute(
      'data-state',
      'ready',
    );
  });

  it.each([
    ['a look-alike host', 'http://127.0.0.1:4010.evil.io'],
    ['another port', 'http://127.0.0.1:4011'],
    ['the null origin', 'null'],
  ])('given messages from %s, then nothing changes', async (_, origin) => {
    const { client, finish } = fakeClient();
    const onEvent = vi.fn();
    const onComplete = vi.fn();
    renderFlow(client, { onEvent, onComplete });
    const iframe = await frame();
    finish('F1');
    const calls = client.getFlow.mock.calls.length;
    await send({ ...envelope('F1'), type: 'resize', height: 900 }, origin, iframe.contentWindow);
    await send({ ...envelope('F1'), type: 'completed', flowStatus: 'pass' }, origin, iframe.contentWindow);
    await send(callbackMessage('F1'), origin, iframe.contentWindow);
    expect(onEvent).not.toHaveBeenCalled();
    expect(iframe.style.height).not.toBe('900px');
    expect(client.getFlow).toHaveBeenCalledTimes(calls);
    expect(onComplete).not.toHaveBeenCalled();
    // The witness: the same message from the frame's own origin does land, so the listener was live.
    await send({ ...envelope('F1'), type: 'resize', height: 900 }, ORIGIN, iframe.contentWindow);
    expect(onEvent).toHaveBeenCalledTimes(1);
    expect(iframe.style.height).toBe('900px');
  });

  it('given messages from the right origin but another window, or malformed, then nothing changes', async () => {
    const { client } = fakeClient();
    const onEvent = vi.fn();
    renderFlow(client, { onEvent });
    const iframe = await frame();
    const stranger = document.createElement('iframe');
    document.body.append(stranger);
    const ready = { ...envelope('F1'), type: 'ready', stepCount: 1 };
    await send(ready, ORIGIN, stranger.contentWindow);
    await send(ready, ORIGIN, window);
    await send({ ...ready, version: 2 }, ORIGIN, iframe.contentWindow);
    await send({ ...ready, stepCount: '1' }, ORIGIN, iframe.contentWindow);
    await send('{"type":"ready"}', ORIGIN, iframe.contentWindow);
    await send({ ...ready, flowId: 'F2' }, ORIGIN, iframe.contentWindow);
    expect(onEvent).not.toHaveBeenCalled();
    // The witness: the well-formed message from the frame itself lands, so the listener was live.
    await send(ready, ORIGIN, iframe.contentWindow);
    expect(onEvent).toHaveBeenCalledTimes(1);
    stranger.remove();
  });

  it('given two instances on one page, then each sees only its own frame’s messages', async () => {
    const { client } = fakeClient();
    const onEventA = vi.fn();
    const onEventB = vi.fn();
    render(
      <VerigramProvider client={client}>
        <VerigramFlow pollInterval={0} onEvent={onEventA} />
        <VerigramFlow pollInterval={0} onEvent={onEventB} />
      </VerigramProvider>,
    );
    await waitFor(() => expect(screen.getAllByTitle('Identity verification')).toHaveLength(2));
    const [a, b] = screen.getAllByTitle('Identity verification') as HTMLIFrameElement[];
    const idA = new URL(a?.src ?? '').pathname.split('/')[2] as string;
    await send({ ...envelope(idA), type: 'ready', stepCount: 1 }, ORIGIN, a?.contentWindow ?? null);
    // B's frame sending A's flow id is still not A's message, nor B's (wrong flow).
    await send({ ...envelope(idA), type: 'ready', stepCount: 1 }, ORIGIN, b?.contentWindow ?? null);
    expect(onEventA).toHaveBeenCalledTimes(1);
    expect(onEventB).not.toHaveBeenCalled();
  });

  it('given a completion message while the server says running, then onComplete waits for the server', async () => {
    const { client, finish } = fakeClient();
    const onComplete = vi.fn();
    renderFlow(client, { onComplete });
    const iframe = await frame();
    await send({ ...envelope('F1'), type: 'completed', flowStatus: 'pass' }, ORIGIN, iframe.contentWindow);
    await waitFor(() => expect(client.getFlow.mock.calls.length).toBeGreaterThanOrEqual(2));
    expect(onComplete).not.toHaveBeenCalled();
    finish('F1');
    await send(callbackMessage('F1'), location.origin, iframe.contentWindow);
    await waitFor(() => expect(onComplete).toHaveBeenCalledTimes(1));
  });

  it('given a completion message, the callback and polling all arriving, then onComplete fires once', async () => {
    const { client, finish, flow } = fakeClient();
    const onComplete = vi.fn();
    const onCallback = vi.fn();
    renderFlow(client, { onComplete, onCallback, pollInterval: 5 });
    const iframe = await frame();
    finish('F1');
    // All three in one task, so each hint arrives while the server is still being asked.
    const completed = { ...envelope('F1'), type: 'completed', flowStatus: 'pass' };
    await act(() => {
      const source = iframe.contentWindow;
      dispatchEvent(new MessageEvent('message', { data: completed, origin: ORIGIN, source }));
      dispatchEvent(
        new MessageEvent('message', { data: callbackMessage('F1'), origin: location.origin, source }),
      );
      dispatchEvent(new MessageEvent('message', { data: completed, origin: ORIGIN, source }));
    });
    await waitFor(() => expect(onComplete).toHaveBeenCalled());
    await everyReadAnswered(client);
    expect(onComplete).toHaveBeenCalledTimes(1);
    expect(onComplete).toHaveBeenCalledWith(flow('F1'), { flow_id: 'F1', flow_status: 'pass' });
    expect(onCallback).toHaveBeenCalledTimes(1);
  });

  it('given a re-render with a new onComplete, then the new one is called (no stale closure)', async () => {
    const { client, finish } = fakeClient();
    const first = vi.fn();
    const second = vi.fn();
    const { rerender } = renderFlow(client, { onComplete: first });
    const iframe = await frame();
    rerender(
      <VerigramProvider client={client}>
        <VerigramFlow pollInterval={0} onComplete={second} />
      </VerigramProvider>,
    );
    finish('F1');
    await send({ ...envelope('F1'), type: 'completed', flowStatus: 'pass' }, ORIGIN, iframe.contentWindow);
    await waitFor(() => expect(second).toHaveBeenCalledTimes(1));
    expect(first).not.toHaveBeenCalled();
    // The re-render did not remount the frame or create another flow.
    expect(screen.getByTitle('Identity verification')).toBe(iframe);
    expect(client.createFlow).toHaveBeenCalledTimes(1);
  });

  it('given StrictMode’s double mount, then one flow is created', async () => {
    const { client } = fakeClient();
    render(
      <StrictMode>
        <VerigramProvider client={client}>
          <VerigramFlow pollInterval={0} />
        </VerigramProvider>
      </StrictMode>,
    );
    await frame();
    // Both mounts' effects ran before the frame showed; a second creation would have answered by now.
    await act(() => Promise.allSettled(client.createFlow.mock.results.map((created) => created.value)));
    expect(client.createFlow).toHaveBeenCalledTimes(1);
    expect(screen.getAllByTitle('Identity verification')).toHaveLength(1);
  });

  it('given a resumeKey, when remounted (a reload), then the same flow resumes; once terminal, it is cleared', async () => {
    const { client, finish } = fakeClient();
    const first = renderFlow(client, { resumeKey: 'signup' });
    await frame();
    expect(JSON.parse(sessionStorage.getItem('verigram-kit:signup') ?? 'null')).toMatchObject({
      flowId: 'F1',
      flowToken: 'token-F1',
    });
    first.unmount();

    const onComplete = vi.fn();
    renderFlow(client, { resumeKey: 'signup', onComplete });
    expect((await frame()).src).toBe(`${ORIGIN}/hf2/F1/`);
    expect(client.createFlow).toHaveBeenCalledTimes(1);
    expect(client.rememberFlow).toHaveBeenLastCalledWith(expect.objectContaining({ flowToken: 'token-F1' }));

    finish('F1');
    const iframe = await frame();
    await send({ ...envelope('F1'), type: 'completed', flowStatus: 'pass' }, ORIGIN, iframe.contentWindow);
    await waitFor(() => expect(onComplete).toHaveBeenCalledTimes(1));
    expect(sessionStorage.getItem('verigram-kit:signup')).toBeNull();
  });

  it('given a resumed flow that already ended, then onComplete fires on mount', async () => {
    const { client, finish } = fakeClient();
    sessionStorage.setItem('verigram-kit:k', JSON.stringify({ flowId: 'F7', vlink: `${ORIGIN}/hf2/F7/` }));
    finish('F7');
    const onComplete = vi.fn();
    renderFlow(client, { resumeKey: 'k', onComplete });
    await waitFor(() => expect(onComplete).toHaveBeenCalledTimes(1));
    expect(client.createFlow).not.toHaveBeenCalled();
  });

  it('given a failing creation, then an error with a retry; the retry creates the flow', async () => {
    const { client } = fakeClient();
    const error = new VerigramApiError({ status: 429, errorCode: 'RATE_LIMITED', errorMsg: 'slow down' });
    client.createFlow.mockRejectedValueOnce(error);
    const onError = vi.fn();
    renderFlow(client, { onError });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Too many attempts');
    expect(onError).toHaveBeenCalledWith(error);
    await expectNoAxeViolations(document.body);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await frame();
    expect(client.createFlow).toHaveBeenCalledTimes(2);
  });

  it('given the provider re-rendered with a new client object, then the frame stays and onComplete fires once', async () => {
    const { client, finish } = fakeClient();
    const onComplete = vi.fn();
    const tree = (c: FlowClient) => (
      <VerigramProvider client={c}>
        <VerigramFlow pollInterval={0} onComplete={onComplete} />
      </VerigramProvider>
    );
    const view = render(tree({ ...client }));
    const iframe = await frame();
    finish('F1');
    await send({ ...envelope('F1'), type: 'completed', flowStatus: 'pass' }, ORIGIN, iframe.contentWindow);
    await waitFor(() => expect(onComplete).toHaveBeenCalledTimes(1));
    view.rerender(tree({ ...client }));
    view.rerender(tree({ ...client }));
    // A restarted flow would have asked the server again: every such read has answered now.
    await everyReadAnswered(client);
    expect(client.createFlow).toHaveBeenCalledTimes(1);
    expect(onComplete).toHaveBeenCalledTimes(1);
    expect(screen.getByTitle('Identity verification')).toBe(iframe);
  });

  it('given the server no longer knows the flow (404), then polling stops, the resume entry goes and retry starts afresh', async () => {
    const { client } = fakeClient();
    sessionStorage.setItem('verigram-kit:k', JSON.stringify({ flowId: 'F9', vlink: `${ORIGIN}/hf2/F9/` }));
    const gone = new VerigramApiError({ status: 404, errorCode: 'FLOW_NOT_FOUND', errorMsg: 'no such flow' });
    client.getFlow.mockRejectedValueOnce(gone);
    const onError = vi.fn();
    render(
      <VerigramProvider client={client}>
        <VerigramFlow pollInterval={10} resumeKey="k" onError={onError} />
      </VerigramProvider>,
    );
    await screen.findByRole('alert');
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith(gone);
    expect(screen.queryByTitle('Identity verification')).toBeNull();
    expect(sessionStorage.getItem('verigram-kit:k')).toBeNull();
    const calls = client.getFlow.mock.calls.length;
    await pollPeriodsPass(10, 3);
    expect(client.getFlow.mock.calls.length).toBe(calls);
    expect(onError).toHaveBeenCalledTimes(1);

    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect((await frame()).src).toBe(`${ORIGIN}/hf2/F1/`);
    expect(client.createFlow).toHaveBeenCalledTimes(1);
  });

  it('given a flow prop that arrives after the first render, then that flow is embedded', async () => {
    const { client } = fakeClient();
    let release: (handle: FlowHandle) => void = () => {};
    client.createFlow.mockImplementationOnce(() => new Promise<FlowHandle>((r) => (release = r)));
    const tree = (flow?: FlowHandle) => (
      <VerigramProvider client={client}>
        <VerigramFlow pollInterval={0} flow={flow} />
      </VerigramProvider>
    );
    const view = render(tree());
    view.rerender(tree({ flowId: 'S1', vlink: `${ORIGIN}/hf2/S1/`, flowToken: 'token-S1' }));
    expect((await frame()).src).toBe(`${ORIGIN}/hf2/S1/`);
    await act(async () => release({ flowId: 'LATE', vlink: `${ORIGIN}/hf2/LATE/`, flowToken: 't' }));
    expect(screen.getAllByTitle('Identity verification')).toHaveLength(1);
    expect((await frame()).src).toBe(`${ORIGIN}/hf2/S1/`);
  });

  it('given a client that throws something else, then onError gets a FLOW_CREATE_FAILED kit error', async () => {
    const { client } = fakeClient();
    client.createFlow.mockRejectedValueOnce(new TypeError('boom'));
    const onError = vi.fn();
    renderFlow(client, { onError });
    await screen.findByRole('alert');
    expect(onError.mock.calls[0]?.[0]).toMatchObject({
      name: 'VerigramKitError',
      errorCode: 'FLOW_CREATE_FAILED',
    });
  });

  it('is axe clean while loading and when ready', async () => {
    const { client } = fakeClient();
    let release: (h: FlowHandle) => void = () => {};
    client.createFlow.mockImplementationOnce(() => new Promise((r) => (release = r)));
    renderFlow(client);
    expect(await screen.findByRole('status')).toHaveTextContent('Loading…');
    await expectNoAxeViolations(document.body);
    await act(async () => release({ flowId: 'F1', vlink: `${ORIGIN}/hf2/F1/` }));
    const iframe = await frame();
    await send({ ...envelope('F1'), type: 'ready', stepCount: 1 }, ORIGIN, iframe.contentWindow);
    await expectNoAxeViolations(document.body);
  });

  it.each([
    ['ru', 'Проверка личности', 'Загрузка…'],
    ['kk', 'Жеке басты растау', 'Жүктелуде…'],
    ['en', 'Identity verification', 'Loading…'],
  ] as const)('given locale %s, then the kit’s own strings are in it', async (locale, title, loading) => {
    const { client } = fakeClient();
    let release: (h: FlowHandle) => void = () => {};
    client.createFlow.mockImplementationOnce(() => new Promise((r) => (release = r)));
    renderFlow(client, { locale });
    expect(await screen.findByText(loading)).toHaveAttribute('role', 'status');
    await act(async () => release({ flowId: 'F1', vlink: `${ORIGIN}/hf2/F1/` }));
    expect(await frame(title)).toBeInTheDocument();
  });

  it('given a camera error in auto mode inline, then it falls back to the popup mode', async () => {
    const { client } = fakeClient();
    vi.stubGlobal('navigator', { ...navigator, mediaDevices: { getUserMedia: async () => ({}) } });
    const onError = vi.fn();
    renderFlow(client, { mode: autoMode, onError });
    const iframe = await frame();
    await send(
      { ...envelope('F1'), type: 'camera_error', name: 'NotAllowedError', message: 'Permission denied' },
      ORIGIN,
      iframe.contentWindow,
    );
    expect(await screen.findByRole('button', { name: 'Start verification' })).toBeInTheDocument();
    expect(screen.queryByTitle('Identity verification')).toBeNull();
    expect(onError).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });

  it('given a camera error inline (not auto), then onError gets CAMERA_UNAVAILABLE', async () => {
    const { client } = fakeClient();
    const onError = vi.fn();
    renderFlow(client, { onError });
    const iframe = await frame();
    await send(
      { ...envelope('F1'), type: 'camera_error', name: 'NotFoundError', message: 'No camera' },
      ORIGIN,
      iframe.contentWindow,
    );
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ errorCode: 'CAMERA_UNAVAILABLE' });
  });
});

describe('<VerigramFlow> types (checked by pnpm typecheck)', () => {
  it("types onComplete's flow with flow_id and flow_status present, so an app writes flow.flow_id with no assertion", () => {
    type Completion = Parameters<NonNullable<VerigramFlowProps['onComplete']>>;
    expectTypeOf<Completion[0]['flow_id']>().toEqualTypeOf<string>();
    expectTypeOf<Completion[0]['flow_status']>().toEqualTypeOf<Flow['flow_status']>();
    expectTypeOf<Completion[1]>().toEqualTypeOf<FlowProjection | null>();
  });
});

describe('<VerigramFlow> when the start is refused', () => {
  const refused = (status: number, errorCode: string, errorMsg = 'refused') =>
    new VerigramApiError({ status, errorCode, errorMsg });

  it.each([
    [
      'INVALID_UI',
      'logo_url: host not in allowedAssetHosts',
      'The server refused the design of the verification page',
    ],
    ['UNKNOWN_UI_PRESET', 'ui_preset does not name a preset of this server', 'The server refused the design'],
    [
      'UNKNOWN_TEMPLATE',
      'template does not name a template of this server',
      'A setting on our side stops it',
    ],
  ])(
    'given a 422 %s, then it says why in words and offers no retry that would be refused again',
    async (code, message, why) => {
      const { client } = fakeClient();
      client.createFlow.mockRejectedValue(refused(422, code, message));
      renderFlow(client);
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent(why);
      expect(alert).toHaveAttribute('data-retry', 'never');
      expect(within(alert).queryByRole('button')).toBeNull();
      // The raw answer, for support, folded away.
      expect(within(alert).getByText(`422 ${code}: ${message}`)).not.toBeVisible();
      expect(client.createFlow).toHaveBeenCalledTimes(1);
      await expectNoAxeViolations(document.body);
    },
  );

  it('given a 401, then it asks to sign in again, without a retry', async () => {
    const { client } = fakeClient();
    client.createFlow.mockRejectedValue(refused(401, 'UNAUTHENTICATED'));
    renderFlow(client);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your session has ended');
    expect(within(alert).queryByRole('button')).toBeNull();
  });

  it('given a 503, then a retry is offered, and it creates the flow', async () => {
    const { client } = fakeClient();
    client.createFlow.mockRejectedValueOnce(refused(503, 'UPSTREAM_UNAVAILABLE'));
    renderFlow(client);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The verification service cannot be reached');
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await frame();
    expect(client.createFlow).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['ru', 'Сервер отклонил оформление страницы проверки', 'Подробности для поддержки'],
    ['kk', 'Сервер тексеру бетінің безендірілуін', 'Қолдау қызметіне арналған мәліметтер'],
  ] as const)('given locale %s, then the refusal is in that language', async (locale, why, details) => {
    const { client } = fakeClient();
    client.createFlow.mockRejectedValue(refused(422, 'INVALID_UI'));
    renderFlow(client, { locale });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(why);
    expect(within(alert).getByText(details)).toBeInTheDocument();
  });
});
