import type { Locale } from '@verigram-kit/core';
import { useSyncExternalStore } from 'react';

// The one way the kit's texts load Kazakh and Russian: English ships with the code that shows it;
// kk and ru are chunks fetched on first use, and until a chunk lands the caller shows its skeleton
// (or nothing), never English in their place. No 'use client' here: loadFlowStatusMessages, built
// on this, may be called from a server component to prefetch.

/**
 * The texts of one part of the kit (a table, or a function that says a thing) in each locale.
 * Its methods use no `this`, so they can be passed on as plain functions.
 */
export interface LocaleLoader<T> {
  /** `locale`'s texts if already loaded (English always is), else undefined. */
  peek(locale: Locale): T | undefined;
  /** `locale`'s texts, fetching their chunk once; a chunk that cannot load gives English. */
  load(locale: Locale): Promise<T>;
  /** Calls `onLoad` whenever a chunk lands; returns the unsubscribe. */
  subscribe(onLoad: () => void): () => void;
}

/**
 * A loader for texts whose English is `en` and whose Kazakh and Russian `importTexts` fetches
 * (a dynamic `import()`, so each stays a chunk of its own).
 */
export function createLocaleLoader<T>(
  en: T,
  importTexts: (locale: 'kk' | 'ru') => Promise<T>,
): LocaleLoader<T> {
  const loaded: Partial<Record<Locale, T>> = { en };
  // One request per locale however many components ask for it while it loads.
  const requested: Partial<Record<Locale, Promise<T>>> = { en: Promise.resolve(en) };
  const listeners = new Set<() => void>();
  return {
    peek: (locale) => loaded[locale],
    load(locale) {
      requested[locale] ??= importTexts(locale as 'kk' | 'ru')
        // A chunk that cannot load (offline, or a deploy replaced it) must not leave a skeleton
        // forever: English beats no text at all.
        .catch(() => en)
        .then((texts) => {
          loaded[locale] = texts;
          for (const listener of listeners) listener();
          return texts;
        });
      return requested[locale];
    },
    subscribe(onLoad) {
      listeners.add(onLoad);
      return () => listeners.delete(onLoad);
    },
  };
}

/**
 * `locale`'s texts from `loader`, or undefined while their chunk loads (the caller then renders
 * its skeleton). The fetch starts during render, not after commit, alongside the caller's data.
 */
export function useLocaleTexts<T>(loader: LocaleLoader<T>, locale: Locale): T | undefined {
  if (!loader.peek(locale)) void loader.load(locale);
  return useSyncExternalStore(
    loader.subscribe,
    () => loader.peek(locale),
    // The server's render and the hydrating one must agree whatever either has loaded by then:
    // English, or the skeleton. The client fills in kk/ru right after hydrating.
    () => (locale === 'en' ? loader.peek(locale) : undefined),
  );
}
