import type { FlowHandle } from '../FlowClient.ts';
import { readResume, writeResume } from './resumeStore.ts';

// Redirect mode leaves the app for the hosted page, which comes back to `callback_url` exactly as
// given, with no query parameters added (Verigram quickstart). So the handle and the page to return
// to are written to sessionStorage before leaving; the callback page (same origin, same tab) reads
// them and navigates back with the flow id in RETURN_PARAM. The static public/callback.html repeats
// these two names, keep them in step.

/** sessionStorage key (after the `verigram-kit:` prefix) of the pending redirect. */
export const RETURN_KEY = 'return';
/** Query parameter that carries the flow id back to the app. */
export const RETURN_PARAM = 'verigram_flow_id';

export interface RedirectReturn extends FlowHandle {
  /** The app page to come back to. */
  returnUrl: string;
}

export function saveRedirectReturn(handle: FlowHandle, returnUrl: string): void {
  writeResume(RETURN_KEY, { ...handle, returnUrl } as RedirectReturn);
}

/** The pending redirect, or null. */
export function readRedirectReturn(): RedirectReturn | null {
  const value = readResume(RETURN_KEY) as RedirectReturn | null;
  return typeof value?.returnUrl === 'string' ? value : null;
}

/** The flow this page load came back with from the callback page, or null. */
export function returnedFlow(search: string): FlowHandle | null {
  const id = new URLSearchParams(search).get(RETURN_PARAM);
  const pending = readRedirectReturn();
  return id && pending?.flowId === id ? pending : null;
}
