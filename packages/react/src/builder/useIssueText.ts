'use client';
import type { Locale } from '@verigram-kit/core';
import { useEffect, useState } from 'react';
import { cachedIssueText, type IssueText, loadIssueText } from './loadIssueText.ts';

/**
 * The issue text of `locale`, or `undefined` while its kk/ru chunk loads. Callers show no issue
 * text until then rather than core's English, so a Kazakh or Russian designer never sees English
 * flash first.
 */
export function useIssueText(locale: Locale): IssueText | undefined {
  const [loaded, setLoaded] = useState<{ locale: Locale; text: IssueText }>();
  const text = cachedIssueText(locale) ?? (loaded?.locale === locale ? loaded.text : undefined);
  useEffect(() => {
    if (text) return;
    let live = true;
    loadIssueText(locale).then((next) => {
      if (live) setLoaded({ locale, text: next });
    });
    return () => {
      live = false;
    };
  }, [locale, text]);
  return text;
}
