import type { Preview } from '@storybook/react-vite';

const preview: Preview = {
  parameters: {
    layout: 'padded',
    // Every story is checked by axe; a violation fails its test (pnpm test runs the stories).
    a11y: { test: 'error' },
  },
};

export default preview;
