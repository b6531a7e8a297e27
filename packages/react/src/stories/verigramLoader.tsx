import type { Decorator } from '@storybook/react-vite';
import type { QueryClient as QueryClientType } from '@tanstack/react-query';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { FlowClient, Locale } from '@verigram-kit/core';
import { createInMemoryClient, type InMemoryClient, type InMemoryClientOptions } from '@verigram-kit/sandbox';
import { VerigramProvider } from '../VerigramProvider.tsx';

/** What a story may ask of its backend, under `parameters.verigram`. */
export interface VerigramStoryParameters {
  /** Options of the story's in-memory sandbox client. @default {} (person `sandbox-user`, no latency) */
  client?: InMemoryClientOptions;
  /**
   * Replaces what the components see, e.g. with scripted failures no sandbox answer produces.
   * @default the in-memory client itself
   */
  wrap?: (sandbox: InMemoryClient) => FlowClient;
  /** Runs before the story renders, e.g. creates and advances the flow a status story shows. */
  setup?: (sandbox: InMemoryClient, locale: Locale) => Promise<StorySetup> | StorySetup;
}

/** What `setup` hands the story (a `flowId` for the status components). */
export interface StorySetup {
  flowId?: string;
  /** Undoes what `setup` changed outside the sandbox (storage, the address); run when the story is left. */
  release?: () => void;
}

/** `context.loaded.verigram` of every story. */
export interface VerigramStoryLoaded extends StorySetup {
  sandbox: InMemoryClient;
  client: FlowClient;
  queryClient: QueryClientType;
  locale: Locale;
}

// Storybook runs the loaders, then the global beforeEach, whose cleanup runs when the story is left:
// what one story created (or changed, through `release`) is undone before the next one starts, and
// nothing leaks between story tests.
const live: { sandbox: InMemoryClient; queryClient: QueryClientType; release?: (() => void) | undefined }[] =
  [];

/** Global `beforeEach`: releases the previous story's client (blob vlinks) and query cache. */
export function releaseStoryBackends(): () => void {
  return () => {
    // Newest first: a story re-rendered by Storybook ran its loader twice, and undoing the later
    // set-up first gives back exactly what was there before the first.
    for (const { sandbox, queryClient, release } of live.splice(0).reverse()) {
      release?.();
      queryClient.clear();
      sandbox.dispose();
    }
  };
}

interface LoaderContext {
  parameters: { verigram?: VerigramStoryParameters };
  globals: { locale?: Locale };
}

/**
 * Global loader: a fresh in-memory sandbox (the real engine and hosted page, no server, so the
 * static Storybook works offline) and a fresh QueryClient for every story.
 */
export async function verigramLoader(context: LoaderContext): Promise<{ verigram: VerigramStoryLoaded }> {
  const options = context.parameters.verigram ?? {};
  const locale = context.globals.locale ?? 'en';
  const sandbox = createInMemoryClient(options.client);
  const queryClient = new QueryClient();
  const backend: (typeof live)[number] = { sandbox, queryClient };
  live.push(backend);
  const setup = (await options.setup?.(sandbox, locale)) ?? {};
  backend.release = setup.release;
  return {
    verigram: { ...setup, sandbox, client: options.wrap?.(sandbox) ?? sandbox, queryClient, locale },
  };
}

/** The story's backend, typed (Storybook types `loaded` as a plain record). */
export function loadedVerigram(loaded: Record<string, unknown>): VerigramStoryLoaded {
  const verigram = loaded.verigram as VerigramStoryLoaded | undefined;
  if (!verigram) throw new Error('verigramLoader did not run: is .storybook/preview.tsx loading it?');
  return verigram;
}

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
