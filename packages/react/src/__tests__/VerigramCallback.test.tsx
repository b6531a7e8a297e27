import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VerigramCallback } from '../VerigramCallback.tsx';

afterEach(() => vi.restoreAllMocks());

describe('<VerigramCallback>', () => {
  it('given it is opened as a popup, then it tells its opener, naming its own origin', () => {
    const opener = { postMessage: vi.fn() };
    Object.defineProperty(window, 'opener', { value: opener, configurable: true, writable: true });
    render(<VerigramCallback locale="ru" />);
    window.opener = null;
    expect(screen.getByRole('status')).toHaveTextContent('Проверка завершена.');
    expect(opener.postMessage).toHaveBeenCalledWith(
      { protocol: 'verigram-kit', version: 1, type: 'callback', url: location.href, flowId: null },
      location.origin,
    );
  });

  it('given custom children, then they are shown instead', () => {
    render(<VerigramCallback>Done!</VerigramCallback>);
    expect(screen.getByRole('status')).toHaveTextContent('Done!');
  });
});
