'use client';
import { type Locale, runCallbackPage } from '@verigram-kit/core';
import { type ReactNode, useEffect } from 'react';

const STRINGS: Record<Locale, string> = {
  en: 'Verification finished. You can close this window.',
  ru: 'Проверка завершена. Это окно можно закрыть.',
  kk: 'Тексеру аяқталды. Бұл терезені жабуға болады.',
};

export interface VerigramCallbackProps {
  /** @default 'en' */
  locale?: Locale | undefined;
  /** Shown while the page signals its opener or parent (or before it navigates back). */
  children?: ReactNode;
}

/**
 * Render at your `callbackUrl` route (default `/verigram/callback`). In a frame or popup it tells
 * the `<VerigramFlow>` that embedded it (target origin = this origin); at the top of the tab
 * (redirect mode) it returns to the page that started the flow, with the flow id.
 */
export function VerigramCallback({ locale, children }: VerigramCallbackProps) {
  useEffect(() => {
    runCallbackPage();
  }, []);
  return <p role="status">{children ?? STRINGS[locale ?? 'en'] ?? STRINGS.en}</p>;
}
