import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { CreateFlowOptions, Flow, FlowClient, FlowHandle, FlowProjection } from '@verigram-kit/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { popupMode, redirectMode } from '../flowWindow.tsx';
import { PhoneHandoff } from '../PhoneHandoff.tsx';
import { VerigramFlow, type VerigramFlowProps } from '../VerigramFlow.tsx';
import { VerigramProvider } from '../VerigramProvider.tsx';
import { autoMode, modalMode } from '../verigramFlowModes.ts';
import { expectNoAxeViolations } from './kitTestSetup.tsx';

const ORIGIN = 'http://127.0.0.1:4010';
const CALLBACK = `${location.origin}/verigram/callback`;

function fakeClient() {
  const ended = new Set<string>();
  const flow = (id: string) =>
    ({
      flow_id: id,
      vlink: `${ORIGIN}/hf2/${id}/`,
      flow_status: ended.has(id) ? 'pass' : 'unknown',
      ...(ended.has(id) ? { end_cause: 'completed', ended_at: '2026-11-23T12:00:00Z' } : {}),
    }) as unknown as Flow;
  const client = {
    createFlow: vi.fn(
      async (_options: CreateFlowOptions): Promise<FlowHandle> => ({
        flowId: 'F1',
        vlink: `${ORIGIN}/hf2/F1/`,
        flowToken: 'token-F1',
      }),
    ),
    getFlow: vi.fn(async (id: string) => flow(id)),
    getFlowResult: vi.fn(async (id: string) => ({ flow_id: id, flow_status: 'pass' }) as FlowProjection),
    getSessionResult: vi.fn(),
    createLivenessSession: vi.fn(),
    getFile: vi.fn(),
  };
  return { client: client as typeof client & FlowClient, finish: (id: string) => ended.add(id) };
}

function renderFlow(client: FlowClient, props: VerigramFlowProps = {}) {
  return render(
    <VerigramProvider client={client}>
      <VerigramFlow pollInterval={0} {...props} />
    </VerigramProvider>,
  );
}

function fakePopup() {
  return { closed: false, location: { href: `${ORIGIN}/hf2/F1/` }, close: vi.fn() };
}

afterEach(() => {
  sessionStorage.clear();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  history.replaceState(null, '', '/');
});

