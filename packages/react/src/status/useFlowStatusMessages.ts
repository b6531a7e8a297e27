'use client';
import type { Locale } from '@verigram-kit/core';
import { useSyncExternalStore } from 'react';
import {
  FLOW_STATUS_MESSAGES_EN,
  type FlowStatusMessages,
  type FlowStatusMessagesOverrides,
  resolveFlowStatusMessages,
} from './flowStatusMessages.ts';
import {
  loadFlowStatusMessages,
  peekFlowStatusMessages,
  subscribeFlowStatusMessages,
} from './loadFlowStatusMessages.ts';

/**
 * The strings of `<FlowStatus>` and `<FlowFile>` in `locale` with the consumer's overrides, or
 * undefined while Kazakh or Russian are loading: the components then render their skeleton,
 * never English in their place.
 */
export function useFlowStatusMessages(
  locale: Locale,
  overrides: FlowStatusMessagesOverrides | undefined,
): FlowStatusMessages | undefined {
  // Started during render, not after commit: the chunk is fetched alongside the first poll.
  if (!peekFlowStatusMessages(locale)) void loadFlowStatusMessages(locale);
  const base = useSyncExternalStore(
    subscribeFlowStatusMessages,
    () => peekFlowStatusMessages(locale),
    // The server's render and the hydrating one must agree whatever either has loaded by then:
    // English, or the skeleton. The client fills in kk/ru right after hydrating.
    () => (locale === 'en' ? FLOW_STATUS_MESSAGES_EN : undefined),
  );
  return base && resolveFlowStatusMessages(base, overrides);
}
