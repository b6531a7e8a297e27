// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { preflightCamera } from '../preflightCamera.ts';

const DESKTOP =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';
const base = { allow: 'camera; microphone', frameOrigin: 'https://web.verigram.kz', userAgent: DESKTOP };

function withCamera() {
  vi.stubGlobal('navigator', {
    ...navigator,
    userAgent: DESKTOP,
    mediaDevices: { getUserMedia: async () => ({}) },
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('preflightCamera', () => {
  it.each([
    ['Instagram', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148 Instagram 300.0.0'],
    ['Facebook (FBAN)', 'Mozilla/5.0 (iPhone) Mobile/15E148 [FBAN/FBIOS;FBAV/400.0.0.0]'],
    ['Facebook (FB_IAB)', 'Mozilla/5.0 (Linux; Android 14) Chrome/120 Mobile [FB_IAB/FB4A;FBAV/400.0]'],
    ['Line', 'Mozilla/5.0 (iPhone) Mobile/15E148 Safari Line/13.0.0'],
    ['TikTok', 'Mozilla/5.0 (Linux; Android 13) Chrome/120 Mobile musical_ly_2022'],
  ])('given the %s in-app browser, then redirect', (_, userAgent) => {
    withCamera();
    expect(preflightCamera({ ...base, userAgent })).toEqual({ mode: 'redirect', reason: 'in_app_browser' });
  });

  it('given a browser without getUserMedia, then popup', () => {
    vi.stubGlobal('navigator', { ...navigator, mediaDevices: undefined });
    expect(preflightCamera(base)).toEqual({ mode: 'popup', reason: 'no_camera_api' });
  });

  it('given an insecure context, then popup', () => {
    withCamera();
    vi.stubGlobal('isSecureContext', false);
    expect(preflightCamera(base)).toEqual({ mode: 'popup', reason: 'insecure_context' });
  });

  it('given an allow attribute without camera, then popup', () => {
    withCamera();
    expect(preflightCamera({ ...base, allow: 'fullscreen; microphone' })).toEqual({
      mode: 'popup',
      reason: 'frame_not_allowed',
    });
  });

  it.each([
    ["camera 'none'", 'popup'],
    ['camera https://other.example', 'popup'],
    ["camera 'self'", 'popup'],
    ['cameras; microphone', 'popup'],
    ['camera', 'inline'],
    ['microphone; camera *', 'inline'],
    ["camera 'src'", 'inline'],
    ['camera https://web.verigram.kz https://other.example', 'inline'],
  ])('given allow="%s", then %s', (allow, mode) => {
    withCamera();
    expect(preflightCamera({ ...base, allow }).mode).toBe(mode);
  });

  // What the Permissions Policy decides is tested in real Chromium, with the headers served for
  // real (packages/react/browser/VerigramFlow.chromium.test.ts); jsdom has no policy API.
  it('given a browser without a Permissions Policy API and everything else in place, then inline', () => {
    withCamera();
    expect(preflightCamera(base)).toEqual({ mode: 'inline', reason: 'ok' });
  });
});
