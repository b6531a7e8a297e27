'use client';
import { type QueryClient, QueryClientContext } from '@tanstack/react-query';
import { useContext } from 'react';

/**
 * The app's QueryClient. The kit does not create one (the app's cache, devtools and defaults
 * stay the app's), so a missing provider is the commonest setup mistake: say how to fix it.
 */
export function useKitQueryClient(hookName: string): QueryClient {
  const queryClient = useContext(QueryClientContext);
  if (!queryClient) {
    throw new Error(
      `${hookName} needs a <QueryClientProvider client={queryClient}> (@tanstack/react-query v5) above it`,
    );
  }
  return queryClient;
}
