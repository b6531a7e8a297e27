import { act, render, screen } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import {
  advance,
  expectNoAxeViolations,
  FAKE_NOW,
  Providers,
  setUpKitTests,
  testQueryClient,
} from '../../__tests__/kitTestSetup.tsx';
import {
  endedFlow,
  inProgressFlow,
  resultOf,
  ScriptedFlowClient,
  uniqueFlowId,
} from '../../__tests__/scriptedFlowClient.ts';
import { flowQueryKeys } from '../../queries/flowQueryKeys.ts';
import { FlowFile } from '../FlowFile.tsx';
import { FlowStatus } from '../FlowStatus.tsx';
import { FLOW_STATUS_MESSAGES_EN } from '../flowStatusMessages.ts';
import { loadFlowStatusMessages } from '../loadFlowStatusMessages.ts';

// The kk/ru chunk, held back until a test lets it arrive, and counted. This file's tests run in
// order: the chunk is not loaded before the ru test, and is loaded before the hydration test.
const chunk = vi.hoisted(() => {
  let release = () => {};
  const arrived = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { loads: 0, arrived, release: () => release() };
});
vi.mock('../flowStatusMessagesKkRu.ts', async (importOriginal) => {
  chunk.loads += 1;
  await chunk.arrived;
  return importOriginal();
});

// Every English word of the kit's strings for <FlowStatus> and <FlowFile>.
const englishWords = new Set(
  JSON.stringify(FLOW_STATUS_MESSAGES_EN)
    .replace(/"[a-zA-Z_]+":/g, '')
    .match(/[A-Za-z]{3,}/g),
);

/** What a user can read in `node`: its text, and its aria-label, alt and title attributes. */
function readable(node: Node): string[] {
  const texts = [node.textContent ?? ''];
  if (node instanceof Element) {
    for (const element of [node, ...node.querySelectorAll('*')]) {
      for (const name of ['aria-label', 'alt', 'title']) texts.push(element.getAttribute(name) ?? '');
    }
  }
  return texts;
}

const englishIn = (texts: string[]) =>
  texts.flatMap((text) => text.match(/[A-Za-z]{3,}/g) ?? []).filter((word) => englishWords.has(word));

/**
 * Watches what a user can read under `target`, keeping every value it ever held, so a string
 * that flashed between two checks is caught too.
 */
function watchText(target: Node) {
  const observer = new MutationObserver(() => {});
  observer.observe(target, {
    subtree: true,
    childList: true,
    characterData: true,
    characterDataOldValue: true,
    attributes: true,
    attributeOldValue: true,
    attributeFilter: ['aria-label', 'alt', 'title'],
  });
  const seen: string[] = [];
  return {
    /** English words read so far. */
    englishSoFar(): string[] {
      for (const record of observer.takeRecords()) {
        for (const node of record.addedNodes) seen.push(...readable(node));
        if (record.type !== 'childList') seen.push(record.oldValue ?? '');
        if (record.type === 'characterData') seen.push(record.target.textContent ?? '');
        if (record.type === 'attributes' && record.attributeName)
          seen.push((record.target as Element).getAttribute(record.attributeName) ?? '');
      }
      return englishIn(seen);
    },
    stop: () => observer.disconnect(),
  };
}

function root(container: HTMLElement): HTMLElement {
  const element = container.querySelector<HTMLElement>('.vgk-flow-status');
  if (!element) throw new Error('no .vgk-flow-status rendered');
  return element;
}

// The clock is faked per test: the hydration test runs on real timers.
setUpKitTests({ fakeClock: false });

