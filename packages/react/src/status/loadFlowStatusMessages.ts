import type { Locale } from '@verigram-kit/core';
import { FLOW_STATUS_MESSAGES_EN, type FlowStatusMessages } from './flowStatusMessages.ts';

// Kazakh and Russian are a lazy chunk (issue 8's 8 kB budget); the first <FlowStatus> or
// <FlowFile> in either locale starts the import and shows its skeleton until it lands, so no
// English is ever shown in their place.
const loaded: Partial<Record<Locale, FlowStatusMessages>> = { en: FLOW_STATUS_MESSAGES_EN };
const listeners = new Set<() => void>();
let pending: Promise<void> | undefined;

/** The locale's strings if already loaded (English always is). */
export const peekFlowStatusMessages = (locale: Locale): FlowStatusMessages | undefined => loaded[locale];

/** Calls `onLoad` once the lazily loaded strings arrive; returns the unsubscribe. */
export function subscribeFlowStatusMessages(onLoad: () => void): () => void {
  listeners.add(onLoad);
  return () => listeners.delete(onLoad);
}

/**
 * The kit's strings for `<FlowStatus>` and `<FlowFile>` in `locale`: English at once, Kazakh and
 * Russian from a chunk fetched on first use (the same one the components load).
 * @example const ru = await loadFlowStatusMessages('ru'); ru.state.passed // 'Пройдена'
 */
export function loadFlowStatusMessages(locale: Locale): Promise<FlowStatusMessages> {
  const known = loaded[locale];
  if (known) return Promise.resolve(known);
  pending ??= import('./flowStatusMessagesKkRu.ts')
    .then(
      (chunk) => chunk.default,
      // A chunk that cannot load (offline, or a deploy replaced it) must not leave the status a
      // skeleton forever: English beats no status at all.
      () => ({ kk: FLOW_STATUS_MESSAGES_EN, ru: FLOW_STATUS_MESSAGES_EN }),
    )
    .then((tables) => {
      Object.assign(loaded, tables);
      for (const listener of listeners) listener();
    });
  return pending.then(() => loaded[locale] as FlowStatusMessages);
}
