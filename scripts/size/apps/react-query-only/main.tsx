// The baseline of the whole kit: React and react-query, one query rendered. The kit's own cost is
// what it adds above this.
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';

function Answer() {
  const { data } = useQuery({ queryKey: ['answer'], queryFn: () => Promise.resolve('React Query') });
  return data ? <div data-mounted="">{data}</div> : null;
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <QueryClientProvider client={new QueryClient()}>
    <Answer />
  </QueryClientProvider>,
);