describe('<FlowStatus> and <FlowFile> in a locale whose strings load on demand', () => {
  it('given locale en, then the very first render has the strings and no other chunk loads', async () => {
    vi.useFakeTimers({ now: FAKE_NOW });
    const flowId = uniqueFlowId();
    const client = new ScriptedFlowClient(inProgressFlow(flowId));
    client.getFlow = () => new Promise(() => {});
    const { container } = render(
      <Providers client={client}>
        <FlowStatus flowId={flowId} />
        <FlowFile flowId={flowId} label="bestframe" />
      </Providers>,
    );
    // No await before these: this is the first render's output.
    expect(screen.getByText('Loading the status…', { selector: '.vgk-flow-status__headline' })).toBeVisible();
    expect(root(container)).toHaveAttribute('aria-label', 'Verification status');
    expect(screen.getByText('Loading the file…')).toBeInTheDocument();
    await advance(10_000);
    expect(chunk.loads).toBe(0);
  });

  it('given locale ru, when the strings arrive after the first poll, then no English shows at any step', async () => {
    vi.useFakeTimers({ now: FAKE_NOW });
    const flowId = uniqueFlowId();
    const client = new ScriptedFlowClient(inProgressFlow(flowId));
    const watch = watchText(document.body);

    // First render: the skeleton, busy, in the page's language, and the chunk already requested.
    const { container } = render(
      <Providers client={client}>
        <FlowStatus flowId={flowId} locale="ru" />
        <FlowFile flowId={flowId} label="bestframe" locale="ru" />
      </Providers>,
    );
    expect(watch.englishSoFar()).toEqual([]);
    expect(container).toHaveTextContent(/^$/);
    expect(root(container)).toHaveAttribute('data-state', 'loading');
    expect(root(container)).toHaveAttribute('aria-busy', 'true');
    expect(root(container)).toHaveAttribute('lang', 'ru');
    // The live region is there from the first render, so the first real status is announced.
    expect(root(container).querySelector('[aria-live="polite"]')).toBeInTheDocument();

    // The first poll answers before the strings: still the skeleton, still no English.
    await advance(0);
    expect(chunk.loads).toBe(1);
    expect(client.calls.getFlow).toHaveLength(1);
    expect(watch.englishSoFar()).toEqual([]);
    expect(container).toHaveTextContent(/^$/);
    expect(root(container)).toHaveAttribute('data-state', 'loading');

    // The strings arrive: Russian, straight away.
    chunk.release();
    await act(() => loadFlowStatusMessages('ru'));
    expect(watch.englishSoFar()).toEqual([]);
    expect(root(container)).toHaveAttribute('data-state', 'in_progress');
    expect(root(container)).toHaveAttribute('aria-label', 'Статус проверки');
    expect(screen.getByText('Идёт проверка', { selector: '.vgk-flow-status__headline' })).toBeInTheDocument();
    expect(screen.getByText('Шаг 1 из 2: Проверка селфи')).toBeInTheDocument();
    expect(screen.getByText('Загрузка файла…')).toBeInTheDocument();

    // The flow ends: the verdict, the end cause and the timeline, all in Russian.
    client.flow = endedFlow(flowId, 'pass', 'completed');
    client.result = resultOf(client.flow);
    await advance(3000);
    expect(
      screen.getByText('Личность подтверждена', { selector: '.vgk-flow-status__headline' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Спасибо! Можно продолжать.')).toBeInTheDocument();
    expect(screen.getByText('Пройдено')).toBeInTheDocument();
    expect(watch.englishSoFar()).toEqual([]);
    watch.stop();
  });

  it('given a ru server render, then it prints the skeleton, and hydrating it fills in Russian without a mismatch', async () => {
    const flowId = uniqueFlowId();
    const flow = endedFlow(flowId, 'pass', 'completed');
    const client = new ScriptedFlowClient(flow, resultOf(flow));
    testQueryClient().setQueryData(flowQueryKeys.flow(flowId), flow);
    testQueryClient().setQueryData(flowQueryKeys.result(flowId), resultOf(flow));
    // The chunk is loaded by now on this side too, the hardest case: the hydrating render must
    // still match what the server printed.
    chunk.release();
    await loadFlowStatusMessages('ru');
    const page = (
      <Providers client={client}>
        <FlowStatus flowId={flowId} locale="ru" />
      </Providers>
    );

    const container = document.createElement('div');
    container.innerHTML = renderToString(page);
    document.body.append(container);
    expect(englishIn(readable(container))).toEqual([]);
    expect(root(container)).toHaveAttribute('data-state', 'loading');
    expect(root(container)).toHaveAttribute('aria-busy', 'true');
    expect(container).toHaveTextContent(/^$/);
    await expectNoAxeViolations(container);

    const watch = watchText(container);
    const onRecoverableError = vi.fn();
    const consoleError = vi.spyOn(console, 'error');
    const hydrated = await act(async () => hydrateRoot(container, page, { onRecoverableError }));
    expect(onRecoverableError).not.toHaveBeenCalled();
    expect(consoleError).not.toHaveBeenCalled();
    expect(watch.englishSoFar()).toEqual([]);
    expect(root(container)).toHaveAttribute('data-state', 'passed');
    expect(
      screen.getByText('Личность подтверждена', { selector: '.vgk-flow-status__headline' }),
    ).toBeInTheDocument();
    watch.stop();
    consoleError.mockRestore();
    act(() => hydrated.unmount());
    container.remove();
  });
});
