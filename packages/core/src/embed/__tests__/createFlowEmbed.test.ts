// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFlowEmbed, type FlowEmbed } from '../createFlowEmbed.ts';
import { mountFlowFrame } from '../mountFlowFrame.ts';

const VLINK = 'http://127.0.0.1:4010/hf2/F1/';
const ORIGIN = 'http://127.0.0.1:4010';
const CALLBACK = `${location.origin}/verigram/callback`;
const ready = { protocol: 'verigram-hf2', version: 1, type: 'ready', flowId: 'F1', stepCount: 2 };

let embeds: FlowEmbed[] = [];
afterEach(() => {
  for (const e of embeds) e.destroy();
  embeds = [];
  document.body.innerHTML = '';
});

function mounted() {
  const onMessage = vi.fn();
  const onCallback = vi.fn();
  const embed = createFlowEmbed({ flowId: 'F1', vlink: VLINK, callbackUrl: CALLBACK, onMessage, onCallback });
  embeds.push(embed);
  const container = document.createElement('div');
  document.body.append(container);
  const frame = embed.mount(container, { title: 'Identity verification', allow: 'camera' });
  const send = (data: unknown, origin = ORIGIN, source: Window | null = frame.contentWindow) =>
    dispatchEvent(new MessageEvent('message', { data, origin, source }));
  return { embed, frame, onMessage, onCallback, send };
}

describe('createFlowEmbed', () => {
  it('given a mount, then the frame has the title, allow, src and no sandbox', () => {
    const { frame, embed } = mounted();
    expect(frame.title).toBe('Identity verification');
    expect(frame.getAttribute('allow')).toBe('camera');
    expect(frame.src).toBe(VLINK);
    expect(frame.hasAttribute('sandbox')).toBe(false);
    expect(embed.state).toBe('open');
    expect(embed.window).toBe(frame.contentWindow);
  });

  it('given a valid message from the exact origin and its own frame, then it is delivered', () => {
    const { onMessage, send } = mounted();
    send(ready);
    expect(onMessage).toHaveBeenCalledWith(ready);
  });

  it.each([
    ['a look-alike host', 'http://127.0.0.1:4010.evil.io'],
    ['another port', 'http://127.0.0.1:4011'],
    ['another scheme', 'https://127.0.0.1:4010'],
    ['the null origin', 'null'],
    ['the page’s own origin', location.origin],
  ])('given a valid message from %s, then it is ignored', (_, origin) => {
    const { onMessage, send } = mounted();
    send(ready, origin);
    expect(onMessage).not.toHaveBeenCalled();
  });

  it('given the right origin but another window, then it is ignored', () => {
    const { onMessage, send } = mounted();
    const other = document.createElement('iframe');
    document.body.append(other);
    send(ready, ORIGIN, other.contentWindow);
    send(ready, ORIGIN, window);
    send(ready, ORIGIN, null);
    expect(onMessage).not.toHaveBeenCalled();
  });

  it.each([
    ['a string', 'ready'],
    ['another protocol', { ...ready, protocol: 'other' }],
    ['another version', { ...ready, version: 2 }],
    ['a missing field', { ...ready, stepCount: undefined }],
    ['another flow', { ...ready, flowId: 'F2' }],
    ['a huge height', { ...ready, type: 'resize', height: 1e9 }],
  ])('given %s, then it is ignored', (_, data) => {
    const { onMessage, send, frame } = mounted();
    const height = frame.style.height;
    send(data);
    expect(onMessage).not.toHaveBeenCalled();
    expect(frame.style.height).toBe(height);
  });

  it('given a resize message, then the frame follows the height', () => {
    const { frame, send } = mounted();
    send({ ...ready, type: 'resize', height: 812 });
    expect(frame.style.height).toBe('812px');
  });

  it('given the callback page’s message from its own origin and frame, then onCallback fires once', () => {
    const { onCallback, send } = mounted();
    const message = { protocol: 'verigram-kit', version: 1, type: 'callback', url: CALLBACK, flowId: 'F1' };
    send(message, location.origin);
    send(message, location.origin);
    expect(onCallback).toHaveBeenCalledTimes(1);
    expect(onCallback).toHaveBeenCalledWith(CALLBACK);
  });

  it('given a callback message from the vlink’s origin, another flow or another page, then it is ignored', () => {
    const { onCallback, send } = mounted();
    const message = { protocol: 'verigram-kit', version: 1, type: 'callback', url: CALLBACK, flowId: null };
    send(message, ORIGIN);
    send({ ...message, flowId: 'F2' }, location.origin);
    send({ ...message, url: `${location.origin}/elsewhere` }, location.origin);
    expect(onCallback).not.toHaveBeenCalled();
  });

  it('post names the exact origin', () => {
    const { embed, frame } = mounted();
    const post = vi.spyOn(frame.contentWindow as Window, 'postMessage').mockImplementation(() => {});
    embed.post({ hello: 1 });
    expect(post).toHaveBeenCalledWith({ hello: 1 }, ORIGIN);
  });

  it('given destroy, then the frame is gone and messages are no longer delivered', () => {
    const { embed, frame, onMessage, send } = mounted();
    const source = frame.contentWindow;
    embed.destroy();
    send(ready, ORIGIN, source);
    expect(frame.isConnected).toBe(false);
    expect(onMessage).not.toHaveBeenCalled();
    expect(embed.state).toBe('destroyed');
  });

  it('given a popup, when it reaches the callback page, then onCallback fires; when closed, onClose', async () => {
    vi.useFakeTimers();
    try {
      const onCallback = vi.fn();
      const onClose = vi.fn();
      const popup = { closed: false, location: { href: VLINK }, close: vi.fn() } as unknown as Window;
      const embed = createFlowEmbed({
        flowId: 'F1',
        vlink: VLINK,
        callbackUrl: CALLBACK,
        onCallback,
        onClose,
      });
      embeds.push(embed);
      embed.attach(popup);
      await vi.advanceTimersByTimeAsync(1000);
      expect(onCallback).not.toHaveBeenCalled();
      (popup.location as { href: string }).href = `${CALLBACK}?x=1`;
      await vi.advanceTimersByTimeAsync(500);
      expect(onCallback).toHaveBeenCalledWith(`${CALLBACK}?x=1`);
      (popup as { closed: boolean }).closed = true;
      await vi.advanceTimersByTimeAsync(500);
      expect(onClose).toHaveBeenCalledTimes(1);
      expect(embed.state).toBe('closed');
    } finally {
      vi.useRealTimers();
    }
  });

  it('given an open popup, when destroyed, then it is closed', () => {
    const popup = { closed: false, location: { href: VLINK }, close: vi.fn() } as unknown as Window;
    const embed = createFlowEmbed({ flowId: 'F1', vlink: VLINK });
    embed.attach(popup);
    embed.destroy();
    expect(popup.close).toHaveBeenCalled();
  });
});

