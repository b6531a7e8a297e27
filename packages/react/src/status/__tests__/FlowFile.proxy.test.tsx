// <FlowFile> as a deployment runs it: the browser's proxy client, the real proxy over HTTP, the real
// sandbox behind it. What "this flow has no such file" and "the read failed" look like comes from
// their own answers, not from an invented one.
// (Test-only: the react package never imports the proxy or the sandbox in its own code.)
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { act, render, screen, waitFor } from '@testing-library/react';
import type { FlowClient, Locale } from '@verigram-kit/core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations, Providers, setUpKitTests } from '../../__tests__/kitTestSetup.tsx';
import { type ProxyOverSandbox, startProxyOverSandbox } from '../../__tests__/proxyOverSandbox.ts';
import { createProxyClient } from '../../createProxyClient.ts';
import { FlowFile } from '../FlowFile.tsx';
import { loadFlowStatusMessages } from '../loadFlowStatusMessages.ts';

let running: ProxyOverSandbox;
let origin: string;
setUpKitTests({ fakeClock: false });

beforeAll(async () => {
  running = await startProxyOverSandbox({ secret: 'flow-file-test-secret-flow-file-test-secret' });
  origin = running.origin;
  // jsdom has no object URLs; the image case is not what these tests are about.
  Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:proxy/file'), revokeObjectURL: vi.fn() });
});

afterEach(() => {
  running.sandbox.setFaults({});
});

afterAll(async () => {
  Reflect.deleteProperty(URL, 'createObjectURL');
  Reflect.deleteProperty(URL, 'revokeObjectURL');
  await running?.close();
});

/** A page's client of the proxy at `base`, with every file request's answer written down. */
function pageClient(base = `${origin}/api/verigram`) {
  const answers: string[] = [];
  const client = createProxyClient({
    baseUrl: base,
    // A browser adds Origin itself; Node's fetch does not (the proxy's CSRF check wants it on POSTs).
    headers: { Origin: origin },
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      if (String(input).includes('/resources/file')) {
        const body = (await response
          .clone()
          .json()
          .catch(() => ({}))) as { error_code?: string };
        answers.push(`${response.status} ${body.error_code ?? ''}`.trim());
      }
      return response;
    },
  });
  return { client, answers };
}

const MISSING: Record<Locale, string> = {
  en: 'This verification has no liveness_video file.',
  ru: 'В этой проверке нет файла liveness_video.',
  kk: 'Бұл тексеруде liveness_video файлы жоқ.',
};

/** `<FlowFile>` of `flowId` through `client`, once it shows the red error state (no retries). */
async function renderedInErrorState(client: FlowClient, flowId: string): Promise<HTMLElement> {
  const { container } = render(
    <Providers client={client}>
      <FlowFile flowId={flowId} label="bestframe" waitForTerminal={false} polling={{ retries: 0 }} />
    </Providers>,
  );
  const figure = container.querySelector('figure');
  await waitFor(() => expect(figure).toHaveAttribute('data-state', 'error'), { timeout: 10_000 });
  expect(screen.getByRole('alert')).toHaveTextContent('The file could not be loaded.');
  return container;
}

describe('<FlowFile> through the proxy, in front of the sandbox', () => {
  it.each(['en', 'ru', 'kk'] as const)(
    'given a passed flow with no video, when it asks for liveness_video (%s), then a neutral note says the flow has no such file',
    async (locale) => {
      const { client, answers } = pageClient();
      const { flowId } = await client.createFlow({ idempotencyKey: `no-video-${locale}` });
      const { container } = render(
        <Providers client={client}>
          <FlowFile flowId={flowId} label="liveness_video" locale={locale} />
        </Providers>,
      );
      await act(() => loadFlowStatusMessages(locale));
      const figure = container.querySelector('figure');
      await waitFor(() => expect(figure).toHaveAttribute('data-state', 'missing'), { timeout: 10_000 });
      expect(screen.getByRole('status')).toHaveTextContent(MISSING[locale]);
      expect(screen.queryByRole('alert')).toBeNull();
      // The proxy's uniform 404 for the sandbox's FILE_NOT_FOUND, asked once: it will not appear later.
      expect(answers).toEqual(['404 NOT_FOUND']);
      await expectNoAxeViolations(container);
    },
  );

  it('given the API fails (5xx), when it asks for a file, then it shows the error state', async () => {
    const { client, answers } = pageClient();
    const { flowId } = await client.createFlow({ idempotencyKey: 'upstream-down' });
    running.sandbox.setFaults({ error5xxRate: 1 });
    const container = await renderedInErrorState(client, flowId);
    expect(answers).toEqual(['500 INTERNAL_ERROR']);
    await expectNoAxeViolations(container);
  });

  it('given the proxy cannot be reached, when it asks for a file, then it shows the error state', async () => {
    const { client } = pageClient();
    const { flowId, flowToken, vlink } = await client.createFlow({ idempotencyKey: 'proxy-gone' });
    // A server that takes the port and closes it again: nothing listens there any more.
    const gone = createServer();
    await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
    const port = (gone.address() as AddressInfo).port;
    await new Promise((resolve) => gone.close(resolve));
    const offline = pageClient(`http://127.0.0.1:${port}/api/verigram`).client;
    offline.rememberFlow?.({ flowId, flowToken, vlink });
    await renderedInErrorState(offline, flowId);
  });
});
