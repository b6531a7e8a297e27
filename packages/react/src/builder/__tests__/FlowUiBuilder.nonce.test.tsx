import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FlowUiBuilder } from '../FlowUiBuilder.tsx';

describe('<FlowUiBuilder nonce>', () => {
  it('given the page’s CSP nonce, then the builder’s own <style> carries it', () => {
    const { container } = render(<FlowUiBuilder previewUrl={null} nonce="cmFuZG9tMTIz" />);
    const style = container.querySelector('style');
    expect(style?.textContent).toContain('.vgb-root');
    expect(style?.getAttribute('nonce')).toBe('cmFuZG9tMTIz');
  });
});
