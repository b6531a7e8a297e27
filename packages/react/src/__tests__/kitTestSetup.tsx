// The set-up the react package's component tests share: the providers an app wraps the kit in, a
// fake clock for polling, and axe. Each test file calls setUpKitTests() once at its top level.
import { notifyManager, onlineManager, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from '@testing-library/react';
import type { FlowClient } from '@verigram-kit/core';
import axe from 'axe-core';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { VerigramProvider } from '../VerigramProvider.tsx';

/** The fake clock's start: every timestamp a test asserts counts from here. */
export const FAKE_NOW = new Date('2026-01-01T10:00:00Z');

let queryClient: QueryClient | undefined;

/** This test's QueryClient (a fresh one per test, so no cached flow leaks between tests). */
export function testQueryClient(): QueryClient {
  if (!queryClient) throw new Error('call setUpKitTests() at the top of the test file');
  return queryClient;
}

/**
 * Before each test: a fresh QueryClient, react-query notifying React in a microtask, and (unless
 * `fakeClock: false`) fake timers from {@link FAKE_NOW}. After each: all of it undone.
 */
export function setUpKitTests({ fakeClock = true }: { fakeClock?: boolean } = {}): void {
  beforeEach(() => {
    // react-query tells React about changes on a zero-delay timer, which fake timers fire 1 ms
    // late when set during a tick; microtasks keep every timestamp in these tests exact.
    notifyManager.setScheduler(queueMicrotask);
    if (fakeClock) vi.useFakeTimers({ now: FAKE_NOW });
    queryClient = new QueryClient();
  });
  afterEach(() => {
    queryClient?.clear();
    queryClient = undefined;
    onlineManager.setOnline(true);
    vi.useRealTimers();
    notifyManager.setScheduler((callback) => setTimeout(callback, 0));
  });
}

/** The kit inside the providers an app gives it: this test's QueryClient and `client`. */
export function Providers({ client, children }: { client: FlowClient; children: ReactNode }) {
  return (
    <QueryClientProvider client={testQueryClient()}>
      <VerigramProvider client={client}>{children}</VerigramProvider>
    </QueryClientProvider>
  );
}

/** Moves the fake clock on by `ms`, letting React render what the timers caused. */
export const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

/**
 * Runs axe on `node` and expects no violation. jsdom computes no layout or colours, so the
 * color-contrast rule cannot work here and is off (Storybook's browser run checks contrast);
 * frames are the hosted page's, not the kit's. axe schedules timers of its own: under a fake clock
 * that does not advance by itself, pass `realTimers: true` (the test's clock stops there).
 */
export async function expectNoAxeViolations(
  node: Element = document.body,
  { realTimers = false }: { realTimers?: boolean } = {},
): Promise<void> {
  if (realTimers) vi.useRealTimers();
  const results = await axe.run(node, { iframes: false, rules: { 'color-contrast': { enabled: false } } });
  expect(
    results.violations.map(
      (violation) => `${violation.id}: ${violation.help} (${violation.nodes[0]?.target})`,
    ),
  ).toEqual([]);
}
