import type { Locale } from '@verigram-kit/core';

/**
 * A server timestamp as the reader's local time: `seconds` (hh:mm:ss, e.g. when to retry) or
 * `minutes` (hh:mm, a timeline's rows); the raw string if it does not parse.
 */
export function formatTimestamp(iso: string | number, locale: Locale, style: 'seconds' | 'minutes'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  // A handful per poll: not worth caching Intl.DateTimeFormat objects for.
  return date.toLocaleTimeString(locale, { timeStyle: style === 'seconds' ? 'medium' : 'short' });
}
