import type { Locale } from '@verigram-kit/core';
import { createLocaleLoader, useLocaleTexts } from '../createLocaleLoader.ts';
import {
  FLOW_STATUS_MESSAGES_EN,
  type FlowStatusMessages,
  type FlowStatusMessagesOverrides,
  resolveFlowStatusMessages,
} from './flowStatusMessages.ts';

// Kazakh and Russian are one lazy chunk, outside the main entry's 8 kB; the first <FlowStatus> or
// <FlowFile> in either locale starts the import and shows its skeleton until it lands.
const flowStatusMessages = createLocaleLoader(FLOW_STATUS_MESSAGES_EN, (locale) =>
  import('./flowStatusMessagesKkRu.ts').then((chunk) => chunk.default[locale]),
);

/**
 * The kit's strings for `<FlowStatus>` and `<FlowFile>` in `locale`: English at once, Kazakh and
 * Russian from a chunk fetched on first use (the same one the components load).
 * @example const ru = await loadFlowStatusMessages('ru'); ru.state.passed // 'Пройдена'
 */
export const loadFlowStatusMessages: (locale: Locale) => Promise<FlowStatusMessages> =
  flowStatusMessages.load;

/**
 * The strings of `<FlowStatus>` and `<FlowFile>` in `locale` with the consumer's overrides, or
 * undefined while Kazakh or Russian are loading: the components then render their skeleton,
 * never English in their place.
 */
export function useFlowStatusMessages(
  locale: Locale,
  overrides: FlowStatusMessagesOverrides | undefined,
): FlowStatusMessages | undefined {
  const base = useLocaleTexts(flowStatusMessages, locale);
  return base && resolveFlowStatusMessages(base, overrides);
}
