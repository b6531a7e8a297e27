import type { Locale } from '@verigram-kit/core';

/** A server timestamp in the reader's locale and time zone; the raw string if it does not parse. */
export function formatTimestamp(iso: string | number, locale: Locale, style: 'time' | 'date-time'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  // A handful per poll: not worth caching Intl.DateTimeFormat objects for.
  return date.toLocaleString(
    locale,
    style === 'time' ? { timeStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'medium' },
  );
}
