// @vitest-environment node
import type { FlowClient } from '@verigram-kit/core';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { popupMode, redirectMode } from '../flowWindow.tsx';
import { PhoneHandoff } from '../PhoneHandoff.tsx';
import { VerigramCallback } from '../VerigramCallback.tsx';
import { VerigramFlow } from '../VerigramFlow.tsx';
import { VerigramProvider } from '../VerigramProvider.tsx';
import { autoMode, modalMode } from '../verigramFlowModes.ts';

describe('<VerigramFlow> on the server', () => {
  it('given no window at all, when rendered to a string, then it is an empty container and calls nothing', () => {
    expect(typeof window).toBe('undefined');
    const client = { createFlow: vi.fn(), getFlow: vi.fn() } as unknown as FlowClient;
    for (const mode of [undefined, modalMode, popupMode, redirectMode, autoMode]) {
      const html = renderToString(
        <VerigramProvider client={client}>
          <VerigramFlow mode={mode} phoneHandoff={PhoneHandoff} locale="ru" />
        </VerigramProvider>,
      );
      expect(html).toBe('<div data-verigram-flow="" data-state="idle"><div></div></div>');
    }
    expect(client.createFlow).not.toHaveBeenCalled();
  });

  it('renders the callback page’s message without touching window', () => {
    expect(renderToString(<VerigramCallback locale="kk" />)).toContain('Тексеру аяқталды.');
  });
});
