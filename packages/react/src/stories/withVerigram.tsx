import type { Decorator } from '@storybook/react-vite';
import { QueryClientProvider } from '@tanstack/react-query';
import { VerigramProvider } from '../VerigramProvider.tsx';
import type { VerigramStoryLoaded } from './verigramLoader.ts';

/**
 * Global decorator: every story renders inside the providers an app would set up, with the
 * client and QueryClient `verigramLoader` made for this story alone.
 */
export const withVerigram: Decorator = (Story, { loaded }) => {
  const verigram = loaded.verigram as VerigramStoryLoaded | undefined;
  if (!verigram) return <Story />;
  return (
    <QueryClientProvider client={verigram.queryClient}>
      <VerigramProvider client={verigram.client}>
        <Story />
      </VerigramProvider>
    </QueryClientProvider>
  );
};
