// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isCallbackUrl } from '../isCallbackUrl.ts';
import { RETURN_PARAM, returnedFlow, saveRedirectReturn } from '../redirectReturn.ts';
import { clearResume, readResume, writeResume } from '../resumeStore.ts';
import { runCallbackPage } from '../runCallbackPage.ts';

const handle = { flowId: 'F1', vlink: 'http://127.0.0.1:4010/hf2/F1/', flowToken: 't' };

function fakeWindow(href: string, relations: { opener?: unknown; parent?: unknown } = {}) {
  const url = new URL(href);
  const win = {
    opener: relations.opener ?? null,
    location: { href, origin: url.origin, search: url.search, replace: vi.fn() },
    parent: relations.parent,
  };
  win.parent ??= win;
  return win as unknown as Window & { location: { replace: ReturnType<typeof vi.fn> } };
}

afterEach(() => sessionStorage.clear());

describe('runCallbackPage', () => {
  it('given a popup, then it posts the callback message to the opener with its own origin', () => {
    const opener = { postMessage: vi.fn() };
    const win = fakeWindow('https://app.example.com/verigram/callback', { opener });
    expect(runCallbackPage(win)).toBe('posted');
    expect(opener.postMessage).toHaveBeenCalledWith(
      {
        protocol: 'verigram-kit',
        version: 1,
        type: 'callback',
        url: 'https://app.example.com/verigram/callback',
        flowId: null,
      },
      'https://app.example.com',
    );
  });

  it('given a frame, then it posts to the parent, with the flow id from the query when present', () => {
    const parent = { postMessage: vi.fn() };
    const win = fakeWindow('https://app.example.com/verigram/callback?flow_id=F9', { parent });
    expect(runCallbackPage(win)).toBe('posted');
    expect(parent.postMessage.mock.calls[0]?.[0]).toMatchObject({ flowId: 'F9' });
  });

  it('given the top of the tab and a pending redirect, then it returns to the app with the flow id', () => {
    saveRedirectReturn(handle, 'http://localhost:3000/verify?step=2');
    const win = fakeWindow('http://localhost:3000/verigram/callback');
    expect(runCallbackPage(win)).toBe('returned');
    expect(win.location.replace).toHaveBeenCalledWith(
      `http://localhost:3000/verify?step=2&${RETURN_PARAM}=F1`,
    );
  });

  it('given a pending redirect to another origin, then it does not navigate there', () => {
    saveRedirectReturn(handle, 'https://evil.example/steal');
    const win = fakeWindow('http://localhost:3000/verigram/callback');
    expect(runCallbackPage(win)).toBe('none');
    expect(win.location.replace).not.toHaveBeenCalled();
  });
});

describe('redirect return and resume storage', () => {
  it('returnedFlow needs both the stored handle and the matching query parameter', () => {
    saveRedirectReturn(handle, location.href);
    expect(returnedFlow('')).toBeNull();
    expect(returnedFlow(`?${RETURN_PARAM}=F2`)).toBeNull();
    expect(returnedFlow(`?${RETURN_PARAM}=F1`)).toMatchObject(handle);
  });

  it('reads back a written handle, ignores junk, and clears', () => {
    writeResume('k', handle);
    expect(readResume('k')).toEqual(handle);
    sessionStorage.setItem('verigram-kit:junk', '{not json');
    expect(readResume('junk')).toBeNull();
    sessionStorage.setItem('verigram-kit:partial', '{"flowId":1}');
    expect(readResume('partial')).toBeNull();
    clearResume('k');
    expect(readResume('k')).toBeNull();
  });

  it('survives a storage that throws', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new Error('SecurityError');
    });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new Error('QuotaExceededError');
    });
    expect(() => writeResume('k', handle)).not.toThrow();
    expect(readResume('k')).toBeNull();
    vi.restoreAllMocks();
  });
});

describe('isCallbackUrl', () => {
  it('compares origin and path, not query or hash', () => {
    const cb = 'https://app.example.com/verigram/callback';
    expect(isCallbackUrl('https://app.example.com/verigram/callback?a=1#x', cb)).toBe(true);
    expect(isCallbackUrl('https://app.example.com.evil.io/verigram/callback', cb)).toBe(false);
    expect(isCallbackUrl('https://app.example.com/verigram/callback/x', cb)).toBe(false);
    expect(isCallbackUrl('about:blank', cb)).toBe(false);
    expect(isCallbackUrl('not a url', cb)).toBe(false);
  });
});