describe('mountFlowFrame', () => {
  function framed() {
    const onMessage = vi.fn();
    const container = document.createElement('div');
    document.body.append(container);
    const shown = mountFlowFrame({ flowId: 'F1', vlink: VLINK, onMessage }, container, {
      title: 'Identity verification',
      allow: 'camera',
    });
    const send = (data: unknown, origin = ORIGIN, source: Window | null = shown.frame.contentWindow) =>
      dispatchEvent(new MessageEvent('message', { data, origin, source }));
    return { shown, onMessage, send };
  }

  it('given a mount, then its frame hears only its own window from the exact origin, and follows a resize', () => {
    const { shown, onMessage, send } = framed();
    send(ready, `${ORIGIN}.evil.io`);
    send(ready, ORIGIN, window);
    expect(onMessage).not.toHaveBeenCalled();
    send({ ...ready, type: 'resize', height: 700 });
    expect(shown.frame.style.height).toBe('700px');
    expect(shown.frame.hasAttribute('sandbox')).toBe(false);
    shown.destroy();
  });

  it('given destroy, then the frame is gone and its messages are no longer heard', () => {
    const { shown, onMessage, send } = framed();
    const source = shown.frame.contentWindow;
    shown.destroy();
    send(ready, ORIGIN, source);
    expect(shown.frame.isConnected).toBe(false);
    expect(onMessage).not.toHaveBeenCalled();
  });
});
