// @vitest-environment node
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { endedFlow, resultOf, ScriptedFlowClient, uniqueFlowId } from '../../__tests__/scriptedFlowClient.ts';
import { flowQueryKeys } from '../../queries/flowQueryKeys.ts';
import { VerigramProvider } from '../../VerigramProvider.tsx';
import { FlowFile } from '../FlowFile.tsx';
import { FlowStatus } from '../FlowStatus.tsx';
import { loadFlowStatusMessages } from '../loadFlowStatusMessages.ts';

/** The server render of a passed flow whose flow and result were prefetched. */
function serverRender(locale: 'kk' | 'ru' | 'en'): string {
  const flowId = uniqueFlowId();
  const flow = endedFlow(flowId, 'pass', 'completed');
  const queryClient = new QueryClient();
  queryClient.setQueryData(flowQueryKeys.flow(flowId), flow);
  queryClient.setQueryData(flowQueryKeys.result(flowId), resultOf(flow));
  return renderToString(
    <QueryClientProvider client={queryClient}>
      <VerigramProvider client={new ScriptedFlowClient(flow, resultOf(flow))}>
        <FlowStatus flowId={flowId} locale={locale} />
        <FlowFile flowId={flowId} label="bestframe" locale={locale} />
      </VerigramProvider>
    </QueryClientProvider>,
  );
}

// Text between tags and the attributes a user can read; class names and data-* are not read.
const readable = (html: string) =>
  [...html.matchAll(/>([^<]+)</g), ...html.matchAll(/(?:aria-label|alt|title)="([^"]*)"/g)].map(
    (match) => match[1],
  );

describe('<FlowStatus> and <FlowFile> on the server', () => {
  it('given locale en and a prefetched flow, then the status is printed in English', () => {
    const html = serverRender('en');
    expect(readable(html)).toEqual(
      expect.arrayContaining(['Identity confirmed', 'Thank you. You can continue.']),
    );
    expect(html).toContain('aria-label="Verification status"');
  });

  it.each(['ru', 'kk'] as const)(
    'given locale %s, then the skeleton is printed, with no text in any language, even once the strings are loaded here',
    async (locale) => {
      for (const loaded of [false, true]) {
        if (loaded) await loadFlowStatusMessages(locale);
        const html = serverRender(locale);
        expect(readable(html).join('')).toBe('');
        expect(html).toContain('data-state="loading"');
        expect(html).toContain('aria-busy="true"');
        expect(html).toContain(`lang="${locale}"`);
      }
    },
  );
});
