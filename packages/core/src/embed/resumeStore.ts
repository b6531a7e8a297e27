import type { FlowHandle } from '../FlowClient.ts';

// Flow handles kept in sessionStorage so a reload (or a redirect round trip) resumes the same flow
// instead of creating another. sessionStorage, not localStorage: the token
// must not outlive the tab. Every access is guarded because storage throws in some privacy modes.
const PREFIX = 'verigram-kit:';

/** The stored handle under `key`, or null when absent or not a handle. */
export function readResume(key: string): FlowHandle | null {
  try {
    const value = JSON.parse(sessionStorage.getItem(PREFIX + key) ?? 'null');
    return typeof value?.flowId === 'string' && typeof value.vlink === 'string' ? value : null;
  } catch {
    return null;
  }
}

export function writeResume(key: string, handle: FlowHandle): void {
  try {
    sessionStorage.setItem(PREFIX + key, JSON.stringify(handle));
  } catch {}
}

export function clearResume(key: string): void {
  try {
    sessionStorage.removeItem(PREFIX + key);
  } catch {}
}