describe('<VerigramFlow mode={modalMode}>', () => {
  it('given it opens, then a labelled aria-modal dialog holds the frame, scroll is locked and focus is inside', async () => {
    const { client } = fakeClient();
    render(<button type="button">Verify me</button>);
    screen.getByRole('button', { name: 'Verify me' }).focus();
    renderFlow(client, { mode: modalMode });
    const dialog = await screen.findByRole('dialog', { name: 'Identity verification' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(await screen.findByTitle('Identity verification')).toBeInTheDocument();
    expect(dialog).toContainElement(screen.getByTitle('Identity verification'));
    expect(document.body.style.overflow).toBe('hidden');
    expect(dialog.contains(document.activeElement)).toBe(true);
    // Themed like the other components, through --vgk-* properties, with defaults of its own.
    expect(dialog.style.getPropertyValue('background')).toBe('var(--vgk-color-surface, #fff)');
    // Square corners on a phone (full screen), the theme's radius above 600 px.
    expect(dialog.style.getPropertyValue('border-radius')).toContain('var(--vgk-radius, 12px)');
    await expectNoAxeViolations();
  });

  it('given the page says the flow ended and the server agrees, then the dialog closes by itself and onComplete fires once', async () => {
    const { client, finish } = fakeClient();
    const onComplete = vi.fn();
    renderFlow(client, { mode: modalMode, onComplete });
    await screen.findByRole('dialog', { name: 'Identity verification' });
    const frame = (await screen.findByTitle('Identity verification')) as HTMLIFrameElement;
    finish('F1');
    window.dispatchEvent(
      new MessageEvent('message', {
        origin: ORIGIN,
        source: frame.contentWindow,
        data: { protocol: 'verigram-hf2', version: 1, flowId: 'F1', type: 'completed', flowStatus: 'pass' },
      }),
    );
    await waitFor(() => expect(onComplete).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(document.body.style.overflow).not.toBe('hidden');
  });

  it('given Escape, then it asks first; "Keep verifying" keeps it open; "Stop verification" closes, cancels and returns focus', async () => {
    const { client } = fakeClient();
    const onCancel = vi.fn();
    render(<button type="button">Verify me</button>);
    const opener = screen.getByRole('button', { name: 'Verify me' });
    opener.focus();
    renderFlow(client, { mode: modalMode, onCancel });
    await screen.findByTitle('Identity verification');

    fireEvent.keyDown(document, { key: 'Escape' });
    expect(await screen.findByRole('alertdialog')).toHaveTextContent('Stop the verification?');
    // Named for what they do: neither reads like the hosted page's own "Continue".
    expect(screen.queryByRole('button', { name: 'Continue' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Keep verifying' })).toHaveFocus();
    await expectNoAxeViolations();
    fireEvent.click(screen.getByRole('button', { name: 'Keep verifying' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(onCancel).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Stop verification' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(document.body.style.overflow).toBe('');
    expect(opener).toHaveFocus();
  });

  it('given it is closed while the flow is still being created, then no frame ever appears', async () => {
    const { client } = fakeClient();
    const releases: Array<(handle: FlowHandle) => void> = [];
    client.createFlow.mockImplementation(() => new Promise<FlowHandle>((r) => releases.push(r)));
    const onCancel = vi.fn();
    // The witness: an inline flow beside it, whose creation answers at the same moment. Once its
    // frame shows, a frame for the closed one would have shown too.
    render(
      <VerigramProvider client={client}>
        <VerigramFlow pollInterval={0} mode={modalMode} onCancel={onCancel} />
        <VerigramFlow pollInterval={0} />
      </VerigramProvider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Close' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Stop verification' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(releases).toHaveLength(2);
    await act(async () => {
      releases[0]?.({ flowId: 'F1', vlink: `${ORIGIN}/hf2/F1/`, flowToken: 'token-F1' });
      releases[1]?.({ flowId: 'W1', vlink: `${ORIGIN}/hf2/W1/`, flowToken: 'token-W1' });
    });
    const witness = (await screen.findByTitle('Identity verification')) as HTMLIFrameElement;
    expect(witness.src).toBe(`${ORIGIN}/hf2/W1/`);
    expect(screen.getAllByTitle('Identity verification')).toHaveLength(1);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('given Tab on the last focusable element, then focus wraps to the first; focus outside comes back', async () => {
    const { client } = fakeClient();
    render(<button type="button">Outside</button>);
    renderFlow(client, { mode: modalMode });
    const dialog = await screen.findByRole('dialog');
    const iframe = await screen.findByTitle('Identity verification');
    const close = screen.getByRole('button', { name: 'Close' });
    iframe.focus();
    fireEvent.keyDown(document, { key: 'Tab' });
    expect(close).toHaveFocus();
    fireEvent.keyDown(document, { key: 'Tab', shiftKey: true });
    expect(iframe).toHaveFocus();
    screen.getByRole('button', { name: 'Outside' }).focus();
    expect(dialog.contains(document.activeElement)).toBe(true);
  });

  it('speaks Russian when asked', async () => {
    const { client } = fakeClient();
    renderFlow(client, { mode: modalMode, locale: 'ru' });
    expect(await screen.findByRole('dialog', { name: 'Проверка личности' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Закрыть' }));
    expect(await screen.findByRole('button', { name: 'Продолжить проверку' })).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Остановить проверку' })).toBeInTheDocument();
  });

  it('given Escape pressed inside the hosted page (its close_request message), then it asks whether to stop', async () => {
    const { client } = fakeClient();
    const onCancel = vi.fn();
    renderFlow(client, { mode: modalMode, onCancel });
    const iframe = (await screen.findByTitle('Identity verification')) as HTMLIFrameElement;
    // The host's document never sees that key: the page tells it.
    window.dispatchEvent(
      new MessageEvent('message', {
        origin: ORIGIN,
        source: iframe.contentWindow,
        data: { protocol: 'verigram-hf2', version: 1, flowId: 'F1', type: 'close_request' },
      }),
    );
    expect(await screen.findByRole('alertdialog')).toHaveTextContent('Stop the verification?');
    expect(screen.getByRole('button', { name: 'Keep verifying' })).toHaveFocus();
    expect(onCancel).not.toHaveBeenCalled();
  });

  it('given the same message from another window, then nothing happens', async () => {
    const { client } = fakeClient();
    renderFlow(client, { mode: modalMode });
    await screen.findByTitle('Identity verification');
    window.dispatchEvent(
      new MessageEvent('message', {
        origin: ORIGIN,
        source: window,
        data: { protocol: 'verigram-hf2', version: 1, flowId: 'F1', type: 'close_request' },
      }),
    );
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});

describe('<VerigramFlow mode={popupMode}>', () => {
  it('given the start click, then a sized window opens on the vlink; when it reaches the callback, the flow completes once and the window closes', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const { client, finish } = fakeClient();
      const popup = fakePopup();
      const open = vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window);
      const onComplete = vi.fn();
      const onCallback = vi.fn();
      renderFlow(client, { mode: popupMode, onComplete, onCallback });
      fireEvent.click(await screen.findByRole('button', { name: 'Start verification' }));
      expect(open).toHaveBeenCalledWith(
        `${ORIGIN}/hf2/F1/`,
        'verigram-F1',
        expect.stringMatching(/^popup,width=480,height=760/),
      );
      expect(screen.getByRole('status')).toHaveTextContent('Verification is open in another window.');
      await expectNoAxeViolations();

      finish('F1');
      popup.location.href = CALLBACK;
      await act(() => vi.advanceTimersByTimeAsync(1000));
      await waitFor(() => expect(onComplete).toHaveBeenCalledTimes(1));
      expect(onCallback).toHaveBeenCalledWith(CALLBACK);
      expect(popup.close).toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  it('given the window is closed before the end, then onCancel and the start button again', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const { client } = fakeClient();
      const popup = fakePopup();
      vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window);
      const onCancel = vi.fn();
      const onComplete = vi.fn();
      renderFlow(client, { mode: popupMode, onCancel, onComplete });
      fireEvent.click(await screen.findByRole('button', { name: 'Start verification' }));
      popup.closed = true;
      await act(() => vi.advanceTimersByTimeAsync(1000));
      await waitFor(() => expect(onCancel).toHaveBeenCalledTimes(1));
      expect(await screen.findByRole('button', { name: 'Start verification' })).toBeInTheDocument();
      expect(onComplete).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  it('given a popup blocker, then onError gets POPUP_BLOCKED', async () => {
    const { client } = fakeClient();
    vi.spyOn(window, 'open').mockReturnValue(null);
    const onError = vi.fn();
    renderFlow(client, { mode: popupMode, onError });
    fireEvent.click(await screen.findByRole('button', { name: 'Start verification' }));
    expect(onError.mock.calls[0]?.[0]).toMatchObject({
      name: 'VerigramKitError',
      errorCode: 'POPUP_BLOCKED',
    });
  });
});

describe('<VerigramFlow mode={autoMode}>', () => {
  it('given a page without the camera API, then the pre-flight picks popup, not a frame', async () => {
    vi.stubGlobal('navigator', { ...navigator, mediaDevices: undefined });
    const { client } = fakeClient();
    renderFlow(client, { mode: autoMode });
    expect(await screen.findByRole('button', { name: 'Start verification' })).toBeInTheDocument();
    expect(screen.queryByTitle('Identity verification')).toBeNull();
  });

  it('given an allow without camera, then popup; and a blocked popup falls back to redirect', async () => {
    vi.stubGlobal('navigator', { ...navigator, mediaDevices: { getUserMedia: async () => ({}) } });
    vi.spyOn(window, 'open').mockReturnValue(null);
    const { client } = fakeClient();
    renderFlow(client, { mode: autoMode, allow: 'fullscreen' });
    fireEvent.click(await screen.findByRole('button', { name: 'Start verification' }));
    // Redirect mode stores the way back before leaving for the hosted page.
    await waitFor(() =>
      expect(JSON.parse(sessionStorage.getItem('verigram-kit:return') ?? 'null')).toMatchObject({
        flowId: 'F1',
        returnUrl: location.href,
      }),
    );
  });

  it('given an in-app browser, then redirect', async () => {
    vi.stubGlobal('navigator', {
      ...navigator,
      userAgent: 'Mozilla/5.0 (iPhone) Mobile/15E148 Instagram 300.0.0',
      mediaDevices: { getUserMedia: async () => ({}) },
    });
    const { client } = fakeClient();
    renderFlow(client, { mode: autoMode });
    await waitFor(() => expect(sessionStorage.getItem('verigram-kit:return')).not.toBeNull());
    expect(screen.queryByTitle('Identity verification')).toBeNull();
  });
});

describe('<VerigramFlow mode={redirectMode}>', () => {
  it('given a new flow, then it stores the handle and the way back, and leaves (no frame)', async () => {
    const { client } = fakeClient();
    renderFlow(client, { mode: redirectMode });
    await waitFor(() =>
      expect(JSON.parse(sessionStorage.getItem('verigram-kit:return') ?? 'null')).toEqual({
        flowId: 'F1',
        vlink: `${ORIGIN}/hf2/F1/`,
        flowToken: 'token-F1',
        returnUrl: location.href,
      }),
    );
    expect(screen.queryByTitle('Identity verification')).toBeNull();
  });

  it('given the return from the callback page with an ended flow, then onComplete once, with no new flow', async () => {
    const { client, finish } = fakeClient();
    sessionStorage.setItem(
      'verigram-kit:return',
      JSON.stringify({ flowId: 'R1', vlink: `${ORIGIN}/hf2/R1/`, flowToken: 't', returnUrl: location.href }),
    );
    history.replaceState(null, '', '/verify?verigram_flow_id=R1');
    finish('R1');
    const onComplete = vi.fn();
    renderFlow(client, { mode: redirectMode, onComplete });
    await waitFor(() => expect(onComplete).toHaveBeenCalledTimes(1));
    expect(client.createFlow).not.toHaveBeenCalled();
    expect(client.getFlow).toHaveBeenCalledWith('R1');
    expect(sessionStorage.getItem('verigram-kit:return')).toBeNull();
  });

  it('given the return with a flow still running, then it offers to continue instead of bouncing back', async () => {
    const { client } = fakeClient();
    const stored = { flowId: 'R2', vlink: `${ORIGIN}/hf2/R2/`, flowToken: 't', returnUrl: location.href };
    sessionStorage.setItem('verigram-kit:return', JSON.stringify(stored));
    history.replaceState(null, '', '/verify?verigram_flow_id=R2');
    renderFlow(client, { mode: redirectMode });
    expect(await screen.findByRole('button', { name: 'Continue verification' })).toBeInTheDocument();
    expect(JSON.parse(sessionStorage.getItem('verigram-kit:return') ?? 'null')).toEqual(stored);
  });
});

describe('<VerigramFlow phoneHandoff={PhoneHandoff}>', () => {
  it('given the phone handoff, then the vlink is offered as a QR code and the desktop completes when the phone finishes', async () => {
    const { client, finish } = fakeClient();
    const onComplete = vi.fn();
    renderFlow(client, { phoneHandoff: PhoneHandoff, pollInterval: 10, onComplete });
    expect(await screen.findByText('Continue on your phone')).toBeInTheDocument();
    const qr = screen.getByRole('img', { name: 'QR code of the verification link', hidden: true });
    expect(qr.getAttribute('src')).toMatch(/^data:image\/gif;base64,/);
    await expectNoAxeViolations();
    // No message at all: only polling sees the phone's end.
    finish('F1');
    await waitFor(() => expect(onComplete).toHaveBeenCalledTimes(1));
    expect(screen.queryByText('Continue on your phone')).toBeNull();
  });
});
